#include "core/atomic_file.hpp"
#include "core/system_error.hpp"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>
#include <mutex>
#include <optional>

#include "core/errors.hpp"

namespace maplan {

namespace fs = std::filesystem;

// ---- The list of live temporary files ----
//
// A signal can arrive on any thread at any moment, so the handler may only read memory that is
// never freed and call async-signal-safe functions (unlink, sigaction, raise). The list is a fixed
// array of slots; a slot's path is written before the slot becomes `live` and is not touched again
// until it is `free`. The handler moves a slot from `live` to `removing` before unlinking, so a
// writer finishing on another thread at the same moment can never have its slot reused under the
// handler's feet.

namespace {

enum SlotState : int { slot_free, slot_claimed, slot_live, slot_removing };

struct TempSlot {
    std::atomic<int> state{slot_free};
    char path[PATH_MAX];
};

// Outputs are written one after another; a handful open at once is already more than any command.
constexpr int slot_count = 8;
TempSlot slots[slot_count];

void remove_live_temp_files() noexcept {
    for (TempSlot& slot : slots) {
        int expected = slot_live;
        if (slot.state.compare_exchange_strong(expected, slot_removing)) ::unlink(slot.path);
    }
}

constexpr int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
struct sigaction previous_actions[NSIG];

extern "C" void remove_temp_files_on_signal(int sig) {
    remove_live_temp_files();
    // Then whatever would have happened without us (usually: die of this signal, so the parent
    // sees the right status); the signal is blocked until this handler returns.
    ::sigaction(sig, &previous_actions[sig], nullptr);
    ::raise(sig);
}

extern "C" void remove_temp_files_at_exit() {
    remove_live_temp_files();
}

void install_cleanup_handlers() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (int sig : cleanup_signals) {
            struct sigaction old {};
            if (::sigaction(sig, nullptr, &old) != 0) continue;
            // An ignored signal stays ignored: `nohup` and background jobs rely on it.
            if (old.sa_handler == SIG_IGN && (old.sa_flags & SA_SIGINFO) == 0) continue;
            previous_actions[sig] = old;
            struct sigaction action {};
            action.sa_handler = remove_temp_files_on_signal;
            sigemptyset(&action.sa_mask);
            ::sigaction(sig, &action, nullptr);
        }
        std::atexit(remove_temp_files_at_exit);
    });
}

/// Puts `path` on the list; returns the slot, or -1 when every slot is taken.
int register_temp_file(const std::string& path) {
    if (path.size() >= PATH_MAX) return -1;
    install_cleanup_handlers();
    for (int i = 0; i < slot_count; ++i) {
        int expected = slot_free;
        if (slots[i].state.compare_exchange_strong(expected, slot_claimed)) {
            std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
            slots[i].state.store(slot_live);
            return i;
        }
    }
    return -1;
}

void unregister_temp_file(int slot) {
    if (slot < 0) return;
    int expected = slot_live;
    // If a signal handler is removing it right now, the process is about to end: leave it.
    slots[slot].state.compare_exchange_strong(expected, slot_free);
}

// ---- Messages ----

IoError refused(const fs::path& target, std::string_view en, std::string_view ja) {
    return IoError({fmt::format("{}: error: {}", target.string(), en),
                    fmt::format("{}: エラー: {}", target.string(), ja)});
}

IoError write_error(const fs::path& target, int err) {
    Text why = errno_text(err);
    return refused(target, fmt::format("cannot write: {}", why.en),
                   fmt::format("書き込めません: {}", why.ja));
}

