#include "xlsx/workbook.hpp"
#include "core/system_error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

#include "core/errors.hpp"
#include "core/source.hpp"

namespace maplan::xlsx {

namespace {

std::filesystem::path make_scratch(const std::filesystem::path& parent) {
    std::filesystem::path base = parent;
    if (base.empty()) {
        std::error_code ec;
        base = std::filesystem::temp_directory_path(ec);
        if (ec) base = "/tmp";
    }
    std::string pattern = (base / ".ma-plan-xlsx-XXXXXX").string();
    // mkdtemp makes the directory 0700: the workbook inside is readable by this user only, even
    // when it holds a report the final file's mode would keep private.
    if (mkdtemp(pattern.data()) == nullptr) {
        int err = errno;
        throw IoError({fmt::format("{}: cannot create a scratch directory for the workbook: {}",
                                   base.string(), errno_text(err).en),
                       fmt::format("{}: ワークブック用の作業ディレクトリを作れません: {}",
                                   base.string(), errno_text(err).ja)});
    }
    return pattern;
}

}  // namespace

void check(lxw_error error, std::string_view what) {
    if (error == LXW_NO_ERROR) return;
    throw IoError({fmt::format("cannot write the workbook ({}: {})", what, lxw_strerror(error)),
                   fmt::format("ワークブックを書けません ({}: {})", what, lxw_strerror(error))});
}

Workbook::Workbook(const std::filesystem::path& scratch_parent)
    : scratch_(make_scratch(scratch_parent)), file_(scratch_ / "book.xlsx") {
    tmpdir_ = scratch_.string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;  // data validation and autofilters need random access
    options.tmpdir = tmpdir_.data();
    options.use_zip64 = LXW_FALSE;
    workbook_ = workbook_new_opt(file_.c_str(), &options);
    if (workbook_ == nullptr) {
        std::error_code ec;
        std::filesystem::remove_all(scratch_, ec);
        throw IoError({"cannot create the workbook (out of memory?)",
                       "ワークブックを作成できません (メモリ不足?)"});
    }
}

Workbook::~Workbook() {
    // workbook_close both writes and frees; a workbook never finished is freed without writing.
    if (workbook_ != nullptr) lxw_workbook_free(workbook_);
    std::error_code ec;
    std::filesystem::remove_all(scratch_, ec);
}

lxw_worksheet* Workbook::add_sheet(std::string_view name) {
    // Excel allows 31 characters; cut at a code point boundary so UTF-8 stays valid.
    std::string cut;
    std::size_t count = 0;
    for (std::size_t i = 0; i < name.size() && count < 31; ++count) {
        std::size_t len = 1;
        auto c = static_cast<unsigned char>(name[i]);
        if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        cut += name.substr(i, len);
        i += len;
    }
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, cut.c_str());
    if (sheet == nullptr) check(LXW_ERROR_MEMORY_MALLOC_FAILED, "workbook_add_worksheet");
    return sheet;
}

std::string Workbook::finish() {
    lxw_workbook* book = workbook_;
    workbook_ = nullptr;  // workbook_close frees it, whatever it returns
    check(workbook_close(book), "workbook_close");
    std::ifstream in(file_, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
        throw IoError(
            {"cannot read back the finished workbook", "完成したワークブックを読み戻せません"});
    }
    return bytes;
}

double column_width(std::string_view text) {
    return static_cast<double>(display_width(text));
}

}  // namespace maplan::xlsx
