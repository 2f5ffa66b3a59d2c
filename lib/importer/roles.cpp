#include "importer/roles.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include "core/escape.hpp"
#include "core/suggest.hpp"
#include "lists/csv.hpp"
#include "lists/encoding.hpp"
#include "xlsx/reader.hpp"

namespace maplan::importer {

using xlsx::cell_name;
using xlsx::column_name;

namespace {

/// Leading and trailing ASCII and full-width (U+3000) spaces: Excel users pad cells by hand.
std::string trim(std::string_view s) {
    auto strip = [&] {
        bool changed = true;
        while (changed) {
            changed = false;
            while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
                s.remove_prefix(1), changed = true;
            while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
                s.remove_suffix(1), changed = true;
            if (s.starts_with("\xE3\x80\x80")) s.remove_prefix(3), changed = true;
            if (s.ends_with("\xE3\x80\x80")) s.remove_suffix(3), changed = true;
        }
    };
    strip();
    return std::string(s);
}

/// ma-plan's CSV writer puts `'` in front of a cell that looks like a formula (core/escape.hpp);
/// reading such a file back takes it off again, so `raci --format csv` round-trips.
std::string unguard(std::string text) {
    if (text.size() > 1 && text.front() == '\'' &&
        looks_like_formula(std::string_view(text).substr(1))) {
        text.erase(0, 1);
    }
    return text;
}

bool is_step_header(std::string_view h) {
    return h == "ステップ" || h == "Step" || h == "step" || h == "STEP" || h == "段階";
}
bool is_task_header(std::string_view h) {
    return h == "タスク" || h == "Task" || h == "task" || h == "TASK" || h == "作業" || h == "項目";
}
/// A column that groups rows (a phase, a category): neither a task nor a department.
bool is_group_header(std::string_view h) {
    return h == "グループ" || h == "区分" || h == "分類" || h == "フェーズ" || h == "工程" ||
           h == "Group" || h == "group" || h == "Category" || h == "category" || h == "Phase" ||
           h == "phase";
}

/// The labels a cell may hold, as the plan's default vocabulary knows them (core/model.cpp).
const std::vector<std::string_view>& known_labels() {
    static const std::vector<std::string_view> labels = {"主担当", "共有", "受領", "R",    "A",
                                                         "C",      "I",    "担当", "実施", "相談"};
    return labels;
}

std::optional<int> parse_step(std::string_view text) {
    // "2", "2.", "2. 体制構築・役割分担" (the heading the Markdown report uses), full-width "２".
    if (text.size() == 3 && text.starts_with("\xEF\xBC")) {
        auto c = static_cast<unsigned char>(text[2]);
        if (c >= 0x91 && c <= 0x97) return c - 0x90;  // ０..９ is EF BC 90..99
        return std::nullopt;
    }
    if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return std::nullopt;
    std::size_t i = 0;
    int value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && value < 100) {
        value = value * 10 + (text[i] - '0');
        ++i;
    }
    if (i < text.size() && text[i] != '.' && text[i] != ' ') return std::nullopt;
    if (value < 1 || value > 7) return std::nullopt;
    return value;
}

struct KindGuess {
    std::string_view needle;
    std::string_view kind;
};

/// Most specific first: インサイドセールス and "inside sales" before 営業 and "sales".
constexpr std::array<KindGuess, 27> kind_guesses = {{
    {"インサイドセールス", "inside_sales"},
    {"inside sales", "inside_sales"},
    {"マーケティング", "marketing"},
    {"マーケ", "marketing"},
    {"marketing", "marketing"},
    {"情報システム", "internal_systems"},
    {"情シス", "internal_systems"},
    {"システム", "internal_systems"},
    {"IT", "internal_systems"},
    {"法務", "privacy_legal"},
    {"個人情報", "privacy_legal"},
    {"コンプライアンス", "privacy_legal"},
    {"legal", "privacy_legal"},
    {"営業", "sales"},
    {"sales", "sales"},
    {"経営", "sponsor"},
    {"役員", "sponsor"},
    {"sponsor", "sponsor"},
    {"カスタマーサクセス", "customer_success"},
    {"サポート", "customer_success"},
    {"customer success", "customer_success"},
    {"support", "customer_success"},
    {"代理店", "agency"},
    {"コンサル", "agency"},
    {"agency", "agency"},
    {"ベンダー", "vendor"},
    {"vendor", "vendor"},
}};

/// "IT" as a word of its own (IT部, IT Dept, 情報システム/IT), never inside DIGITAL or EDIT.
bool has_word_it(std::string_view name) {
    auto letter = [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) != 0; };
    for (std::size_t i = name.find("IT"); i != std::string_view::npos; i = name.find("IT", i + 1)) {
        bool before = i > 0 && letter(name[i - 1]);
        bool after = i + 2 < name.size() && letter(name[i + 2]);
        if (!before && !after) return true;
    }
    return false;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// A YAML double-quoted scalar: JSON-style escapes, which YAML 1.2 double quotes accept.
std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20 || c == 0x7F) {
            out += fmt::format("\\x{:02X}", c);
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

std::string decode(std::string_view bytes) {
    std::string_view body = bytes;
    if (body.starts_with(lists::utf8_bom)) body.remove_prefix(lists::utf8_bom.size());
    if (lists::detect_encoding(bytes) != lists::Encoding::cp932) {
        if (auto bad = lists::find_invalid_utf8(body)) {
            throw ImportError(fmt::format("byte {}", *bad + 1),
                              {"the file is neither UTF-8 nor CP932",
                               "ファイルが UTF-8 でも CP932 でもありません"});
        }
        return std::string(body);
    }
    lists::Cp932Codec codec(lists::Cp932Codec::Direction::to_utf8);
    std::string out;
    if (auto bad = codec.convert(bytes, out)) {
        throw ImportError(
            fmt::format("byte {}", *bad + 1),
            {"the file is neither UTF-8 nor CP932", "ファイルが UTF-8 でも CP932 でもありません"});
    }
    return out;
}

}  // namespace

