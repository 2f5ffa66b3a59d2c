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
    std::string_view prefix(content_.data() + begin, offset - begin);
    return {static_cast<std::uint32_t>(line_index + 1),
            static_cast<std::uint32_t>(utf8_length(prefix) + 1)};
}

std::size_t SourceFile::offset_of(SourcePos pos) const {
    if (!pos.known() || pos.line > line_starts_.size()) return content_.size();
    std::string_view text = line(pos.line);
    std::size_t offset = 0;
    for (std::uint32_t col = 1; col < pos.column && offset < text.size(); ++col) {
        unsigned char c = static_cast<unsigned char>(text[offset]);
        std::size_t step = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        offset += step;
    }
    return line_starts_[pos.line - 1] + std::min(offset, text.size());
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
