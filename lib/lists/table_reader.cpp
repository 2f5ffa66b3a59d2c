#include "lists/table_reader.hpp"
#include "core/system_error.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <exception>
#include <memory>
#include <thread>

#include "lists/normalize.hpp"

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

InputFile::InputFile(const std::filesystem::path& path) : path_(path) {
    // O_NONBLOCK: open() on a FIFO with no writer would wait forever; the type check below
    // refuses it instead.
    fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) {
        int err = errno;
        Text why = errno_text(err);
        throw file_error(path, fmt::format("cannot read: {}", why.en),
                         fmt::format("読み込めません: {}", why.ja));
    }
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd_);
        throw file_error(path, "not a regular file", "通常のファイルではありません");
    }
    size_ = static_cast<std::size_t>(st.st_size);
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
}

InputFile::~InputFile() {
    ::close(fd_);
}

std::size_t InputFile::read_at(char* buf, std::size_t n, std::size_t offset) const {
    if (offset >= size_) return 0;
    n = std::min(n, size_ - offset);
    std::size_t done = 0;
    while (done < n) {
        const ssize_t got = ::pread(fd_, buf + done, n - done, static_cast<off_t>(offset + done));
        if (got < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            throw file_error(path_,
                             fmt::format("cannot read at byte {}: {}; nothing was imported",
                                         offset + done, errno_text(err).en),
                             fmt::format("{} バイト目を読み込めません: {}。何も取り込んでいません",
                                         offset + done, errno_text(err).ja));
        }
        if (got == 0) {
            throw file_error(
                path_,
                fmt::format("the file became shorter while it was read ({} bytes when opened, "
                            "{} now); was it still being written? nothing was imported",
                            size_, offset + done),
                fmt::format("読み込み中にファイルが短くなりました(開いた時 {} バイト、現在 {} "
                            "バイト)。書き込み中だったのでは? 何も取り込んでいません",
                            size_, offset + done));
        }
        done += static_cast<std::size_t>(got);
    }
    return done;
}

IoError input_error(const std::filesystem::path& file, std::size_t row, std::size_t col,
                    const Text& what) {
    return IoError({fmt::format("{}:{}:{}: error: {}", file.string(), row, col, what.en),
                    fmt::format("{}:{}:{}: エラー: {}", file.string(), row, col, what.ja)});
}

void InputProblems::add(std::size_t row, std::size_t col, const Text& what) {
    ++count_;
    if (lines_.size() < shown) lines_.push_back(input_error(file_, row, col, what).message());
}

void InputProblems::add_line(const Text& line) {
    ++count_;
    if (lines_.size() < shown) lines_.push_back(line);
}

IoError InputProblems::error() const {
    if (count_ == 1) return IoError(lines_.front());
    Text out{fmt::format("{}: error: {} bad values; nothing was imported (fix them all, then "
                         "import again):",
                         file_.string(), count_),
             fmt::format("{}: エラー: 不正な値が {} 件あります。何も取り込んでいません(すべて"
                         "直してから取り込み直してください):",
                         file_.string(), count_)};
    for (const Text& line : lines_) {
        out.en += "\n  " + line.en;
        out.ja += "\n  " + line.ja;
    }
    if (count_ > lines_.size()) {
        out.en += fmt::format("\n  ... and {} more", count_ - lines_.size());
        out.ja += fmt::format("\n  …ほか {} 件", count_ - lines_.size());
    }
    return IoError(out);
}

std::string shown_value(std::string_view value, bool show_pii) {
    return show_pii ? std::string(value) : mask_name(value);
}

namespace {

/// Feeds bytes [begin, end) of `file` to `evidence`, in chunks that end at an ASCII byte.
void gather_evidence(const InputFile& file, std::size_t begin, std::size_t end,
                     EncodingEvidence& evidence) {
    constexpr std::size_t chunk = std::size_t{4} << 20;
    std::unique_ptr<char[]> buf(new char[chunk]);
    std::size_t carry = 0;
    std::size_t offset = begin;
    while (!evidence.decided()) {
        const std::size_t want = std::min(chunk - carry, end - offset);
        const std::size_t got = want == 0 ? 0 : file.read_at(buf.get() + carry, want, offset);
        offset += got;
        const std::size_t len = carry + got;
        if (got == 0) {
            evidence.feed(std::string_view(buf.get(), len));
            return;
        }
        std::size_t cut = len;
        while (cut > 0 && static_cast<unsigned char>(buf[cut - 1]) >= 0x80) --cut;
        if (cut == 0) cut = len;  // 4 MiB without an ASCII byte: no line break either
        evidence.feed(std::string_view(buf.get(), cut));
        carry = len - cut;
        std::memmove(buf.get(), buf.get() + cut, carry);
    }
}

/// Where to split a large file for two threads: just after a line break near the middle, or 0.
std::size_t split_point(const InputFile& file) {
    constexpr std::size_t window = 1 << 16;
    const std::size_t mid = file.size() / 2;
    char buf[window];
    const std::size_t got = file.read_at(buf, window, mid);
    const void* nl = std::memchr(buf, '\n', got);
    return nl == nullptr ? 0
                         : mid + static_cast<std::size_t>(static_cast<const char*>(nl) - buf) + 1;
}

/// Reads the whole file once and decides its encoding. A large file is read by two threads, one
/// half each: every import waits for this before its first row.
EncodingChoice choose_encoding(const InputFile& file, std::optional<Encoding> forced) {
    const Text given{"it was given with --encoding", "--encoding で指定されたため"};
    if (forced == Encoding::cp932) return EncodingChoice{Encoding::cp932, given, false};
    EncodingEvidence evidence;
    const std::size_t split = file.size() >= (std::size_t{8} << 20) ? split_point(file) : 0;
    if (split == 0) {
        gather_evidence(file, 0, file.size(), evidence);
    } else {
        EncodingEvidence second(false);
        std::exception_ptr failed;
        std::thread helper([&] {
            try {
                gather_evidence(file, split, file.size(), second);
            } catch (...) {
                failed = std::current_exception();
            }
        });
        try {
            gather_evidence(file, 0, split, evidence);
        } catch (...) {
            helper.join();
            throw;
        }
        helper.join();
        if (failed && !evidence.decided()) std::rethrow_exception(failed);
        evidence.append(second);
    }
    EncodingChoice choice = evidence.choose();
    if (forced) {
        choice.encoding = *forced;
        choice.reason = given;
    }
    return choice;
}

}  // namespace