ImportedStakeholder guess_stakeholder(std::string_view name) {
    ImportedStakeholder s;
    s.name = std::string(name);
    std::string lower = ascii_lower(name);
    for (const KindGuess& g : kind_guesses) {
        // ASCII needles match case-insensitively; "IT" only as a word (has_word_it).
        bool ascii = static_cast<unsigned char>(g.needle[0]) < 0x80;
        bool hit = g.needle == "IT" ? has_word_it(name)
                   : ascii          ? lower.find(g.needle) != std::string::npos
                                    : name.find(g.needle) != std::string_view::npos;
        if (hit) {
            s.kind = std::string(g.kind);
            s.because = std::string(g.needle);
            break;
        }
    }
    if (s.kind.empty()) s.kind = "other";
    return s;
}

namespace {

/// Department names from a two-row header: "営業本部" over "1課" is "営業本部 1課"; a cell merged
/// over both rows (the same text twice) or empty in one row is the other row's text.
std::string combine_header(const std::string& top, const std::string& bottom) {
    if (top.empty() || top == bottom) return bottom;
    if (bottom.empty()) return top;
    return top + " " + bottom;
}

/// A second header row: no role label in it, and a step/task heading in it or nothing under the
/// first row's task heading (a data row always names its task).
bool is_second_header(const std::vector<std::string>& top, const std::vector<std::string>& next,
                      std::optional<std::size_t> task_col, const Project& vocabulary) {
    bool heading = false;
    for (std::size_t c = 0; c < next.size(); ++c) {
        if (next[c].empty()) continue;
        if (role_kind_of(vocabulary, next[c])) return false;
        heading |= is_step_header(next[c]) || is_task_header(next[c]) || is_group_header(next[c]);
    }
    if (heading) return true;
    if (!task_col) return false;
    const std::string& under = *task_col < next.size() ? next[*task_col] : std::string();
    return under.empty() || (*task_col < top.size() && under == top[*task_col]);
}

void assign_ids(RoleMatrix& m) {
    // IDs: the kind when one department has it, else kind_2, kind_3 in column order; "other"
    // departments get an ASCII ID from an ASCII name, else department_N.
    std::map<std::string, int> used;
    for (ImportedStakeholder& s : m.stakeholders) {
        std::string base = s.kind;
        if (s.kind == "other") {
            std::string slug;
            for (char ch : s.name) {
                auto c = static_cast<unsigned char>(ch);
                if (std::isalnum(c))
                    slug += static_cast<char>(std::tolower(c));
                else if (!slug.empty() && slug.back() != '_')
                    slug += '_';
            }
            while (!slug.empty() && slug.back() == '_') slug.pop_back();
            bool ascii = std::all_of(s.name.begin(), s.name.end(),
                                     [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
            base = ascii && !slug.empty() && std::isalpha(static_cast<unsigned char>(slug[0]))
                       ? slug
                       : "department";
        }
        int n = ++used[base];
        s.id = n == 1 && base != "department" ? base : fmt::format("{}_{}", base, n);
    }
}

}  // namespace

RoleMatrix read_role_table(const std::vector<TableRow>& table, std::string_view place,
                           const Project* vocabulary) {
    RoleMatrix m;
    std::optional<std::size_t> step_col;
    std::optional<std::size_t> group_col;
    std::optional<std::size_t> task_col;
    std::vector<std::optional<std::size_t>> dept_of_col;  ///< column → stakeholder index
    const Project built_in;  // the built-in vocabulary: 主担当, 共有, 受領, R, A, C, I
    const Project& defaults = vocabulary != nullptr ? *vocabulary : built_in;
    // "Did you mean" over the plan's own labels first, then the built-in ones.
    std::vector<std::string_view> labels;
    std::string declared_en, declared_ja;
    for (const auto& [kind, label] : defaults.role_labels) {
        if (std::find(known_labels().begin(), known_labels().end(), label.value) ==
                known_labels().end() &&
            std::find(labels.begin(), labels.end(), label.value) == labels.end()) {
            labels.push_back(label.value);
            declared_en += label.value + ", ";
            declared_ja += label.value + "・";
        }
    }
    labels.insert(labels.end(), known_labels().begin(), known_labels().end());
    auto at = [&](std::size_t col, std::size_t row) {
        return fmt::format("{}{}", place, cell_name(col, row));
    };
    std::vector<const TableRow*> rows;
    for (const TableRow& r : table) {
        if (!std::all_of(r.cells.begin(), r.cells.end(),
                         [](const std::string& c) { return c.empty(); })) {
            rows.push_back(&r);
        }
    }
    if (rows.empty()) {
        throw ImportError(fmt::format("{}row 1", place), {"the file is empty", "ファイルが空です"});
    }
    // The header: the first row, or the first two when the second is a header too.
    const TableRow& top = *rows.front();
    auto find_columns = [&](const std::vector<std::string>& cells) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (!step_col && is_step_header(cells[c]))
                step_col = c;
            else if (!task_col && is_task_header(cells[c]))
                task_col = c;
            else if (!group_col && is_group_header(cells[c]))
                group_col = c;
        }
    };
    find_columns(top.cells);
    std::vector<std::string> header = top.cells;
    std::size_t first_data = 1;
    if (rows.size() > 1) {
        std::optional<std::size_t> probe = task_col;
        if (!probe) {
            for (std::size_t c = 0; c < top.cells.size(); ++c) {
                if (c != step_col && c != group_col && !top.cells[c].empty()) {
                    probe = c;
                    break;
                }
            }
        }
        const TableRow& next = *rows[1];
        if (is_second_header(top.cells, next.cells, probe, defaults)) {
            find_columns(next.cells);
            header.resize(std::max(header.size(), next.cells.size()));
            for (std::size_t c = 0; c < header.size(); ++c) {
                header[c] = combine_header(c < top.cells.size() ? top.cells[c] : std::string(),
                                           c < next.cells.size() ? next.cells[c] : std::string());
            }
            first_data = 2;
        }
    }
    const std::size_t header_row = rows[first_data - 1]->row;
    auto special = [&](std::size_t c) { return c == step_col || c == task_col || c == group_col; };
    if (!task_col) {
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (!special(c) && !header[c].empty()) {
                task_col = c;
                break;
            }
        }
    }
    dept_of_col.assign(header.size(), std::nullopt);
    std::map<std::string, std::size_t> seen;
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (special(c) || header[c].empty()) continue;
        if (auto it = seen.find(header[c]); it != seen.end()) {
            throw ImportError(at(c, header_row),
                              {fmt::format("department \"{}\" is also the header of column {}",
                                           header[c], column_name(it->second)),
                               fmt::format("部門「{}」は {} 列の見出しと重複しています", header[c],
                                           column_name(it->second))});
        }
        seen.emplace(header[c], c);
        ImportedStakeholder s = guess_stakeholder(header[c]);
        s.column = c;
        dept_of_col[c] = m.stakeholders.size();
        m.stakeholders.push_back(std::move(s));
    }
    if (m.stakeholders.empty()) {
        throw ImportError(
            fmt::format("{}row {}", place, header_row),
            {"the header names no department column (expected a task column, then "
             "one column per department)",
             "見出し行に部門の列がありません (タスクの列の後に部門ごとの列が必要です)"});
    }
    m.has_step_column = step_col.has_value() || group_col.has_value();

    for (std::size_t i = first_data; i < rows.size(); ++i) {
        const std::size_t row = rows[i]->row;
        const std::vector<std::string>& cells = rows[i]->cells;
        ImportedTask task;
        task.row = row;
        auto cell = [&](std::size_t c) -> const std::string& {
            static const std::string empty;
            return c < cells.size() ? cells[c] : empty;
        };
        task.name = cell(*task_col);
        if (task.name.empty()) {
            throw ImportError(at(*task_col, row), {"the row has roles but no task name",
                                                   "役割はありますがタスク名が空です"});
        }
        if (step_col && !cell(*step_col).empty()) {
            auto step = parse_step(cell(*step_col));
            if (!step) {
                throw ImportError(
                    at(*step_col, row),
                    {fmt::format("step \"{}\" is not 1 to 7", cell(*step_col)),
                     fmt::format("ステップ「{}」は 1〜7 ではありません", cell(*step_col))});
            }
            task.step = *step;
        } else if (group_col && !step_col) {
            // A group column names the step when its text starts like one ("2. 体制構築");
            // other group names (準備, 運用) only group rows and give no step.
            task.step = parse_step(cell(*group_col)).value_or(0);
        }
        std::optional<std::size_t> owner_col;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c >= dept_of_col.size() || !dept_of_col[c] || cells[c].empty()) {
                if (c >= dept_of_col.size() && !cells[c].empty() && !special(c)) {
                    throw ImportError(at(c, row),
                                      {fmt::format("\"{}\" is in a column without a "
                                                   "department header",
                                                   cells[c]),
                                       fmt::format("「{}」は見出しのない列にあります", cells[c])});
                }
                continue;
            }
            auto kind = role_kind_of(defaults, cells[c]);
            if (!kind) {
                auto guess = closest_match(cells[c], labels);
                throw ImportError(
                    at(c, row),
                    {fmt::format("unknown role label \"{}\"{}; the labels are {}主担当, 共有, "
                                 "受領, R, A, C, I",
                                 cells[c],
                                 guess ? fmt::format(" (did you mean \"{}\"?)", *guess) : "",
                                 declared_en),
                     fmt::format(
                         "不明な役割「{}」です{}。使える役割は {}主担当・共有・受領・R・"
                         "A・C・I です",
                         cells[c],
                         guess ? fmt::format(" (「{}」の誤りではありませんか?)", *guess) : "",
                         declared_ja)});
            }
            if (*kind == RoleKind::owner) {
                if (owner_col) {
                    // Not a silent pick: the same finding validate would report (RACI-002).
                    throw ImportError(
                        at(c, row),
                        {fmt::format("task \"{}\" has two lead owners ({} in {} and {} in "
                                     "{}); exactly one holds the decision",
                                     task.name, m.stakeholders[*dept_of_col[*owner_col]].name,
                                     cell_name(*owner_col, row),
                                     m.stakeholders[*dept_of_col[c]].name, cell_name(c, row)),
                         fmt::format(
                             "タスク「{}」に主担当が 2 部門あります ({} の {} と {} の {})。"
                             "決定権を持つのは 1 部門だけにしてください",
                             task.name, cell_name(*owner_col, row),
                             m.stakeholders[*dept_of_col[*owner_col]].name, cell_name(c, row),
                             m.stakeholders[*dept_of_col[c]].name)},
                        "RACI-002");
                }
                owner_col = c;
            }
            task.roles.push_back({*dept_of_col[c], cells[c], *kind});
        }
        m.tasks.push_back(std::move(task));
    }
    assign_ids(m);
    return m;
}

