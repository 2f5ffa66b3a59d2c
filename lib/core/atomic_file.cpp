#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstring>

#include "core/errors.hpp"

namespace maplan {

namespace {
IoError io_error(const std::filesystem::path& path, int err) {
    return IoError({fmt::format("{}: cannot write: {}", path.string(), std::strerror(err)),
                    fmt::format("{}: 書き込めません: {}", path.string(), std::strerror(err))});
}
}  // namespace

AtomicFileWriter::AtomicFileWriter(std::filesystem::path target) : target_(std::move(target)) {
    auto dir = target_.parent_path();
    if (dir.empty()) dir = ".";
    std::string pattern = (dir / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
    fd_ = ::mkstemp(pattern.data());
    if (fd_ < 0) throw io_error(target_, errno);
    temp_ = pattern;
    // Keep the permissions a plain file would get (mkstemp uses 0600).
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);
}

AtomicFileWriter::~AtomicFileWriter() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFileWriter::write(std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            throw io_error(target_, errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void AtomicFileWriter::commit() {
    if (::fsync(fd_) != 0) throw io_error(target_, errno);
    if (::close(fd_) != 0) {
        fd_ = -1;
        throw io_error(target_, errno);
    }
    fd_ = -1;
    if (::rename(temp_.c_str(), target_.c_str()) != 0) throw io_error(target_, errno);
    committed_ = true;
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    AtomicFileWriter writer(path);
    writer.write(content);
    writer.commit();
}

}  // namespace maplan
