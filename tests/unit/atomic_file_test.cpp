// The one writer of output files (lib/core/atomic_file.hpp): modes, symlinks, refused targets,
// inputs, long names, standard output and the temporary file; and the one line printed for a
// failure that is not ma-plan's own (core/errors.hpp).
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "../common/files.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "core/system_error.hpp"

namespace fs = std::filesystem;
using maplan::AtomicFileWriter;
using maplan::IoError;
using maplan::OutputKind;
using maplan::OutputOptions;
using maplan::write_file_atomically;
using test_support::read_file;
using test_support::TempDir;
using test_support::write_file;

namespace {

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

/// The error write_file_atomically throws, in both languages ("" when it throws none).
maplan::Text error_of(const fs::path& target, const OutputOptions& options = {}) {
    try {
        write_file_atomically(target, "new\n", options);
    } catch (const IoError& e) {
        return e.message();
    }
    return {};
}

struct Umask {
    mode_t old;
    explicit Umask(mode_t m) : old(::umask(m)) {}
    ~Umask() { ::umask(old); }
};

const OutputOptions personal{.kind = OutputKind::personal_data};

}  // namespace

TEST_CASE("atomic file: a new document gets 0666 minus the umask and personal data 0600") {
    TempDir dir;
    Umask mask(022);
    write_file_atomically(dir / "report.md", "# report\n");
    CHECK(mode_of(dir / "report.md") == 0644);
    write_file_atomically(dir / "extract.csv", "email\n", personal);
    CHECK(mode_of(dir / "extract.csv") == 0600);
    CHECK(read_file(dir / "extract.csv") == "email\n");
    // The umask can only take bits away, never add them back to personal data.
    Umask open_mask(0);
    write_file_atomically(dir / "extract2.csv", "email\n", personal);
    CHECK(mode_of(dir / "extract2.csv") == 0600);
    // And the writer never changes the process's umask.
    CHECK(::umask(0) == 0);
}

TEST_CASE(
    "atomic file: an existing target keeps its mode where that is stricter and is never loosened") {
    TempDir dir;
    Umask mask(022);
    const fs::path out = dir / "out.csv";
    struct Case {
        mode_t before;
        OutputKind kind;
        mode_t after;
    };
    for (const Case& c :
         {Case{0600, OutputKind::personal_data, 0600}, Case{0644, OutputKind::personal_data, 0600},
          Case{0640, OutputKind::personal_data, 0600}, Case{0400, OutputKind::personal_data, 0400},
          Case{0600, OutputKind::document, 0600}, Case{0640, OutputKind::document, 0640},
          Case{0664, OutputKind::document, 0664}}) {
        write_file(out, "old\n");
        fs::permissions(out, static_cast<fs::perms>(c.before));
        write_file_atomically(out, "new\n", {.kind = c.kind});
        INFO("before " << std::oct << c.before);
        CHECK(mode_of(out) == c.after);
        CHECK(read_file(out) == "new\n");
    }
}

TEST_CASE("atomic file: a symlink is resolved and the file it points to is replaced as git does") {
    TempDir dir;
    write_file(dir / "real.md", "old\n");
    fs::create_symlink("real.md", dir / "link.md");
    write_file_atomically(dir / "link.md", "new\n");
    CHECK(fs::is_symlink(dir / "link.md"));
    CHECK(fs::read_symlink(dir / "link.md") == "real.md");
    CHECK(read_file(dir / "real.md") == "new\n");

    // A chain of links, the last one relative to its own directory.
    fs::create_directories(dir / "sub");
    write_file(dir / "sub/target.md", "old\n");
    fs::create_symlink("target.md", dir / "sub/inner.md");
    fs::create_symlink((dir / "sub/inner.md").string(), dir / "outer.md");
    write_file_atomically(dir / "outer.md", "chained\n");
    CHECK(fs::is_symlink(dir / "outer.md"));
    CHECK(fs::is_symlink(dir / "sub/inner.md"));
    CHECK(read_file(dir / "sub/target.md") == "chained\n");

    // A dangling link: the file it names is created, the link then points at it.
    fs::create_symlink("later.md", dir / "dangling.md");
    write_file_atomically(dir / "dangling.md", "created\n");
    CHECK(fs::is_symlink(dir / "dangling.md"));
    CHECK(read_file(dir / "later.md") == "created\n");

    // A loop of links is an error, not a hang.
    fs::create_symlink("loop-b", dir / "loop-a");
    fs::create_symlink("loop-a", dir / "loop-b");
    const auto loop = error_of(dir / "loop-a");
    CHECK(loop.en ==
          (dir / "loop-a").string() + ": error: cannot write: Too many levels of symbolic links");
}