RoleMatrix read_role_csv(std::string_view bytes, const Project* vocabulary) {
    std::string text = decode(bytes);
    lists::CsvReader reader(text);
    std::vector<std::string_view> fields;
    std::vector<TableRow> table;
    try {
        while (reader.next(fields)) {
            TableRow r;
            r.row = reader.row();
            for (std::string_view f : fields) r.cells.push_back(unguard(trim(f)));
            table.push_back(std::move(r));
        }
    } catch (const lists::CsvSyntaxError& e) {
        throw ImportError(cell_name(e.col > 0 ? e.col - 1 : 0, e.row), e.what_text);
    }
    return read_role_table(table, {}, vocabulary);
}

RoleMatrix read_role_xlsx(std::string_view bytes, std::string_view sheet_name,
                          const Project* vocabulary) {
    xlsx::Sheet sheet;
    try {
        sheet = xlsx::read_sheet(bytes, sheet_name);
    } catch (const xlsx::ReadError& e) {
        throw ImportError(e.where(), e.message());
    }
    std::vector<TableRow> table;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        TableRow row;
        row.row = r + 1;
        for (const std::string& c : sheet.rows[r]) row.cells.push_back(trim(c));
        table.push_back(std::move(row));
    }
    return read_role_table(table, fmt::format("{}!", sheet.name), vocabulary);
}

