#pragma once
// The few filesystem questions a run asks (is it a directory, what is in it, read this file),
// behind an interface so resolve_run can be tested against an in-memory tree (like ninja's
// VirtualFileSystem) instead of the disk.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/yaml_tree.hpp"

namespace maplan::config {

struct DirEntry {
    std::string name;
    bool directory = false;
};

class FileSystem {
  public:
    virtual ~FileSystem() = default;
    virtual bool is_directory(const std::string& path) const = 0;
    virtual bool is_regular_file(const std::string& path) const = 0;
    /// Anything at the path (a `.git` file in a worktree counts).
    virtual bool exists(const std::string& path) const = 0;
    /// The entries of a directory, unsorted; empty if it cannot be listed.
    virtual std::vector<DirEntry> list(const std::string& dir) const = 0;
    /// The file as a source, with the reader's limits and its refusal of devices and FIFOs.
    virtual yaml::ReadResult read_source(const std::string& path) const = 0;
    /// Absolute, normalised path of the working directory.
    virtual std::string current_directory() const = 0;
};

/// The process's real filesystem.
class RealFileSystem final : public FileSystem {
  public:
    bool is_directory(const std::string& path) const override;
    bool is_regular_file(const std::string& path) const override;
    bool exists(const std::string& path) const override;
    std::vector<DirEntry> list(const std::string& dir) const override;
    yaml::ReadResult read_source(const std::string& path) const override;
    std::string current_directory() const override;
};

/// A tree held in memory for tests: files added by path (relative paths are below `cwd`);
/// their parent directories exist implicitly.
class MemoryFileSystem final : public FileSystem {
  public:
    explicit MemoryFileSystem(std::string cwd = "/work") : cwd_(std::move(cwd)) {}
    void add_file(const std::string& path, std::string text);
    void add_directory(const std::string& path);

    bool is_directory(const std::string& path) const override;
    bool is_regular_file(const std::string& path) const override;
    bool exists(const std::string& path) const override;
    std::vector<DirEntry> list(const std::string& dir) const override;
    yaml::ReadResult read_source(const std::string& path) const override;
    std::string current_directory() const override { return cwd_; }

  private:
    std::string absolute(const std::string& path) const;
    std::string cwd_;
    std::map<std::string, std::string> files_;  // absolute path -> text
    std::map<std::string, bool> directories_;   // absolute path -> present
};

}  // namespace maplan::config
