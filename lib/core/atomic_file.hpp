#pragma once
// Output files are written to a temporary file in the same directory and renamed over the target,
// so a failed run never leaves a truncated or half-written file behind.
#include <filesystem>
#include <string_view>

namespace maplan {

/// Writes `content` to `path` atomically. Throws IoError (see errors.hpp) with the path and the
/// system's reason on failure; the target is untouched in that case.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// Streaming variant: `produce` is called with a writer that appends bytes to the temporary file.
/// If `produce` throws, the temporary file is removed and the target untouched.
class AtomicFileWriter {
  public:
    explicit AtomicFileWriter(std::filesystem::path target);
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;
    ~AtomicFileWriter();  ///< discards the temporary file unless commit() succeeded

    void write(std::string_view bytes);
    /// Flushes, fsyncs and renames over the target.
    void commit();

  private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    int fd_ = -1;
    bool committed_ = false;
};

}  // namespace maplan