std::vector<std::string> describe_guesses(const RoleMatrix& m, Lang lang) {
    std::vector<std::string> lines;
    for (const ImportedStakeholder& s : m.stakeholders) {
        if (lang == Lang::ja) {
            lines.push_back(
                s.because.empty()
                    ? fmt::format("「{}」→ id {}、kind other (名前から種類を推定できません。"
                                  "確認してください)",
                                  s.name, s.id)
                    : fmt::format("「{}」→ id {}、kind {} (「{}」から推定。確認してください)",
                                  s.name, s.id, s.kind, s.because));
        } else {
            lines.push_back(
                s.because.empty()
                    ? fmt::format("\"{}\" -> id {}, kind other (no kind recognised in the name; "
                                  "confirm)",
                                  s.name, s.id)
                    : fmt::format("\"{}\" -> id {}, kind {} (guessed from \"{}\"; confirm)", s.name,
                                  s.id, s.kind, s.because));
        }
    }
    return lines;
}

std::string write_plan(const RoleMatrix& m, const PlanOptions& options) {
    bool japanese = false;
    for (const ImportedStakeholder& s : m.stakeholders) {
        for (char ch : s.name) japanese |= static_cast<unsigned char>(ch) >= 0x80;
    }
    for (const ImportedTask& t : m.tasks) {
        for (char ch : t.name) japanese |= static_cast<unsigned char>(ch) >= 0x80;
    }
    // The kind with the most 主担当 cells leads the project (ties: column order).
    std::vector<int> owned(m.stakeholders.size(), 0);
    for (const ImportedTask& t : m.tasks) {
        for (const ImportedRole& r : t.roles) owned[r.stakeholder] += r.kind == RoleKind::owner;
    }
    std::string out;
    out += japanese
               ? fmt::format(
                     "# ma-plan import roles が {} から作成したプランです。\n"
                     "# stakeholders の id と kind は部門名からの推定です。確認してください。\n",
                     options.source)
               : fmt::format(
                     "# Written by ma-plan import roles from {}.\n"
                     "# The stakeholders' id and kind are guesses from the department "
                     "names: confirm them.\n",
                     options.source);
    out += "ma_plan: 1\nproject:\n";
    out += fmt::format("  name: {}\n  tool: {}\n  language: {}\n", quoted(options.project_name),
                       options.tool, japanese ? "ja" : "en");
    if (!m.stakeholders.empty()) {
        auto lead = std::max_element(owned.begin(), owned.end()) - owned.begin();
        if (owned[static_cast<std::size_t>(lead)] > 0) {
            out += fmt::format("  owner: {}\n", m.stakeholders[static_cast<std::size_t>(lead)].id);
        }
    }
    out += "stakeholders:\n";
    for (const ImportedStakeholder& s : m.stakeholders) {
        out += fmt::format(
            "  - {{ id: {}, name: {}, kind: {} }}  # {}\n", s.id, quoted(s.name), s.kind,
            s.because.empty()
                ? (japanese ? "種類は推定できず (other)" : "kind not recognised (other)")
                : (japanese ? fmt::format("「{}」から推定", s.because)
                            : fmt::format("guessed from \"{}\"", s.because)));
    }
    // role_labels only where the file's label for a kind is not the default one, so the reports
    // show the file's own vocabulary (a matrix in A/R/C/I letters stays in letters).
    Project defaults;
    std::map<RoleKind, std::set<std::string>> labels;
    for (const ImportedTask& t : m.tasks) {
        for (const ImportedRole& r : t.roles) labels[r.kind].insert(r.label);
    }
    std::string declared;
    for (const auto& [kind, set] : labels) {
        if (set.size() == 1 && *set.begin() != defaults.role_label(kind)) {
            declared += fmt::format("{}{}: {}", declared.empty() ? "" : ", ", to_string(kind),
                                    quoted(*set.begin()));
        }
    }
    if (!declared.empty()) out += fmt::format("role_labels: {{ {} }}\n", declared);
    out += m.tasks.empty() ? "tasks: []\n" : "tasks:\n";
    for (const ImportedTask& t : m.tasks) {
        std::string roles;
        for (const ImportedRole& r : t.roles) {
            roles += fmt::format("{}{}: {}", roles.empty() ? "" : ", ",
                                 m.stakeholders[r.stakeholder].id, quoted(r.label));
        }
        out += fmt::format("  - {{ name: {}{}, roles: {{ {} }} }}\n", quoted(t.name),
                           t.step > 0 ? fmt::format(", step: {}", t.step) : "", roles);
    }
    return out;
}