TEST_CASE("atomic file: a character device is refused and left alone") {
    const auto e = error_of("/dev/null");
    CHECK(e.en ==
          "/dev/null: error: is a character device, not a regular file; ma-plan writes output to "
          "regular files only (- is standard output)");
    CHECK(e.ja ==
          "/dev/null: エラー: 通常のファイルではなくキャラクタデバイスです。ma-plan "
          "の出力先は通常のファイルだけです(標準出力は -)");
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    // Through a symlink as well (a link to /proc/self/fd/1 is one of these).
    TempDir dir;
    fs::create_symlink("/dev/null", dir / "sink");
    CHECK(error_of(dir / "sink").en.find("is a character device") != std::string::npos);
    CHECK(fs::is_symlink(dir / "sink"));
}

TEST_CASE("atomic file: a FIFO and a socket are refused and left alone") {
    TempDir dir;
    REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
    CHECK(error_of(dir / "fifo").en ==
          (dir / "fifo").string() +
              ": error: is a FIFO (named pipe), not a regular file; ma-plan writes output to "
              "regular files only (- is standard output)");
    CHECK(fs::is_fifo(dir / "fifo"));

    int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::string sock = (dir / "sock").string();
    REQUIRE(sock.size() < sizeof addr.sun_path);
    std::copy(sock.begin(), sock.end(), addr.sun_path);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    CHECK(error_of(dir / "sock").en ==
          sock +
              ": error: is a socket, not a regular file; ma-plan writes output to regular "
              "files only (- is standard output)");
    CHECK(fs::is_socket(dir / "sock"));
    ::close(fd);
    CHECK(names_in(dir.path) == std::vector<std::string>{"fifo", "sock"});
}

TEST_CASE("atomic file: a directory is refused") {
    TempDir dir;
    const auto e = error_of(dir.path);
    CHECK(e.en == dir.path.string() + ": error: is a directory; name the file to write");
    CHECK(e.ja == dir.path.string() +
                      ": エラー: ディレクトリです。書き込むファイルの名前を指定してください");
}

TEST_CASE("atomic file: an input of the same run is refused under any of its names") {
    TempDir dir;
    const fs::path plan = dir / "plan.yaml";
    write_file(plan, "project: {}\n");
    fs::create_hard_link(plan, dir / "hard.yaml");
    fs::create_symlink("plan.yaml", dir / "soft.yaml");
    const OutputOptions options{.inputs = {"-", dir / "missing.yaml", plan}};
    const auto same = error_of(plan, options);
    CHECK(same.en == plan.string() +
                         ": error: is an input of this run; writing the output there would "
                         "destroy it, choose another output file");
    CHECK(same.ja == plan.string() +
                         ": エラー: この実行の入力ファイルです。出力すると入力が失われるため、"
                         "別の出力ファイルを指定してください");
    for (const fs::path& other : {dir / "hard.yaml", dir / "soft.yaml", dir / "." / "plan.yaml"}) {
        CHECK(error_of(other, options).en ==
              other.string() + ": error: is an input of this run (" + plan.string() +
                  "); writing the output there would destroy it, choose another output file");
    }
    CHECK(read_file(plan) == "project: {}\n");
    CHECK(fs::is_symlink(dir / "soft.yaml"));
    // Another file is fine.
    CHECK(error_of(dir / "report.md", options).en.empty());
}

