#pragma once
// A thin owner of one libxlsxwriter workbook that ends as bytes in memory. libxlsxwriter 1.1.4
// (Debian 12) can only write to a file name (the in-memory output_buffer arrived in 1.1.5), so the
// workbook is written into a private scratch directory (mkdtemp, 0700) and read back; the caller
// hands the bytes to core/atomic_file.hpp, which alone decides the final file's place and mode.
// The scratch directory is removed in every case, also when building the workbook throws.
#include <xlsxwriter.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace maplan::xlsx {

class Workbook {
  public:
    /// `scratch_parent`: where the private scratch directory is made (the output's directory, so
    /// nothing of the report lands on another file system); empty: the system temporary directory.
    /// Throws IoError when the directory or the workbook cannot be created.
    explicit Workbook(const std::filesystem::path& scratch_parent);
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;
    ~Workbook();

    lxw_workbook* get() { return workbook_; }
    /// Adds a worksheet; `name` is cut to Excel's 31 characters.
    lxw_worksheet* add_sheet(std::string_view name);
    lxw_format* format() { return workbook_add_format(workbook_); }

    /// Closes the workbook and returns the .xlsx bytes. Throws IoError when libxlsxwriter fails.
    std::string finish();

  private:
    std::filesystem::path scratch_;
    std::filesystem::path file_;
    lxw_workbook* workbook_ = nullptr;
    std::string tmpdir_;  ///< libxlsxwriter's own temporary files go to the scratch directory too
};

/// Throws IoError naming the libxlsxwriter call that failed; a no-op for LXW_NO_ERROR.
void check(lxw_error error, std::string_view what);

/// Column width in Excel's units (about one Latin digit): the display width of the text, with
/// East Asian wide and full-width characters counted as two (core/source.hpp display_width).
double column_width(std::string_view text);

}  // namespace maplan::xlsx
