#include "config/filesystem.hpp"

#include <filesystem>

namespace maplan::config {

namespace fs = std::filesystem;

bool RealFileSystem::is_directory(const std::string& path) const {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

bool RealFileSystem::is_regular_file(const std::string& path) const {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

bool RealFileSystem::exists(const std::string& path) const {
    std::error_code ec;
    return fs::exists(path, ec);
}

std::vector<DirEntry> RealFileSystem::list(const std::string& dir) const {
    std::vector<DirEntry> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        std::error_code kind;
        bool directory = it->is_directory(kind);
        if (!directory && !it->is_regular_file(kind)) continue;  // devices, sockets, dangling
        out.push_back({it->path().filename().string(), directory});
    }
    return out;
}

yaml::ReadResult RealFileSystem::read_source(const std::string& path) const {
    return yaml::read_source(path);
}

std::string RealFileSystem::current_directory() const {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    return ec ? std::string("/") : cwd.lexically_normal().string();
}

std::string MemoryFileSystem::absolute(const std::string& path) const {
    fs::path p(path);
    if (p.is_relative()) p = fs::path(cwd_) / p;
    std::string out = p.lexically_normal().string();
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    return out;
}

void MemoryFileSystem::add_file(const std::string& path, std::string text) {
    std::string abs = absolute(path);
    files_[abs] = std::move(text);
    for (fs::path dir = fs::path(abs).parent_path(); !dir.empty(); dir = dir.parent_path()) {
        directories_[dir.string()] = true;
        if (dir == dir.parent_path()) break;
    }
}

void MemoryFileSystem::add_directory(const std::string& path) {
    add_file(absolute(path) + "/.keep", "");
    files_.erase(absolute(path) + "/.keep");
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
    return directories_.count(absolute(path)) > 0;
}

bool MemoryFileSystem::is_regular_file(const std::string& path) const {
    return files_.count(absolute(path)) > 0;
}

bool MemoryFileSystem::exists(const std::string& path) const {
    return is_directory(path) || is_regular_file(path);
}

std::vector<DirEntry> MemoryFileSystem::list(const std::string& dir) const {
    std::string abs = absolute(dir);
    std::vector<DirEntry> out;
    auto add = [&](const std::string& child, bool directory) {
        fs::path p(child);
        if (p.parent_path().string() == abs && child != abs) {
            out.push_back({p.filename().string(), directory});
        }
    };
    for (const auto& [path, text] : files_) add(path, false);
    for (const auto& [path, present] : directories_) add(path, true);
    return out;
}

yaml::ReadResult MemoryFileSystem::read_source(const std::string& path) const {
    auto it = files_.find(absolute(path));
    if (it == files_.end()) {
        yaml::ReadResult result;
        result.error =
            yaml::ParseError{{}, {"cannot read: no such file", "読めません: ファイルがありません"}};
        return result;
    }
    return {std::make_shared<SourceFile>(path, it->second), std::nullopt};
}

}  // namespace maplan::config