TEST_CASE("atomic file: names up to the file system's 255 bytes work") {
    TempDir dir;
    for (std::size_t length : {243u, 244u, 250u, 255u}) {
        const fs::path out = dir / (std::string(length - 3, 'a') + ".md");
        write_file_atomically(out, "long\n");
        CHECK(read_file(out) == "long\n");
        write_file_atomically(out, "again\n");  // over an existing one too
        CHECK(read_file(out) == "again\n");
        fs::remove(out);
    }
    // 256 bytes is beyond what the file system can store: a clear error.
    const fs::path too_long = dir / std::string(256, 'b');
    CHECK(error_of(too_long).en == too_long.string() + ": error: cannot write: File name too long");
    CHECK(names_in(dir.path).empty());
}

TEST_CASE("atomic file: the temporary file is short-lived and removed when the run fails") {
    TempDir dir;
    const fs::path out = dir / "out.csv";
    write_file(out, "previous\n");
    {
        AtomicFileWriter writer(out, personal);
        writer.write("half a file");
        CHECK(writer.temporary_file().parent_path() == dir.path);
        CHECK(writer.temporary_file().filename().string().rfind(".ma-plan-", 0) == 0);
        CHECK(fs::exists(writer.temporary_file()));
        CHECK(mode_of(writer.temporary_file()) == 0600);
        // No commit(): the run failed.
    }
    CHECK(read_file(out) == "previous\n");
    CHECK(names_in(dir.path) == std::vector<std::string>{"out.csv"});
    // A missing folder is an error naming the target; nothing is created anywhere.
    const auto e = error_of(dir / "no/such/out.csv");
    CHECK(e.en ==
          (dir / "no/such/out.csv").string() + ": error: cannot write: No such file or directory");
    // The Japanese message gives the reason in Japanese too, never strerror's English.
    CHECK(e.ja == (dir / "no/such/out.csv").string() +
                      ": エラー: 書き込めません: ファイルまたはディレクトリがありません");
    CHECK(names_in(dir.path) == std::vector<std::string>{"out.csv"});
}

TEST_CASE("errno_text: Japanese for the file errors a user meets and strerror kept otherwise") {
    using maplan::errno_text;
    CHECK(errno_text(ENOENT).en == "No such file or directory");
    CHECK(errno_text(ENOENT).ja == "ファイルまたはディレクトリがありません");
    CHECK(errno_text(EACCES).en == "Permission denied");
    CHECK(errno_text(EACCES).ja == "許可がありません");
    CHECK(errno_text(ENOSPC).ja == "デバイスに空き領域がありません");
    CHECK(errno_text(EISDIR).ja == "ディレクトリです");
    // Every errno a file operation can return has Japanese without an ASCII letter in it.
    for (int err : {ENOENT, EACCES, EPERM, EISDIR, ENOTDIR, EEXIST, ENOSPC, EDQUOT, EROFS, ELOOP,
                    ENAMETOOLONG, EMFILE, ENFILE, EIO, EBUSY, ETXTBSY, EXDEV, EFBIG, EINVAL}) {
        const std::string ja = errno_text(err).ja;
        CAPTURE(err, ja);
        CHECK(std::none_of(ja.begin(), ja.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }));
    }
    // Anything else: strerror's text with its number, so the reason is never lost.
    CHECK(errno_text(EPIPE).ja ==
          std::string(std::strerror(EPIPE)) + " (errno " + std::to_string(EPIPE) + ")");
}