/// Refuses anything but a regular file: renaming over a device node would replace it (as root,
/// `-o /dev/null` would replace the system's /dev/null), and a FIFO or socket is not a file that
/// can be replaced atomically at all.
void check_file_type(const fs::path& target, const struct stat& st) {
    if (S_ISREG(st.st_mode)) return;
    if (S_ISDIR(st.st_mode)) {
        throw refused(target, "is a directory; name the file to write",
                      "ディレクトリです。書き込むファイルの名前を指定してください");
    }
    std::string_view en = "a socket", ja = "ソケット";
    if (S_ISCHR(st.st_mode)) {
        en = "a character device";
        ja = "キャラクタデバイス";
    } else if (S_ISBLK(st.st_mode)) {
        en = "a block device";
        ja = "ブロックデバイス";
    } else if (S_ISFIFO(st.st_mode)) {
        en = "a FIFO (named pipe)";
        ja = "FIFO(名前付きパイプ)";
    }
    throw refused(
        target,
        fmt::format("is {}, not a regular file; ma-plan writes output to regular files only (- is "
                    "standard output)",
                    en),
        fmt::format("通常のファイルではなく{}です。ma-plan の出力先は通常のファイルだけです"
                    "(標準出力は -)",
                    ja));
}

void check_not_an_input(const fs::path& target, const struct stat& st,
                        const std::vector<fs::path>& inputs) {
    for (const fs::path& input : inputs) {
        if (input.empty() || is_standard_output(input)) continue;
        struct stat in {};
        if (::stat(input.c_str(), &in) != 0) continue;
        if (in.st_dev == st.st_dev && in.st_ino == st.st_ino) {
            const std::string named = input.string() == target.string()
                                          ? std::string()
                                          : fmt::format(" ({})", input.string());
            throw refused(target,
                          fmt::format("is an input of this run{}; writing the output there would "
                                      "destroy it, choose another output file",
                                      named),
                          fmt::format("この実行の入力ファイル{}です。出力すると入力が失われるため、"
                                      "別の出力ファイルを指定してください",
                                      named));
        }
    }
}

/// git's resolve_symlink(): follows a chain of symlinks at the target (a relative link is
/// relative to the link's own directory) so the file at its end is replaced and the links stay.
/// A dangling link resolves to the file it names, which is then created.
fs::path resolve_symlinks(const fs::path& target) {
    fs::path path = target;
    for (int depth = 0; depth < 40; ++depth) {  // 40: Linux's own limit (MAXSYMLINKS)
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
        std::string link(PATH_MAX, '\0');
        ssize_t n = ::readlink(path.c_str(), link.data(), link.size());
        if (n < 0) throw write_error(target, errno);
        link.resize(static_cast<std::size_t>(n));
        fs::path next(link);
        path = next.is_absolute() ? next : path.parent_path() / next;
    }
    throw write_error(target, ELOOP);
}

/// A short random name in the target's directory. Short, so a target name of up to NAME_MAX
/// bytes still works (the old `.NAME.tmp-XXXXXX` added 12 bytes and failed from 244 bytes on).
std::string temp_name(const fs::path& dir) {
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char random[8];
    if (::getrandom(random, sizeof random, 0) != static_cast<ssize_t>(sizeof random)) {
        // Only on a kernel without getrandom; O_EXCL still keeps two runs apart.
        auto seed = static_cast<unsigned>(::getpid()) ^ static_cast<unsigned>(::time(nullptr));
        for (unsigned char& c : random)
            c = static_cast<unsigned char>(seed = seed * 1103515245 + 12345);
    }
    std::string name = ".ma-plan-";
    for (unsigned char c : random) name += alphabet[c % (sizeof alphabet - 1)];
    return (dir / name).string();
}

void fsync_directory(const fs::path& target, const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw write_error(target, errno);
    int rc = ::fsync(fd);
    int err = errno;
    ::close(fd);
    // EINVAL: a file system that cannot sync directories; the rename is as durable as it gets.
    if (rc != 0 && err != EINVAL) throw write_error(target, err);
}

}  // namespace

bool is_standard_output(const fs::path& target) {
    return target.native() == "-";
}