// ----- --into -----

namespace {

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    while (!text.empty()) {
        auto nl = text.find('\n');
        std::size_t n = nl == std::string_view::npos ? text.size() : nl + 1;
        lines.emplace_back(text.substr(0, n));
        text.remove_prefix(n);
    }
    return lines;
}

bool blank_or_comment(std::string_view line) {
    auto i = line.find_first_not_of(" \t\r\n");
    return i == std::string_view::npos || line[i] == '#';
}

/// Where a top-level block list ends: the line after its last item line (comments and blank
/// lines after it stay after the additions, with the next key).
struct Block {
    bool found = false;
    std::size_t key_line = 0;
    std::size_t insert_at = 0;  ///< index of the line the additions go before
    std::string indent = "  ";
    bool empty_flow = false;  ///< `key: []`
};

Block find_block(const std::vector<std::string>& lines, std::string_view key) {
    Block b;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (!line.starts_with(key)) continue;
        std::size_t at = key.size();
        while (at < line.size() && line[at] == ' ') ++at;
        if (at >= line.size() || line[at] != ':') continue;
        std::string rest = trim(std::string_view(line).substr(at + 1));
        while (!rest.empty() && (rest.back() == '\n' || rest.back() == '\r')) rest.pop_back();
        if (auto hash = rest.find(" #"); hash != std::string::npos)
            rest = trim(rest.substr(0, hash));
        if (rest.starts_with('#')) rest.clear();
        b.found = true;
        b.key_line = i;
        b.insert_at = i + 1;
        if (rest == "[]") {
            b.empty_flow = true;
            return b;
        }
        if (!rest.empty()) {
            throw ImportError(
                fmt::format("row {}", i + 1),
                {fmt::format("`{}` is written on one line ({}); --into adds block "
                             "list items, so write it as one `- ` item per line",
                             key, rest),
                 fmt::format("`{}` が 1 行で書かれています ({})。--into はブロック形式"
                             "の項目を追加するので、1 行に 1 つの `- ` で書いてくだ"
                             "さい",
                             key, rest)});
        }
        bool indent_seen = false;
        for (std::size_t j = i + 1; j < lines.size(); ++j) {
            const std::string& l = lines[j];
            bool inside = blank_or_comment(l) || l.starts_with(' ') || l.starts_with('\t') ||
                          l.starts_with("- ") || l == "-\n";
            if (!inside) break;
            if (blank_or_comment(l)) continue;
            b.insert_at = j + 1;
            auto dash = l.find_first_not_of(' ');
            if (!indent_seen && dash != std::string::npos && l.compare(dash, 2, "- ") == 0) {
                b.indent = l.substr(0, dash);
                indent_seen = true;
            }
        }
        return b;
    }
    return b;
}

