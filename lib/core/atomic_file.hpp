#pragma once
// Every output file ma-plan writes (validate --format F=FILE, raci/checklist/status/schema -o,
// lists extract/audit --out) goes through this one writer. The model is git's lockfile.c and
// tempfile.c:
// - The bytes go to a temporary file beside the target, created with open(O_CREAT | O_EXCL) and
//   the final permissions; it is fsynced, renamed over the target, and the directory is fsynced,
//   so a failed or interrupted run never leaves a truncated or half-written file.
// - Every live temporary file is on a list that a signal handler (SIGINT, SIGTERM, SIGHUP,
//   SIGQUIT, SIGPIPE; it only calls unlink) and an atexit handler remove.
// - A symlink at the target is resolved first: the file it points to is replaced, the link stays.
// - A target that is a directory, a device, a FIFO or a socket is refused, and so is a target that
//   is one of the run's own inputs (same device and inode). Nothing is touched in either case.
// - "-" means standard output.
// - With OutputOptions::never_replace, an existing target is refused instead (init).
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace maplan {

/// What an output holds decides its permissions.
enum class OutputKind {
    /// A report for people (Markdown, JSON, SARIF ...): a new file gets 0666 minus the umask, as
    /// any program's output would; an existing file keeps its mode.
    document,
    /// Customer data (lists extract and audit): a new file is 0600, and an existing file keeps its
    /// mode only where that is stricter (0644 becomes 0600, 0400 stays 0400). Never loosened.
    personal_data,
};

struct OutputOptions {
    OutputKind kind = OutputKind::document;
    /// The files this run reads. The output may not be any of them: `raci plan.yaml -o plan.yaml`
    /// would otherwise replace the plan with its own report. Compared by device and inode, so a
    /// second name (hard link, symlink, ./plan.yaml) is caught too. Paths that do not exist and
    /// "-" are skipped.
    std::vector<std::filesystem::path> inputs;
    /// Create the target, never replace it (`ma-plan init`): the target may not exist at all, not
    /// even as a symlink, and commit() puts the file in place with link(2), which refuses an
    /// existing name even when two runs race. When it exists, IoError says "PATH: error: " and
    /// this text.
    std::optional<Text> never_replace;
};

/// True for "-", the name of standard output on every ma-plan command line. A file really named
/// "-" is written as "./-".
bool is_standard_output(const std::filesystem::path& target);

/// Writes `content` to `target` atomically (see AtomicFileWriter). Throws IoError (errors.hpp)
/// with the target untouched.
void write_file_atomically(const std::filesystem::path& target, std::string_view content,
                           const OutputOptions& options = {});

/// Streaming writer. The constructor checks the target and creates the temporary file; write()
/// appends; commit() puts the file in place. If commit() is never reached (an exception, a
/// signal), the temporary file is removed and the target is untouched.
class AtomicFileWriter {
  public:
    /// Throws IoError when the target is refused (directory, device, FIFO, socket, one of
    /// `options.inputs`) or the temporary file cannot be created.
    explicit AtomicFileWriter(std::filesystem::path target, const OutputOptions& options = {});
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;
    ~AtomicFileWriter();  ///< removes the temporary file unless commit() succeeded

    void write(std::string_view bytes);
    /// Flushes, fsyncs, renames over the target and fsyncs its directory (a no-op for "-").
    void commit();

    bool to_standard_output() const { return stdout_; }
    /// The file that is replaced: the target with its symlinks resolved.
    const std::filesystem::path& resolved_target() const { return resolved_; }
    /// The temporary file while one is open (empty for standard output); for tests.
    const std::filesystem::path& temporary_file() const { return temp_; }

  private:
    std::filesystem::path target_;
    std::filesystem::path resolved_;
    std::filesystem::path temp_;
    int fd_ = -1;
    std::optional<Text> never_replace_;
    int slot_ = -1;  ///< index in the list of live temporary files
    bool stdout_ = false;
    bool committed_ = false;
};

}  // namespace maplan
