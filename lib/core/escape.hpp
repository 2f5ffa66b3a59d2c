#pragma once
// Cell escaping per output format, shared by reports and customer-list audits. Task, stakeholder
// and customer names come from files someone else wrote; whatever they contain must neither break
// a table's shape nor inject markup or formulas.
#include <string>
#include <string_view>

namespace maplan {

/// Text for a GFM table cell or a list item. Backslash-escapes `\ | ` * _ [ ] ~` (so no code span,
/// emphasis, link or strikethrough can start), writes `<`, `>` and `&` as entities (so no HTML
/// tag or autolink survives), and turns every line break (CR, LF, CRLF) into one space: a
/// newline would end the table row, and `<br>` is raw HTML that safe renderers (cmark-gfm,
/// GitHub) drop anyway. Other control characters become spaces too.
std::string markdown_escape(std::string_view text);

/// True when a spreadsheet could run the cell as a formula (OWASP "CSV injection"): it starts with
/// a tab, CR or LF, or its first character after any leading white space (every Unicode
/// White_Space character such as NBSP and U+3000, and the invisible U+200B and U+FEFF) is `=`,
/// `+`, `-`, `@` or `|` after NFKC, so the full-width `＝＋－＠｜` count too. The one guard for
/// every CSV ma-plan writes (reports here, customer lists in lists/csv.hpp).
bool looks_like_formula(std::string_view cell);

/// A field for RFC 4180 CSV: quoted when it contains `,`, `"`, CR or LF (quotes doubled). A cell
/// that looks_like_formula() gets a `'` prefix.
std::string csv_field(std::string_view text);
/// The UTF-8 byte order mark, which makes Excel read a CSV file as UTF-8 instead of CP932.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

/// Text for a terminal or a CI log: control characters that a terminal or log viewer would act
/// on are written as escapes, so plan text cannot clear the screen, set colours, retitle the
/// window, hide itself, or start a new line. C0 controls and DEL become `\xNN` (`\t`, `\n`,
/// `\r` for the common three), C1 controls, bidirectional overrides and isolates and zero-width
/// characters become `\uNNNN`, and bytes that are not UTF-8 become `\xNN`. Everything else,
/// Japanese included, is unchanged.
std::string terminal_escape(std::string_view text);

/// Text for a line of ordinary output inside GitHub Actions: a line whose first non-blank
/// characters are "::" would be run as a workflow command (`::add-mask::`, `::error …`), so its
/// first colon is written `\x3a`; the older `##[command]` form, recognised anywhere in a line,
/// becomes `#\x23[`. Apply to whole lines of already terminal-escaped text.
std::string github_neutralize_lines(std::string_view text);

/// Text for HTML element content and double-quoted attribute values.
std::string html_escape(std::string_view text);

}  // namespace maplan