struct Op {
    char kind;  ///< '=' kept, '-' removed, '+' added
    std::string text;
};

std::string diff_line(char kind, const std::string& text) {
    std::string out(1, kind == '=' ? ' ' : kind);
    out += text;
    if (!text.ends_with('\n')) out += "\n\\ No newline at end of file\n";
    return out;
}

/// A unified diff (3 lines of context) of the edit script.
std::string unified_diff(const std::vector<Op>& ops, const std::string& name) {
    constexpr std::size_t context = 3;
    std::vector<std::size_t> changed;
    for (std::size_t k = 0; k < ops.size(); ++k) {
        if (ops[k].kind != '=') changed.push_back(k);
    }
    if (changed.empty()) return {};
    std::string out = fmt::format("--- {}\n+++ {}\n", name, name);
    // Old and new line numbers before each op.
    std::vector<std::size_t> old_no(ops.size() + 1), new_no(ops.size() + 1);
    for (std::size_t k = 0; k < ops.size(); ++k) {
        old_no[k + 1] = old_no[k] + (ops[k].kind != '+');
        new_no[k + 1] = new_no[k] + (ops[k].kind != '-');
    }
    std::size_t c = 0;
    while (c < changed.size()) {
        std::size_t first = changed[c];
        std::size_t last = first;
        while (c + 1 < changed.size() && changed[c + 1] <= last + 2 * context + 1) {
            last = changed[++c];
        }
        ++c;
        std::size_t from = first >= context ? first - context : 0;
        std::size_t to = std::min(ops.size(), last + context + 1);
        std::size_t old_count = old_no[to] - old_no[from];
        std::size_t new_count = new_no[to] - new_no[from];
        out += fmt::format("@@ -{},{} +{},{} @@\n", old_count ? old_no[from] + 1 : old_no[from],
                           old_count, new_count ? new_no[from] + 1 : new_no[from], new_count);
        for (std::size_t k = from; k < to; ++k) out += diff_line(ops[k].kind, ops[k].text);
    }
    return out;
}

