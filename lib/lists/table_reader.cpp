#include "lists/table_reader.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstring>

namespace maplan::lists {

namespace {
IoError file_error(const std::filesystem::path& path, std::string_view en, std::string_view ja) {
    return IoError({fmt::format("{}: error: {}", path.string(), en),
                    fmt::format("{}: エラー: {}", path.string(), ja)});
}

std::string lower_trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}
}  // namespace

MappedFile::MappedFile(const std::filesystem::path& path) {
    // O_NONBLOCK: open() on a FIFO with no writer would wait forever; the type check below
    // refuses it instead.
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        throw file_error(path, fmt::format("cannot read: {}", std::strerror(err)),
                         fmt::format("読み込めません: {}", std::strerror(err)));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw file_error(path, "not a regular file", "通常のファイルではありません");
    }
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ > 0) {
        data_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (data_ == MAP_FAILED) {
            int err = errno;
            ::close(fd);
            data_ = nullptr;
            throw file_error(path, fmt::format("cannot read: {}", std::strerror(err)),
                             fmt::format("読み込めません: {}", std::strerror(err)));
        }
        ::madvise(data_, size_, MADV_SEQUENTIAL);
    }
    ::close(fd);
}

MappedFile::~MappedFile() {
    if (data_ != nullptr) ::munmap(data_, size_);
}

IoError input_error(const std::filesystem::path& file, std::size_t row, std::size_t col,
                    const Text& what) {
    return IoError({fmt::format("{}:{}:{}: error: {}", file.string(), row, col, what.en),
                    fmt::format("{}:{}:{}: エラー: {}", file.string(), row, col, what.ja)});
}

TableReader::TableReader(const std::filesystem::path& path, std::optional<Encoding> forced)
    : path_(path), file_(path), body_(file_.bytes()), encoding_(Encoding::utf8), csv_({}) {
    if (body_.empty()) throw file_error(path, "the file is empty", "ファイルが空です");
    if (forced != Encoding::cp932) {
        // One validation pass over the whole file serves detection and, when it finds nothing,
        // spares validating every field again.
        const auto first_invalid = find_invalid_utf8_parallel(body_);
        all_valid_utf8_ = !first_invalid;
        encoding_ = forced.value_or(detect_encoding(body_, first_invalid));
    } else {
        encoding_ = Encoding::cp932;
    }
    if (body_.starts_with(utf8_bom)) {
        body_.remove_prefix(utf8_bom.size());
        if (encoding_ == Encoding::cp932) {
            throw file_error(
                path, "the file starts with a UTF-8 byte-order mark but --encoding cp932 was given",
                "ファイルは UTF-8 の BOM で始まっていますが --encoding cp932 が指定されています");
        }
    }
    if (encoding_ == Encoding::cp932) codec_.emplace(Cp932Codec::Direction::to_utf8);
    csv_ = CsvReader(body_);
    try {
        if (!read_raw())
            throw file_error(path, "the file has no header row", "見出し行がありません");
    } catch (const CsvSyntaxError& e) {
        throw input_error(path_, e.row, e.col, e.what_text);
    }
    header_.resize(raw_.size());
    for (std::size_t i = 0; i < raw_.size(); ++i) {
        std::string storage;
        header_[i] = decode(raw_[i], storage, i + 1);
    }
    decoded_.resize(header_.size());
    views_.resize(header_.size());
}

bool TableReader::read_raw() {
    return csv_.next(raw_);
}

bool TableReader::next() {
    try {
        if (!read_raw()) return false;
    } catch (const CsvSyntaxError& e) {
        throw input_error(path_, e.row, e.col, e.what_text);
    }
    if (raw_.size() != header_.size()) {
        const std::size_t col = std::min(raw_.size(), header_.size()) + 1;
        fail(col, {fmt::format("the row has {} fields but the header has {} (ragged row; a quote "
                               "or separator missing?)",
                               raw_.size(), header_.size()),
                   fmt::format("この行のフィールド数は {} ですが見出しは {} 列です(列数の不一致。"
                               "引用符や区切りの欠落?)",
                               raw_.size(), header_.size())});
    }
    for (std::size_t i = 0; i < raw_.size(); ++i) views_[i] = decode(raw_[i], decoded_[i], i + 1);
    return true;
}

std::string_view TableReader::decode(std::string_view raw, std::string& out, std::size_t col) {
    if (encoding_ != Encoding::cp932) {
        if (all_valid_utf8_) return raw;
        if (auto bad = find_invalid_utf8(raw)) {
            fail(col,
                 {fmt::format("byte 0x{:02X} at offset {} of the field is not valid UTF-8 (is "
                              "the file CP932? try --encoding cp932)",
                              static_cast<unsigned char>(raw[*bad]), *bad),
                  fmt::format("フィールドの {} バイト目の 0x{:02X} は UTF-8 として不正です(CP932 の"
                              "ファイルなら --encoding cp932 を指定)",
                              *bad, static_cast<unsigned char>(raw[*bad]))});
        }
        return raw;
    }
    bool ascii = true;
    for (char c : raw) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) return raw;
    if (auto bad = codec_->convert(raw, out)) {
        const auto byte = *bad < raw.size() ? static_cast<unsigned char>(raw[*bad]) : 0;
        fail(col, {fmt::format("byte 0x{:02X} at offset {} of the field cannot be decoded as CP932",
                               byte, *bad),
                   fmt::format("フィールドの {} バイト目の 0x{:02X} は CP932 として解釈できません",
                               *bad, byte)});
    }
    return out;
}

void TableReader::fail(std::size_t col, const Text& what) const {
    throw input_error(path_, csv_.row(), col, what);
}

std::optional<std::size_t> TableReader::find_column(std::string_view name) const {
    const std::string want = lower_trimmed(name);
    for (std::size_t i = 0; i < header_.size(); ++i) {
        if (lower_trimmed(header_[i]) == want) return i;
    }
    return std::nullopt;
}

}  // namespace maplan::lists
