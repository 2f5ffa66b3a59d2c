#pragma once
// `ma-plan import roles`: a role matrix as consultants keep it (a task column, an optional step
// column, one column per department, cells 主担当 / 共有 / 受領 / R / A / C / I) read into a new,
// complete plan. Department names become stakeholder IDs and kinds by guesses the user confirms;
// every guess is listed. Problems in the file are ImportError with the cell in A1 notation.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"
#include "core/model.hpp"
#include "core/text.hpp"

namespace maplan::importer {

/// One problem in the matrix file, at a cell ("C4") or a whole row ("row 4").
class ImportError : public MaPlanError {
  public:
    ImportError(std::string where, Text reason, std::string rule = {})
        : MaPlanError(std::move(reason)), where_(std::move(where)), rule_(std::move(rule)) {}
    const std::string& where() const { return where_; }
    /// The rule the problem is a finding of ("RACI-002"), empty for plain input errors.
    const std::string& rule() const { return rule_; }

  private:
    std::string where_;
    std::string rule_;
};

struct ImportedStakeholder {
    std::string name;     ///< the column header as written
    std::string id;       ///< proposed ID
    std::string kind;     ///< proposed kind (schema's stakeholder kinds)
    std::string because;  ///< the part of the name the kind was guessed from; empty: no match
    std::size_t column = 0;
};

struct ImportedRole {
    std::size_t stakeholder = 0;  ///< index into RoleMatrix::stakeholders
    std::string label;            ///< as written (after the CSV formula guard's ' is removed)
    RoleKind kind = RoleKind::owner;
};

struct ImportedTask {
    std::string name;
    int step = 0;  ///< 0: the file has no step for it
    std::size_t row = 0;
    std::vector<ImportedRole> roles;
};

struct RoleMatrix {
    std::vector<ImportedStakeholder> stakeholders;
    std::vector<ImportedTask> tasks;
    bool has_step_column = false;
};

/// Reads a CSV role matrix (UTF-8 with or without BOM, or CP932: lists/encoding.hpp detects it).
/// The first row is the header: a column headed ステップ/Step is the step, one headed タスク/Task
/// (else the first other column) is the task, every other column with a header is a department.
/// Blank rows and cells are skipped. Throws ImportError for: a bad CSV record, a header without
/// departments, a duplicate department, a step that is not 1..7, a task without a name, an unknown
/// label (with "did you mean" over the known labels), two owners in one row (RACI-002).
/// `vocabulary`: the plan whose role_labels are known besides the built-in ones (--into); null:
/// the built-in ones only.
RoleMatrix read_role_csv(std::string_view bytes, const Project* vocabulary = nullptr);

/// One row of a matrix as a file holds it: the 1-based row number and the cells' text.
struct TableRow {
    std::size_t row = 0;
    std::vector<std::string> cells;
};

/// The part the CSV and the .xlsx paths share: the rows (blank ones are skipped) to a matrix.
/// Header: the first row, or the first two when the second holds no role label and either a
/// heading or nothing under the task heading (a merged or two-row header: "営業本部" over "1課"
/// is the department "営業本部 1課"). A column headed グループ/区分/フェーズ/Group/Phase groups
/// rows; with no step column its "2. …" values give the step. `place` ("Roles!") goes in front of
/// every cell in an ImportError.
RoleMatrix read_role_table(const std::vector<TableRow>& rows, std::string_view place,
                           const Project* vocabulary = nullptr);

/// Reads the sheet `sheet` (empty: the first) of an .xlsx workbook (xlsx/reader.hpp) into a
/// matrix; workbook problems are ImportError at "Sheet!C4", the part, or the file (empty where).
RoleMatrix read_role_xlsx(std::string_view bytes, std::string_view sheet,
                          const Project* vocabulary = nullptr);

/// Proposes an ID and a kind from a department name (マーケティング → marketing, 情報システム →
/// internal_systems, 法務 → privacy_legal, …); `because` says which part matched.
ImportedStakeholder guess_stakeholder(std::string_view name);

struct PlanOptions {
    std::string project_name;
    std::string tool = "other";
    std::string source;  ///< the file read, for the plan's header comment
};

/// A complete plan (ma_plan, project, stakeholders, role_labels when the file's labels differ
/// from the defaults, tasks) as YAML, every string double-quoted; each guessed stakeholder line
/// carries a comment asking the user to confirm it.
std::string write_plan(const RoleMatrix& matrix, const PlanOptions& options);

/// One line per guess, in the given language, for the user to confirm.
std::vector<std::string> describe_guesses(const RoleMatrix& matrix, Lang lang);

// ----- --into: merging into an existing plan -----

/// A task of the matrix that the plan already has with other roles: never overwritten silently.
struct MergeConflict {
    std::string task;
    SourcePos plan_pos;   ///< the plan's task
    std::size_t row = 0;  ///< the matrix's row
    std::string in_plan;  ///< "marketing: 主担当, sales: 共有"
    std::string in_file;
};

struct MergeResult {
    std::string text;           ///< the plan with the additions; == the input when unchanged
    std::string patch;          ///< unified diff from the plan to `text` (empty when unchanged)
    std::vector<Text> changes;  ///< one line per added stakeholder or task
    std::size_t unchanged = 0;  ///< tasks already in the plan with the same roles
    std::vector<MergeConflict> conflicts;
};

struct MergeOptions {
    std::string plan_name;       ///< for the patch's ---/+++ lines
    bool keep_existing = false;  ///< a conflicting task keeps the plan's roles (else a conflict)
};

/// Merges the matrix into `plan` (its text `plan_text`) by adding lines only: departments the
/// plan lacks (matched by name, then ID) are appended to `stakeholders`, tasks it lacks (matched
/// by name) to `tasks`, each at the end of its block list with the list's indentation; every
/// other byte of the file stays as it was, comments and layout included. A missing section is
/// appended at the end; `tasks: []` becomes `tasks:`. Conflicts are listed, and nothing is
/// merged while there is one (unless keep_existing). Throws ImportError ("row N" of the plan)
/// for a section written as a flow list ([a, b]), which line edits cannot extend safely.
MergeResult merge_into(std::string_view plan_text, const Project& plan, const RoleMatrix& matrix,
                       const MergeOptions& options);

}  // namespace maplan::importer
