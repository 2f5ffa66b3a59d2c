#include "lists/csv.hpp"

#include <cstring>

namespace maplan::lists {

CsvReader::CsvReader(Source source, std::size_t chunk_bytes, char separator)
    : final_(false),
      sep_(separator),
      source_(std::move(source)),
      buffer_(new char[chunk_bytes]),
      capacity_(chunk_bytes) {}

bool CsvReader::next(std::vector<std::string_view>& fields) {
    for (;;) {
        const std::size_t pos = pos_;
        const std::size_t row = row_;
        switch (parse(fields)) {
            case Parsed::record:
                return true;
            case Parsed::end:
                return false;
            case Parsed::need_more:
                // The record runs past the bytes read so far: read it again from its start once
                // the next chunk is in (records are short against a chunk, so this is rare).
                pos_ = pos;
                row_ = row;
                refill();
                break;
        }
    }
}

void CsvReader::refill() {
    const std::size_t kept = data_.size() - pos_;
    if (kept >= max_record_bytes) {
        throw CsvSyntaxError(
            row_ + 1, 1,
            {"a record longer than 64 MiB (is a quote never closed?)",
             "64 MiB を超えるレコードがあります(引用符が閉じられていないのでは?)"});
    }
    if (kept * 2 > capacity_) {
        // A record as long as half the buffer: grow, so that each refill still reads a chunk.
        const std::size_t grown = capacity_ * 2;
        std::unique_ptr<char[]> bigger(new char[grown]);
        std::memcpy(bigger.get(), data_.data() + pos_, kept);
        buffer_ = std::move(bigger);
        capacity_ = grown;
    } else if (kept > 0) {
        std::memmove(buffer_.get(), data_.data() + pos_, kept);
    }
    base_ += pos_;
    pos_ = 0;
    std::size_t size = kept;
    while (size < capacity_) {
        const std::size_t got = source_(buffer_.get() + size, capacity_ - size);
        if (got == 0) {
            final_ = true;
            break;
        }
        size += got;
    }
    data_ = std::string_view(buffer_.get(), size);
}

CsvReader::Parsed CsvReader::parse(std::vector<std::string_view>& fields) {
    fields.clear();
    scratch_.clear();
    const std::size_t n = data_.size();
    const char* d = data_.data();
    // Every test of "at the end of the bytes" below means the end of the input only when final_;
    // otherwise the record may go on in the next chunk.
    // Skip blank lines; each is a row of its own.
    while (pos_ < n && (d[pos_] == '\n' || d[pos_] == '\r')) {
        if (d[pos_] == '\r') {
            if (pos_ + 1 >= n && !final_) return Parsed::need_more;
            if (pos_ + 1 < n && d[pos_ + 1] == '\n') ++pos_;
        }
        ++pos_;
        ++row_;
    }
    if (pos_ >= n) return final_ ? Parsed::end : Parsed::need_more;
    ++row_;
    const std::size_t row = row_;
    for (;;) {
        const std::size_t col = fields.size() + 1;
        if (pos_ >= n && !final_) return Parsed::need_more;
        if (pos_ < n && d[pos_] == '"') {
            const std::size_t start = ++pos_;
            std::string* unescaped = nullptr;
            std::size_t chunk = start;
            for (;;) {
                const void* q = std::memchr(d + pos_, '"', n - pos_);
                const void* z = std::memchr(d + pos_, '\0',
                                            (q ? static_cast<const char*>(q) : d + n) - (d + pos_));
                if (z != nullptr) {
                    throw CsvSyntaxError(
                        row, col,
                        {"NUL byte (is the file UTF-16 or binary?)",
                         "NUL バイトがあります(UTF-16 またはバイナリファイルでは?)"});
                }
                if (q == nullptr) {
                    if (!final_) return Parsed::need_more;
                    throw CsvSyntaxError(row, col,
                                         {"quoted field is never closed (unterminated quote)",
                                          "引用符で始まるフィールドが閉じられていません"});
                }
                const std::size_t qpos = static_cast<std::size_t>(static_cast<const char*>(q) - d);
                if (qpos + 1 >= n && !final_) return Parsed::need_more;
                if (qpos + 1 < n && d[qpos + 1] == '"') {
                    if (unescaped == nullptr) unescaped = &scratch_.emplace_back();
                    unescaped->append(d + chunk, qpos + 1 - chunk);  // keep one quote
                    pos_ = qpos + 2;
                    chunk = pos_;
                    continue;
                }
                if (unescaped != nullptr) {
                    unescaped->append(d + chunk, qpos - chunk);
                    fields.emplace_back(*unescaped);
                } else {
                    fields.emplace_back(d + start, qpos - start);
                }
                pos_ = qpos + 1;
                break;
            }
            if (pos_ < n && d[pos_] != sep_ && d[pos_] != '\n' && d[pos_] != '\r') {
                throw CsvSyntaxError(
                    row, col,
                    {"unexpected text after the closing quote of a quoted field",
                     "引用符で囲んだフィールドの閉じ引用符の後に余分な文字があります"});
            }
        } else {
            const std::size_t start = pos_;
            while (pos_ < n) {
                char c = d[pos_];
                if (c == sep_ || c == '\n' || c == '\r') break;
                if (c == '\0') {
                    throw CsvSyntaxError(
                        row, col,
                        {"NUL byte (is the file UTF-16 or binary?)",
                         "NUL バイトがあります(UTF-16 またはバイナリファイルでは?)"});
                }
                ++pos_;
            }
            if (pos_ >= n && !final_) return Parsed::need_more;
            fields.emplace_back(d + start, pos_ - start);
        }
        if (pos_ >= n) {
            if (!final_) return Parsed::need_more;
            break;
        }
        if (d[pos_] == sep_) {
            ++pos_;
            continue;
        }
        // End of record.
        if (d[pos_] == '\r') {
            if (pos_ + 1 >= n && !final_) return Parsed::need_more;
            if (pos_ + 1 < n && d[pos_ + 1] == '\n') ++pos_;
        }
        ++pos_;
        break;
    }
    return Parsed::record;
}

void append_csv_cell(std::string& out, std::string_view cell, CsvCell kind) {
    bool formula = looks_like_formula(cell);
    if (formula && kind == CsvCell::email_address && (cell[0] == '+' || cell[0] == '-') &&
        cell.find('|') == std::string_view::npos) {
        formula = false;
    }
    // One pass over the bytes: find_first_of calls memchr on the four specials for every byte,
    // which was the extract's largest cost.
    bool quote = false;
    for (char c : cell) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (quote) out += '"';
    if (formula) out += '\'';
    if (quote) {
        for (char c : cell) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    } else {
        out.append(cell);
    }
}

void append_csv_record(std::string& out, const std::vector<std::string_view>& cells,
                       std::size_t address_column) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += ',';
        append_csv_cell(out, cells[i],
                        i == address_column ? CsvCell::email_address : CsvCell::text);
    }
    out += "\r\n";
}

}  // namespace maplan::lists