AtomicFileWriter::AtomicFileWriter(fs::path target, const OutputOptions& options)
    : target_(std::move(target)), never_replace_(options.never_replace) {
    if (is_standard_output(target_)) {
        stdout_ = true;
        return;
    }
    if (target_.empty()) throw write_error(target_, ENOENT);
    struct stat st {};
    if (never_replace_ && ::lstat(target_.c_str(), &st) == 0) {
        throw refused(target_, never_replace_->en, never_replace_->ja);
    }
    const bool exists = ::stat(target_.c_str(), &st) == 0;
    if (!exists && errno != ENOENT) throw write_error(target_, errno);
    if (exists) {
        check_file_type(target_, st);
        check_not_an_input(target_, st, options.inputs);
    }
    resolved_ = never_replace_ ? target_ : resolve_symlinks(target_);

    const bool personal = options.kind == OutputKind::personal_data;
    // A new file gets its mode from open(), so the umask applies as for any new file and the
    // process's umask is never changed. An existing file's mode is set with fchmod().
    const mode_t create_mode = personal ? 0600 : 0666;
    std::optional<mode_t> existing_mode;
    if (exists) existing_mode = st.st_mode & (personal ? 0600 : 0777);

    fs::path dir = resolved_.parent_path();
    if (dir.empty()) dir = ".";
    for (int attempt = 0; fd_ < 0; ++attempt) {
        std::string name = temp_name(dir);
        fd_ = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                     existing_mode ? 0600 : create_mode);
        if (fd_ >= 0) {
            temp_ = name;
        } else if (errno != EEXIST || attempt == 100) {
            throw write_error(target_, errno);
        }
    }
    // Registered once created, so the handlers can never remove a file another process made
    // under the same name; a signal in the few instructions between leaves one empty file.
    slot_ = register_temp_file(temp_.string());
    int err = slot_ < 0 ? EMFILE : 0;
    if (err == 0 && existing_mode && ::fchmod(fd_, *existing_mode) != 0) err = errno;
    if (err != 0) {
        // The destructor does not run for a constructor that throws: clean up here.
        ::close(fd_);
        fd_ = -1;
        ::unlink(temp_.c_str());
        temp_.clear();
        unregister_temp_file(slot_);
        slot_ = -1;
        throw write_error(target_, err);
    }
}

AtomicFileWriter::~AtomicFileWriter() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
    unregister_temp_file(slot_);
}

void AtomicFileWriter::write(std::string_view bytes) {
    const int fd = stdout_ ? STDOUT_FILENO : fd_;
    if (stdout_) {
        // Whatever was printed through iostreams or stdio before comes first.
        std::cout.flush();
        std::fflush(stdout);
    }
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            if (stdout_) {
                throw IoError(
                    {fmt::format("standard output: error: cannot write: {}", errno_text(errno).en),
                     fmt::format("標準出力: エラー: 書き込めません: {}", errno_text(errno).ja)});
            }
            throw write_error(target_, errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void AtomicFileWriter::commit() {
    if (stdout_) {
        committed_ = true;
        return;
    }
    if (::fsync(fd_) != 0) throw write_error(target_, errno);
    const int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0) throw write_error(target_, errno);
    if (never_replace_) {
        // link(2) fails with EEXIST where rename(2) would replace; the destructor then removes
        // the temporary name (the link, if made, keeps the file).
        if (::link(temp_.c_str(), resolved_.c_str()) != 0) {
            if (errno == EEXIST) throw refused(target_, never_replace_->en, never_replace_->ja);
            throw write_error(target_, errno);
        }
        ::unlink(temp_.c_str());
    } else if (::rename(temp_.c_str(), resolved_.c_str()) != 0) {
        throw write_error(target_, errno);
    }
    committed_ = true;
    unregister_temp_file(slot_);
    slot_ = -1;
    fs::path dir = resolved_.parent_path();
    fsync_directory(target_, dir.empty() ? fs::path(".") : dir);
}

void write_file_atomically(const fs::path& target, std::string_view content,
                           const OutputOptions& options) {
    AtomicFileWriter writer(target, options);
    writer.write(content);
    writer.commit();
}

}  // namespace maplan