std::string roles_text(const std::vector<std::pair<std::string, std::string>>& roles) {
    std::string out;
    for (const auto& [id, label] : roles) {
        out += fmt::format("{}{}: {}", out.empty() ? "" : ", ", id, label);
    }
    return out;
}

}  // namespace

MergeResult merge_into(std::string_view plan_text, const Project& plan, const RoleMatrix& m,
                       const MergeOptions& options) {
    MergeResult result;
    bool japanese = false;
    for (const ImportedStakeholder& s : m.stakeholders) {
        for (char ch : s.name) japanese |= static_cast<unsigned char>(ch) >= 0x80;
    }
    // Departments → the plan's stakeholders by name, then by ID; the rest are new.
    std::set<std::string> ids;
    for (const Stakeholder& s : plan.stakeholders) ids.insert(s.id.value);
    std::vector<std::string> id_of(m.stakeholders.size());
    std::vector<std::string> new_stakeholders;
    for (std::size_t i = 0; i < m.stakeholders.size(); ++i) {
        const ImportedStakeholder& s = m.stakeholders[i];
        auto same = std::find_if(plan.stakeholders.begin(), plan.stakeholders.end(),
                                 [&](const Stakeholder& p) { return p.name.value == s.name; });
        if (same == plan.stakeholders.end()) {
            same = std::find_if(plan.stakeholders.begin(), plan.stakeholders.end(),
                                [&](const Stakeholder& p) { return p.id.value == s.name; });
        }
        if (same != plan.stakeholders.end()) {
            id_of[i] = same->id.value;
            continue;
        }
        std::string id = s.id;
        for (int n = 2; ids.contains(id); ++n) id = fmt::format("{}_{}", s.id, n);
        ids.insert(id);
        id_of[i] = id;
        new_stakeholders.push_back(fmt::format(
            "- {{ id: {}, name: {}, kind: {} }}  # {}\n", id, quoted(s.name), s.kind,
            s.because.empty()
                ? (japanese ? "種類は推定できず (other)。ma-plan import roles が追加"
                            : "kind not recognised (other); added by ma-plan import roles")
                : (japanese ? fmt::format("「{}」から推定。ma-plan import roles が追加", s.because)
                            : fmt::format("guessed from \"{}\"; added by ma-plan import roles",
                                          s.because))));
        result.changes.push_back(
            {fmt::format("added stakeholder \"{}\" as {} (kind {}, a guess from the name: "
                         "confirm)",
                         s.name, id, s.kind),
             fmt::format("関係者「{}」を {} として追加しました (kind {} は名前からの推定です。"
                         "確認してください)",
                         s.name, id, s.kind)});
    }
    std::vector<std::string> new_tasks;
    for (const ImportedTask& t : m.tasks) {
        std::vector<std::pair<std::string, std::string>> file_roles;
        for (const ImportedRole& r : t.roles)
            file_roles.emplace_back(id_of[r.stakeholder], r.label);
        auto same = std::find_if(plan.tasks.begin(), plan.tasks.end(),
                                 [&](const Task& p) { return p.name.value == t.name; });
        if (same != plan.tasks.end()) {
            std::vector<std::pair<std::string, std::string>> plan_roles;
            for (const RoleAssignment& r : same->roles) {
                plan_roles.emplace_back(r.stakeholder.value, r.label.value);
            }
            auto a = file_roles;
            auto b = plan_roles;
            std::sort(a.begin(), a.end());
            std::sort(b.begin(), b.end());
            if (a == b) {
                ++result.unchanged;
            } else if (options.keep_existing) {
                result.changes.push_back(
                    {fmt::format("kept the plan's roles of task \"{}\" (--keep-existing); the "
                                 "file has {}",
                                 t.name, roles_text(file_roles)),
                     fmt::format("タスク「{}」は計画の役割のままにしました (--keep-existing)。"
                                 "ファイルでは {}",
                                 t.name, roles_text(file_roles))});
            } else {
                result.conflicts.push_back(
                    {t.name, same->pos, t.row, roles_text(plan_roles), roles_text(file_roles)});
            }
            continue;
        }
        std::string roles;
        for (const auto& [id, label] : file_roles) {
            roles += fmt::format("{}{}: {}", roles.empty() ? "" : ", ", id, quoted(label));
        }
        new_tasks.push_back(fmt::format("- {{ name: {}{}, roles: {{ {} }} }}\n", quoted(t.name),
                                        t.step > 0 ? fmt::format(", step: {}", t.step) : "",
                                        roles));
        result.changes.push_back(
            {fmt::format("added task \"{}\" (row {})", t.name, t.row),
             fmt::format("タスク「{}」を追加しました ({} 行目)", t.name, t.row)});
    }
    if (!result.conflicts.empty() || (new_stakeholders.empty() && new_tasks.empty())) {
        result.text = std::string(plan_text);
        if (!result.conflicts.empty()) result.changes.clear();
        return result;
    }

    // Line edits: the additions go before these line indices; everything else is kept.
    std::vector<std::string> lines = split_lines(plan_text);
    std::map<std::size_t, std::vector<std::string>> before;  ///< line index → lines to insert
    std::set<std::size_t> emptied;                           ///< `key: []` lines become `key:`
    auto place = [&](std::string_view key, const std::vector<std::string>& items) {
        if (items.empty()) return;
        Block b = find_block(lines, key);
        std::vector<std::string>& at = before[b.found ? b.insert_at : lines.size()];
        if (!b.found) at.push_back(fmt::format("{}:\n", key));
        if (b.empty_flow) emptied.insert(b.key_line);
        for (const std::string& item : items) at.push_back(b.indent + item);
    };
    place("stakeholders", new_stakeholders);
    place("tasks", new_tasks);
    std::vector<Op> ops;
    for (std::size_t i = 0; i <= lines.size(); ++i) {
        if (auto it = before.find(i); it != before.end()) {
            // The line the additions follow must end its line.
            if (!ops.empty() && ops.back().kind == '=' && !ops.back().text.ends_with('\n')) {
                std::string text = ops.back().text;
                ops.back().kind = '-';
                ops.push_back({'+', text + "\n"});
            }
            for (const std::string& l : it->second) ops.push_back({'+', l});
        }
        if (i == lines.size()) break;
        if (emptied.contains(i)) {
            std::string line = lines[i];
            auto open = line.find("[]");
            ops.push_back({'-', line});
            line.erase(open, 2);
            while (open > 0 && line[open - 1] == ' ') line.erase(--open, 1);
            ops.push_back({'+', line});
        } else {
            ops.push_back({'=', lines[i]});
        }
    }
    for (const Op& op : ops) {
        if (op.kind != '-') result.text += op.text;
    }
    result.patch = unified_diff(ops, options.plan_name);
    return result;
}

}  // namespace maplan::importer