TableReader::TableReader(const std::filesystem::path& path, std::optional<Encoding> forced,
                         InputProblems* problems, std::size_t chunk_bytes)
    : path_(path),
      file_(path),
      problems_(problems),
      csv_(
          [this](char* buf, std::size_t n) {
              const std::size_t got = file_.read_at(buf, n, read_offset_);
              read_offset_ += got;
              return got;
          },
          chunk_bytes) {
    if (file_.size() == 0) throw file_error(path, "the file is empty", "ファイルが空です");
    choice_ = choose_encoding(file_, forced);
    char head[3] = {};
    if (file_.read_at(head, 3, 0) == 3 && std::string_view(head, 3) == utf8_bom) {
        if (choice_.encoding == Encoding::cp932) {
            throw file_error(
                path, "the file starts with a UTF-8 byte-order mark but --encoding cp932 was given",
                "ファイルは UTF-8 の BOM で始まっていますが --encoding cp932 が指定されています");
        }
        body_start_ = read_offset_ = utf8_bom.size();
    }
    if (choice_.encoding == Encoding::cp932) codec_.emplace(Cp932Codec::Direction::to_utf8);
    try {
        if (!read_raw())
            throw file_error(path, "the file has no header row", "見出し行がありません");
    } catch (const CsvSyntaxError& e) {
        throw input_error(path_, e.row, e.col, e.what_text);
    }
    header_.resize(raw_.size());
    InputProblems* collecting = problems_;
    problems_ = nullptr;  // a header that cannot be decoded is thrown: no column can be trusted
    for (std::size_t i = 0; i < raw_.size(); ++i) {
        std::string storage;
        header_[i] = decode(raw_[i], storage, i + 1);
    }
    problems_ = collecting;
    decoded_.resize(header_.size());
    views_.resize(header_.size());
}

bool TableReader::read_raw() {
    return csv_.next(raw_);
}

bool TableReader::next() {
    for (;;) {
        row_problem_ = false;
        try {
            if (!read_raw()) return false;
        } catch (const CsvSyntaxError& e) {
            throw input_error(path_, e.row, e.col, e.what_text);
        }
        if (raw_.size() != header_.size()) {
            const std::size_t col = std::min(raw_.size(), header_.size()) + 1;
            problem(col,
                    {fmt::format("the row has {} fields but the header has {} (ragged row; a "
                                 "quote or separator missing?)",
                                 raw_.size(), header_.size()),
                     fmt::format("この行のフィールド数は {} ですが見出しは {} 列です(列数の不一致。"
                                 "引用符や区切りの欠落?)",
                                 raw_.size(), header_.size())});
            continue;  // recorded: its fields cannot be matched to columns, so skip it
        }
        for (std::size_t i = 0; i < raw_.size(); ++i)
            views_[i] = decode(raw_[i], decoded_[i], i + 1);
        return true;
    }
}

std::string_view TableReader::decode(std::string_view raw, std::string& out, std::size_t col) {
    if (choice_.encoding != Encoding::cp932) {
        if (choice_.all_valid_utf8) return raw;
        if (auto bad = find_invalid_utf8(raw)) {
            problem(
                col,
                {fmt::format("byte 0x{:02X} at offset {} of the field is not valid UTF-8 (is "
                             "the file CP932? try --encoding cp932)",
                             static_cast<unsigned char>(raw[*bad]), *bad),
                 fmt::format("フィールドの {} バイト目の 0x{:02X} は UTF-8 として不正です(CP932 "
                             "のファイルなら --encoding cp932 を指定)",
                             *bad, static_cast<unsigned char>(raw[*bad]))});
            return {};
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
        problem(col,
                {fmt::format("byte 0x{:02X} at offset {} of the field cannot be decoded as CP932",
                             byte, *bad),
                 fmt::format("フィールドの {} バイト目の 0x{:02X} は CP932 として解釈できません",
                             *bad, byte)});
        return {};
    }
    return out;
}

void TableReader::problem(std::size_t col, const Text& what) {
    if (problems_ == nullptr) fail(col, what);
    problems_->add(csv_.row(), col, what);
    row_problem_ = true;
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
