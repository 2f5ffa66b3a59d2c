#include "core/source.hpp"

#include <utf8proc.h>

#include <algorithm>

namespace maplan {

SourceFile::SourceFile(std::string path, std::string content)
    : path_(std::move(path)), content_(std::move(content)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < content_.size(); ++i) {
        if (content_[i] == '\n') line_starts_.push_back(i + 1);
    }
    block_code_points_.reserve(content_.size() / block_bytes + 1);
    std::uint32_t count = 0;
    for (std::size_t i = 0; i < content_.size(); ++i) {
        if (i % block_bytes == 0) block_code_points_.push_back(count);
        if ((static_cast<unsigned char>(content_[i]) & 0xC0) != 0x80) ++count;
    }
    if (content_.size() % block_bytes == 0) block_code_points_.push_back(count);
}

std::size_t SourceFile::code_points_before(std::size_t offset) const {
    std::size_t block = offset / block_bytes;
    std::size_t begin = block * block_bytes;
    return block_code_points_[block] +
           utf8_length(std::string_view(content_.data() + begin, offset - begin));
}

std::string_view SourceFile::line(std::uint32_t line) const {
    if (line == 0 || line > line_starts_.size()) return {};
    std::size_t begin = line_starts_[line - 1];
    std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : content_.size();
    std::string_view text(content_.data() + begin, end - begin);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return text;
}

SourcePos SourceFile::pos_of_offset(std::size_t offset) const {
    offset = std::min(offset, content_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    auto line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    std::size_t begin = line_starts_[line_index];
    return {static_cast<std::uint32_t>(line_index + 1),
            static_cast<std::uint32_t>(code_points_before(offset) - code_points_before(begin) + 1)};
}

std::size_t SourceFile::offset_of(SourcePos pos) const {
    if (!pos.known() || pos.line > line_starts_.size()) return content_.size();
    std::string_view text = line(pos.line);
    std::size_t begin = line_starts_[pos.line - 1];
    std::size_t end = begin + text.size();
    if (pos.column <= 1) return begin;
    // The offset of the (column - 1)th code point after the line start: find its block by the
    // stored counts, then walk inside the block.
    std::size_t target = code_points_before(begin) + pos.column - 1;
    auto it = std::upper_bound(block_code_points_.begin(), block_code_points_.end(), target);
    std::size_t block = static_cast<std::size_t>(it - block_code_points_.begin()) - 1;
    std::size_t offset = std::max(begin, block * block_bytes);
    std::size_t count = code_points_before(offset);
    while (offset < end) {
        if ((static_cast<unsigned char>(content_[offset]) & 0xC0) != 0x80) {
            if (count == target) return offset;
            ++count;
        }
        ++offset;
    }
    return end;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text) {
        if ((c & 0xC0) != 0x80) ++count;
    }
    return count;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto remaining = static_cast<utf8proc_ssize_t>(text.size());
    while (remaining > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, remaining, &cp);
        if (n <= 0) {  // invalid byte: one cell, move on
            ++width;
            ++p;
            --remaining;
            continue;
        }
        int w = cp == '\t' ? 1 : utf8proc_charwidth(cp);
        width += static_cast<std::size_t>(std::max(w, 0));
        p += n;
        remaining -= n;
    }
    return width;
}

}  // namespace maplan
