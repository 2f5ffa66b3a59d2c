// Descriptors for the input-method slips the lexical pre-scan finds before YAML is parsed
// (core/yaml_lex.cpp, reported by core/yaml_tree.cpp). They stop the file from being read
// (exit 2), so a configuration cannot switch them off; the registry documents them.
#include "core/yaml_tree.hpp"
#include "rules/families.hpp"

namespace maplan::rules {

std::vector<RuleDescriptor> yaml_rules() {
    return {
        {yaml::yaml_rule::ideographic_space,
         0,
         Severity::error,
         {"Full-width space as YAML whitespace", "YAML の空白に全角スペース"},
         {"YAML indents with ASCII spaces only (YAML 1.2 §6.1) and needs an ASCII space after "
          "\": \" and \"- \". A full-width space (U+3000) typed with a Japanese input method is "
          "text to YAML: `　name:` silently becomes a key 「　name」, or the mapping breaks a line "
          "later. The file is not read until it is fixed.",
          "YAML のインデントは半角スペースだけで (YAML 1.2 §6.1)、「: 」「- 」の後にも半角スペース"
          "が必要です。日本語入力で入った全角スペース (U+3000) は YAML では文字なので、`　name:` "
          "は黙ってキー「　name」になるか、次の行で構文エラーになります。直すまでファイルは読まれ"
          "ません。"},
         {"Replace each full-width space with two ASCII spaces in indentation, one after a colon "
          "or dash (the message gives the exact text).",
          "インデントの全角スペースは半角スペース 2 個に、コロンやハイフンの後は 1 個に置き換えて"
          "ください (メッセージに書くべき文字列があります)。"},
         nullptr,
         {R"yaml(
project:
　name: 展示会リード育成
  tool: marketo
  owner: mk
)yaml",
          R"yaml(
project:
  name: 展示会リード育成
  tool: marketo
  owner: mk
)yaml"}},
        {yaml::yaml_rule::fullwidth_colon,
         0,
         Severity::error,
         {"Full-width colon after a key", "キーの後に全角コロン"},
         {"Only the ASCII colon followed by a space separates a key from its value. `name： "
          "テスト` "
          "is one string to YAML, and the parser fails on the next line (\"illegal map value\"). "
          "A full-width colon inside a value (`note: 時刻 10：00`) or a quoted string is text "
          "and is not reported; so is one in a list item (`- 注意： …`), unless the next line "
          "shows the item is a mapping.",
          "キーと値を区切るのは半角コロンと半角スペースだけです。`name： テスト` は YAML では 1 つ"
          "の文字列になり、次の行で構文エラー (illegal map value) になります。値の途中 (`note: "
          "時刻 10：00`) や引用符の中の全角コロンは文字として扱い、報告しません。リスト項目 (`- "
          "注意： …`) の中も、次の行で項目がマッピングだと分かる場合を除いて報告しません。"},
         {"Write an ASCII colon and a space: `name: テスト`.",
          "半角コロンと半角スペースで書いてください: `name: テスト`。"},
         nullptr,
         {R"yaml(
project:
  name： 展示会リード育成
  tool: marketo
  owner: mk
)yaml",
          R"yaml(
project:
  name: 展示会リード育成
  tool: marketo
  owner: mk
)yaml"}},
        {yaml::yaml_rule::fullwidth_dash,
         0,
         Severity::error,
         {"Full-width dash as a list item", "リスト項目に全角のダッシュ"},
         {"A list item starts with an ASCII hyphen and a space. `－ 項目`, `ー 項目` (long vowel "
          "mark), `― 項目` or `‐ 項目` at the start of a line is text to YAML, so the list is "
          "lost or the mapping breaks.",
          "リスト項目は半角ハイフンと半角スペースで始まります。行頭の `－ 項目`・`ー 項目` "
          "(長音記号)・`― 項目`・`‐ 項目` は YAML では文字なので、リストにならないか構文エラーに"
          "なります。"},
         {"Write `- 項目`; quote the value if the dash is meant as text.",
          "`- 項目` と書いてください。記号を文字として書くなら引用符で囲んでください。"},
         nullptr,
         {R"yaml(
problems:
  ー 展示会リードが放置されている
)yaml",
          R"yaml(
problems:
  - 展示会リードが放置されている
)yaml"}},
        {yaml::yaml_rule::fullwidth_bracket,
         0,
         Severity::error,
         {"Full-width brackets as a flow collection", "フロー形式に全角の括弧"},
         {"Flow collections use ASCII brackets (YAML 1.2 §7.4): `[a, b]`, `{a: 1}`. "
          "`［a, b］` is one string, and `[a, b］` never closes. Brackets around text "
          "(`［重要］ お知らせ`) are not reported.",
          "フロー形式は半角の括弧で書きます (YAML 1.2 §7.4): `[a, b]`・`{a: 1}`。`［a, b］` は 1 "
          "つの文字列になり、`[a, b］` は閉じません。文字列の中の括弧 (`［重要］ お知らせ`) は報告"
          "しません。"},
         {"Write the brackets in ASCII; quote the value if the brackets are text.",
          "括弧を半角で書いてください。文字列の括弧なら値を引用符で囲んでください。"},
         nullptr,
         {R"yaml(
problems: ［展示会リードが放置されている, 商談化率が不明］
)yaml",
          R"yaml(
problems: [展示会リードが放置されている, 商談化率が不明]
)yaml"}},
        {yaml::yaml_rule::fullwidth_comma,
         0,
         Severity::error,
         {"Full-width comma in a flow collection", "フロー形式に全角カンマ"},
         {"Items of a flow collection are separated by ASCII commas (YAML 1.2 §7.4). In "
          "`[東京、大阪]` the ideographic comma 、 (or ，) is text, so the list has one item "
          "「東京、大阪」.",
          "フロー形式の項目は半角カンマで区切ります (YAML 1.2 §7.4)。`[東京、大阪]` の読点「、」"
          "(や「，」) は文字なので、項目「東京、大阪」が 1 つだけのリストになります。"},
         {"Write `[東京, 大阪]`; quote the item if the comma belongs to the text.",
          "`[東京, 大阪]` と書いてください。カンマが文字列の一部なら項目を引用符で囲んでくださ"
          "い。"},
         nullptr,
         {R"yaml(
problems: [展示会リードが放置されている、商談化率が不明]
)yaml",
          R"yaml(
problems: [展示会リードが放置されている, 商談化率が不明]
)yaml"}},
    };
}

}  // namespace maplan::rules