TEST_CASE("atomic file: - is standard output and never a file named -") {
    TempDir dir;
    const fs::path captured = dir / "stdout";
    std::cout.flush();  // what the test runner printed so far stays on its own output
    std::fflush(stdout);
    const int saved = ::dup(STDOUT_FILENO);
    const int fd = ::open(captured.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(fd >= 0);
    REQUIRE(::dup2(fd, STDOUT_FILENO) == STDOUT_FILENO);
    ::close(fd);
    const fs::path cwd = fs::current_path();
    fs::current_path(dir.path);
    {
        AtomicFileWriter writer("-", personal);
        CHECK(writer.to_standard_output());
        writer.write("email\r\n");
        writer.write("a@example.jp\r\n");
        writer.commit();
    }
    fs::current_path(cwd);
    ::dup2(saved, STDOUT_FILENO);
    ::close(saved);
    CHECK(read_file(captured) == "email\r\na@example.jp\r\n");
    CHECK(names_in(dir.path) == std::vector<std::string>{"stdout"});
    CHECK(maplan::is_standard_output("-"));
    CHECK_FALSE(maplan::is_standard_output("./-"));
}

TEST_CASE("atomic file: never_replace creates the target and refuses one that appears meanwhile") {
    TempDir dir;
    const OutputOptions create_only{
        .never_replace = maplan::Text{"already exists; ma-plan init never overwrites a file",
                                      "すでに存在します"}};
    write_file_atomically(dir / "new.yaml", "mine\n", create_only);
    CHECK(read_file(dir / "new.yaml") == "mine\n");
    CHECK(error_of(dir / "new.yaml", create_only).en ==
          (dir / "new.yaml").string() +
              ": error: already exists; ma-plan init never overwrites a file");
    // A dangling symlink is not followed: it exists.
    fs::create_symlink("elsewhere.yaml", dir / "link.yaml");
    CHECK(error_of(dir / "link.yaml", create_only).ja ==
          (dir / "link.yaml").string() + ": エラー: すでに存在します");
    CHECK_FALSE(fs::exists(dir / "elsewhere.yaml"));
    // Another run creates the file between our start and our commit: theirs stays.
    {
        AtomicFileWriter writer(dir / "race.yaml", create_only);
        writer.write("ours\n");
        write_file(dir / "race.yaml", "theirs\n");
        CHECK_THROWS_AS(writer.commit(), IoError);
    }
    CHECK(read_file(dir / "race.yaml") == "theirs\n");
    CHECK(names_in(dir.path) == std::vector<std::string>{"link.yaml", "new.yaml", "race.yaml"});
}

TEST_CASE("failures: out of memory and other exceptions print one line in either language") {
    using maplan::Lang;
    auto line = [](std::exception_ptr e, Lang lang) {
        std::ostringstream out;
        maplan::print_unexpected_failure(out, e, lang);
        return out.str();
    };
    const auto oom = std::make_exception_ptr(std::bad_alloc());
    CHECK(line(oom, Lang::en) == "ma-plan: error: out of memory\n");
    CHECK(line(oom, Lang::ja) == "ma-plan: エラー: メモリが足りません\n");
    const auto thread = std::make_exception_ptr(
        std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again)));
    CHECK(line(thread, Lang::en) ==
          "ma-plan: error: out of memory: Resource temporarily unavailable\n");
    CHECK(line(thread, Lang::ja) ==
          "ma-plan: エラー: メモリが足りません: Resource temporarily unavailable\n");
    const auto other = std::make_exception_ptr(std::runtime_error("yaml-cpp: bad conversion"));
    CHECK(line(other, Lang::en) ==
          "ma-plan: internal error: yaml-cpp: bad conversion; this is a bug in ma-plan, please "
          "report it with the command line\n");
    CHECK(line(other, Lang::ja) ==
          "ma-plan: 内部エラー: yaml-cpp: bad conversion。ma-plan "
          "の不具合です。コマンドラインを添えて報告してください\n");
    CHECK(line(std::make_exception_ptr(42), Lang::en) ==
          "ma-plan: internal error: unknown exception; this is a bug in ma-plan, please report it "
          "with the command line\n");
    const auto logic = std::make_exception_ptr(
        std::system_error(std::make_error_code(std::errc::invalid_argument)));
    CHECK(line(logic, Lang::en).starts_with("ma-plan: internal error: Invalid argument;"));
}
