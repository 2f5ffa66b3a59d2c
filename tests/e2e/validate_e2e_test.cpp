// End-to-end: the built binary, its exit codes, its output, its handling of hostile files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "run.hpp"

using e2e::ma_plan;

namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& content) {
    std::ofstream(p, std::ios::binary) << content;
}

std::string fmt_name(int n) {
    return "plan" + std::to_string(n) + ".yaml";
}

}  // namespace

TEST_CASE("the bundled Japanese example validates clean", "[e2e]") {
    auto r = ma_plan("validate config-examples/ja-manufacturer.yaml");
    CHECK(r.exit_code == 0);
    CHECK(r.out == "1 file checked: 0 errors, 0 warnings, 0 info\n");
    CHECK(r.err.empty());
}

TEST_CASE("findings: compiler-style lines / source quote / caret / hint / exit 1", "[e2e]") {
    auto dir = e2e::scratch_dir("findings");
    write(dir / "plan.yaml",
          "ma_plan: 1\nproject:\n  name: テスト\n  tool: elqua\nstakeholders:\n"
          "  - {id: marketing, name: マーケティング部, kind: marketing}\n"
          "tasks:\n  - name: HOT リードの受け渡し\n    step: 4\n    roles: {marketing: 担当}\n");
    auto r = ma_plan("validate --lang en " + (dir / "plan.yaml").string() + " --fail-on error");
    CHECK(r.exit_code == 1);
    std::string p = (dir / "plan.yaml").string();
    CHECK(r.out.find(
              p +
              ":4:9: error: \"elqua\" is not allowed for \"tool\"; did you mean \"eloqua\"? "
              "[SCHEMA-005]\n"
              " 4 |   tool: elqua\n"
              "   |         ^\n"
              "  hint: allowed: eloqua, marketo, hubspot, account_engagement, mautic, other\n") !=
          std::string::npos);
    CHECK(
        r.out.find(
            p +
            ":8:5: error: task \"HOT リードの受け渡し\" has no lead owner (主担当) [RACI-001]\n") !=
        std::string::npos);
    CHECK(r.out.find("\x1b[") == std::string::npos);  // no colour when not on a terminal
    fs::remove_all(dir);
}

TEST_CASE("Japanese output with --lang ja and with LANG=ja_JP.UTF-8", "[e2e]") {
    auto dir = e2e::scratch_dir("ja");
    write(dir / "plan.yaml", "ma_plan: 1\nproject: {name: x, tool: elqua}\n");
    std::string expected_head =
        ":2:26: エラー: 「elqua」は「tool」に使えません。「eloqua」の誤りではありませんか? "
        "[SCHEMA-005]";
    auto a = ma_plan("--lang ja validate " + (dir / "plan.yaml").string());
    CHECK(a.out.find(expected_head) != std::string::npos);
    auto b = ma_plan("validate " + (dir / "plan.yaml").string(), "NO_COLOR=1 LANG=ja_JP.UTF-8");
    CHECK(b.out.find(expected_head) != std::string::npos);
    CHECK(b.out.find("1 ファイルを検査: エラー 1 件、警告 ") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("standard input with -", "[e2e]") {
    auto r = ma_plan("validate - < config-examples/minimal.yaml");
    CHECK(r.exit_code <= 1);
    CHECK(r.out.find("1 file checked") != std::string::npos);
    auto bad = ma_plan("validate - < /dev/null");
    CHECK(bad.exit_code == 2);
    CHECK(bad.out ==
          "<stdin>:1:1: error: file is empty; a plan starts with \"ma_plan: 1\"\n"
          "1 file checked: 0 errors, 0 warnings, 0 info, 1 unreadable\n");
}

TEST_CASE("hostile files: one line each / exit 2 / the other files still checked",
          "[e2e][hostile]") {
    auto dir = e2e::scratch_dir("hostile");
    write(dir / "01-empty.yaml", "");
    write(dir / "02-scalar.yaml", "just text\n");
    write(dir / "03-list.yaml", "- a\n- b\n");
    write(dir / "04-tabs.yaml", "ma_plan: 1\nproject:\n\tname: x\n");
    write(dir / "05-sjis.yaml", "ma_plan: 1\nproject:\n  name: \x96\xBC\x91\x4F\n");
    write(dir / "06-nul.yaml", std::string("ma_plan: 1\0\n", 12));
    write(dir / "07-utf16.yaml", std::string("\xFF\xFEm\0a\0", 6));
    write(dir / "08-multi.yaml", "ma_plan: 1\n---\nma_plan: 1\n");
    write(dir / "09-deep.yaml", "a: " + std::string(100000, '['));
    write(dir / "10-cycle.yaml", "a: &x [*x]\n");
    write(dir / "11-syntax.yaml", "ma_plan: 1\nproject: {name: x\n");
    write(dir / "12-good.yaml", "ma_plan: 1\nproject: {name: x, tool: other}\n");
    fs::create_directory(dir / "13-dir.yaml");
    auto r =
        ma_plan("validate --lang en " + dir.string() + "/*.yaml " + dir.string() + "/missing.yaml");
    CHECK(r.exit_code == 2);
    std::string d = dir.string() + "/";
    std::string out = r.out;
    // Paths vary per run: make them relative for the golden comparison.
    for (std::size_t at; (at = out.find(d)) != std::string::npos;) out.erase(at, d.size());
    CHECK(e2e::matches_golden(out, "validate-hostile.txt"));
    fs::remove_all(dir);
}

TEST_CASE("a directory without plans is an error / not a silent pass", "[e2e][hostile]") {
    auto dir = e2e::scratch_dir("empty");
    auto r = ma_plan("validate " + dir.string());
    CHECK(r.exit_code == 2);
    CHECK(r.out == dir.string() +
                       ": error: is a directory with no plan files (*.yaml, *.yml)\n"
                       "1 file checked: 0 errors, 0 warnings, 0 info, 1 unreadable\n");
    fs::remove_all(dir);
}

TEST_CASE("a file of hundreds of MB is refused by size / not read", "[e2e][hostile]") {
    auto dir = e2e::scratch_dir("huge");
    {
        std::ofstream out(dir / "huge.yaml", std::ios::binary);
        out.seekp(300L * 1024 * 1024);  // sparse: costs no disk
        out.put('\n');
    }
    auto r = ma_plan("validate " + (dir / "huge.yaml").string());
    CHECK(r.exit_code == 2);
    CHECK(r.out.find("huge.yaml: error: file is 300.0 MiB (314,572,801 bytes); the limit is 16 MiB "
                     "(16,777,216 bytes)\n") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("exit codes: usage 3 / bad value 4 / --fail-on and --strict", "[e2e]") {
    CHECK(ma_plan("validate --no-such-option x.yaml").exit_code == 3);
    CHECK(ma_plan("validate").exit_code == 3);
    auto fmt = ma_plan("validate --format yaml config-examples/minimal.yaml");
    CHECK(fmt.exit_code == 4);
    CHECK(fmt.err.find("unknown format \"yaml\"") != std::string::npos);
    auto unknown = ma_plan("valdate x.yaml");
    CHECK(unknown.exit_code == 3);
    CHECK(unknown.err ==
          "ma-plan: unknown command \"valdate\"; did you mean \"validate\"?\n"
          "Run 'ma-plan --help' for the list of commands\n");
}

TEST_CASE("JSON output (--format json) is parseable and has the documented shape", "[e2e]") {
    auto r = ma_plan(
        "validate --format json config-examples/ja-manufacturer.yaml | python3 -c "
        "\"import json,sys; d=json.load(sys.stdin); "
        "print(d['version'], d['files'][0]['status'], d['summary']['errors'], "
        "d['summary']['failed'])\"");
    CHECK(r.out == "1 checked 0 False\n");
}

TEST_CASE("several formats in one run / each to its own file / written atomically", "[e2e]") {
    auto dir = e2e::scratch_dir("multi");
    auto r = ma_plan("validate config-examples/minimal.yaml --format text --format json=" +
                     (dir / "out.json").string());
    CHECK(r.out.find("1 file checked") != std::string::npos);
    CHECK(e2e::read_file(dir / "out.json").find("\"summary\"") != std::string::npos);
    // An unwritable target fails with exit 2 and a message naming it.
    auto bad =
        ma_plan("validate config-examples/minimal.yaml --format json=/nonexistent-dir/out.json");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("/nonexistent-dir/out.json: error: cannot write") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("init writes a starter that validates / and never overwrites", "[e2e]") {
    auto dir = e2e::scratch_dir("init");
    for (const char* lang : {"ja", "en"}) {
        fs::path plan = dir / (std::string(lang) + ".yaml");
        auto r =
            ma_plan(std::string("--lang ") + lang + " init " + plan.string() + " --tool marketo");
        REQUIRE(r.exit_code == 0);
        auto v = ma_plan("validate --fail-on error " + plan.string());
        INFO(v.out);
        CHECK(v.exit_code == 0);
        std::string before = e2e::read_file(plan);
        auto again = ma_plan("init " + plan.string());
        CHECK(again.exit_code == 2);
        CHECK(again.err.find("already exists") != std::string::npos);
        CHECK(e2e::read_file(plan) == before);
    }
    fs::remove_all(dir);
}

namespace {

std::string shell_quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

TEST_CASE("init round trip with hostile names: validate reads it and status shows the name",
          "[e2e]") {
    auto dir = e2e::scratch_dir("init-hostile");
    const std::string names[] = {"A社: MA導入 #2期", "key: value",    "#hash first",
                                 "say \"hi\"",       "it's",          "two\nlines",
                                 "emoji 😀",          "[not, a, list]"};
    int n = 0;
    for (const std::string& name : names) {
        for (const char* lang : {"ja", "en"}) {
            INFO(name << " / " << lang);
            fs::path plan = dir / fmt_name(++n);
            auto init = ma_plan(std::string("--lang ") + lang + " init " + plan.string() +
                                " --name " + shell_quoted(name));
            REQUIRE(init.exit_code == 0);
            auto v = ma_plan("validate --fail-on error " + plan.string());
            INFO(v.out << v.err);
            CHECK(v.exit_code == 0);
            CHECK(v.out.find("PLACEHOLDER-001") != std::string::npos);
            auto status = ma_plan(std::string("--lang ") + lang + " status --today 2026-12-01 " +
                                  plan.string());
            CHECK(status.exit_code == 0);
            // The terminal report shows control characters escaped (a line break as \n), so
            // a name cannot forge report lines; everything else comes back as written.
            std::string shown = name;
            for (std::size_t at; (at = shown.find('\n')) != std::string::npos;)
                shown.replace(at, 1, "\\n");
            std::string title = std::string(lang) == "ja"
                                    ? "準備状況: " + shown + " (基準日 2026-12-01)\n"
                                    : "Readiness: " + shown + " (as of 2026-12-01)\n";
            CHECK(status.out.rfind(title, 0) == 0);
            // Nothing the starter proposes counts as done.
            std::size_t total = status.out.find(std::string(lang) == "ja" ? "\n合計 " : "\nTotal ");
            REQUIRE(total != std::string::npos);
            std::string row =
                status.out.substr(total + 1, status.out.find('\n', total + 1) - total);
            CHECK(row.find(" 0/50 ") != std::string::npos);
            CHECK(row.find(" 0% ") != std::string::npos);
            auto checklist = ma_plan(std::string("--lang ") + lang +
                                     " checklist --today 2026-12-01 " + plan.string());
            CHECK(checklist.out.find("[x]") == std::string::npos);
        }
    }
    auto bad = ma_plan("init " + (dir / "bad.yaml").string() + " --name \"$(printf '\\377')\"");
    CHECK(bad.exit_code == 4);  // a value not allowed
    CHECK(bad.err == "ma-plan: --name is not valid UTF-8 (byte 1)\n");
    CHECK_FALSE(fs::exists(dir / "bad.yaml"));
    fs::remove_all(dir);
}

TEST_CASE("command-line mistakes in both languages with the nearest option", "[e2e]") {
    struct Mistake {
        std::string args;
        std::string en;
        std::string ja;
        int code = 3;  ///< 4 for a value the option does not allow
    };
    const Mistake mistakes[] = {
        {"validate --formt json config-examples/minimal.yaml",
         "ma-plan: unexpected argument \"--formt\"; did you mean \"--format\"?\n"
         "Run 'ma-plan validate --help' for usage\n",
         "ma-plan: 想定外の引数「--formt」があります。「--format」の誤りではありませんか?\n"
         "'ma-plan validate --help' で使い方を表示します\n"},
        {"validate", "ma-plan: \"files\" is required\nRun 'ma-plan validate --help' for usage\n",
         "ma-plan: 「files」を指定してください\n'ma-plan validate --help' で使い方を表示します\n"},
        {"validate config-examples/minimal.yaml --fail-on warnin",
         "ma-plan: --fail-on: \"warnin\" is not allowed; did you mean \"warning\"? (allowed: "
         "error, warning, info)\nRun 'ma-plan validate --help' for usage\n",
         "ma-plan: --fail-on に「warnin」は使えません。「warning」の誤りではありませんか? "
         "(使える値: error・warning・info)\n'ma-plan validate --help' で使い方を表示します\n",
         4},
        {"validate --format",
         "ma-plan: --format needs a value (FORMAT[=FILE])\n"
         "Run 'ma-plan validate --help' for usage\n",
         "ma-plan: --format には値 (FORMAT[=FILE]) が必要です\n"
         "'ma-plan validate --help' で使い方を表示します\n"},
        {"lists imprt",
         "ma-plan: unknown command \"lists imprt\"; did you mean \"import\"?\n"
         "Run 'ma-plan lists --help' for the list of commands\n",
         "ma-plan: 不明なコマンド「lists imprt」です。「import」の誤りではありませんか?\n"
         "'ma-plan lists --help' でコマンド一覧を表示します\n"},
        {"", "ma-plan: a command is required\nRun 'ma-plan --help' for usage\n",
         "ma-plan: コマンドを指定してください\n'ma-plan --help' で使い方を表示します\n"},
    };
    for (const Mistake& m : mistakes) {
        INFO(m.args);
        auto en = ma_plan("--lang en " + m.args);
        CHECK(en.exit_code == m.code);
        CHECK(en.err == m.en);
        auto ja = ma_plan("--lang ja " + m.args);
        CHECK(ja.exit_code == m.code);
        CHECK(ja.err == m.ja);
        // The language is known before parsing, from MA_PLAN_LANG too.
        auto env = ma_plan(m.args, "NO_COLOR=1 LANG=C.UTF-8 MA_PLAN_LANG=ja");
        CHECK(env.err == m.ja);
    }
    // --lang after the mistake counts as well.
    auto late = ma_plan("validate --formt json config-examples/minimal.yaml --lang ja");
    CHECK(late.err == mistakes[0].ja);
}

TEST_CASE("rules: list / one rule / did-you-mean for unknown IDs", "[e2e]") {
    auto list = ma_plan("rules");
    CHECK(list.exit_code == 0);
    CHECK(list.out.find("RACI-001") != std::string::npos);
    auto one = ma_plan("--lang ja rules RACI-001");
    CHECK(one.out.rfind("RACI-001 [エラー] 主担当のいないタスク", 0) == 0);
    // Issue 13: the rule's incorrect and correct example, labelled in the user's language.
    CHECK(one.out.find("\n誤りの例:\n  tasks:\n    - {name: Salesforce連携の設定, step: 6, roles: "
                       "{it: 実施, mk: 共有}}\n") != std::string::npos);
    CHECK(one.out.find("\n正しい例:\n  tasks:\n") != std::string::npos);
    auto en = ma_plan("--lang en rules RACI-001");
    CHECK(en.out.find("\nIncorrect:\n  tasks:\n") != std::string::npos);
    CHECK(en.out.find("\nCorrect:\n  tasks:\n") != std::string::npos);
    auto json = ma_plan("rules --format json");
    CHECK(json.out.find("\"example\": {\n      \"incorrect\": \"tasks:\\n") != std::string::npos);
    auto typo = ma_plan("rules RACI-01");
    CHECK(typo.exit_code == 4);
    CHECK(typo.err == "ma-plan: unknown rule \"RACI-01\"; did you mean \"RACI-001\"?\n");
}

TEST_CASE("compact format: one gcc-style line per finding in English and Japanese", "[e2e]") {
    // broken.yaml has findings of every kind, a plan-wide one among them; minimal.yaml is all
    // plan-wide findings, which point at its first key.
    for (const char* lang : {"en", "ja"}) {
        auto r = ma_plan(std::string("--lang ") + lang +
                         " validate config-examples/broken.yaml config-examples/minimal.yaml "
                         "--format compact");
        INFO(lang);
        CHECK(r.exit_code == 1);
        CHECK(r.err.empty());
        CHECK(e2e::matches_golden(r.out, std::string("validate-compact.") + lang + ".txt"));
        // No source quote, hint or summary: every line is file:line:col: severity: message [ID].
        std::istringstream lines(r.out);
        for (std::string line; std::getline(lines, line);) {
            INFO(line);
            CHECK(line.starts_with("config-examples/"));
            CHECK(line.ends_with("]"));
        }
    }
    // The text format quotes each position's line once, however many findings share it.
    auto text = ma_plan("--lang en validate config-examples/minimal.yaml");
    std::size_t quotes = 0;
    for (std::size_t at = 0; (at = text.out.find(" 2 | ma_plan: 1\n", at)) != std::string::npos;
         ++at)
        ++quotes;
    CHECK(quotes == 1);
}

TEST_CASE("a plan-wide finding points at its step's first key or else the plan's first key",
          "[e2e]") {
    auto dir = e2e::scratch_dir("plan-wide");
    write(dir / "plan.yaml",
          "# comment\nma_plan: 1\nproject: {name: x, tool: eloqua}\n"
          "problems: [リードが営業に渡らない]\nreporting: {cadence: monthly}\n");
    std::string p = (dir / "plan.yaml").string();
    auto r = ma_plan("--lang en validate " + p + " --format compact");
    // Step 1 has `problems:` (line 4) but no goals; step 3 has nothing: the plan's first key.
    CHECK(r.out.find(p + ":4:1: warning: the plan has no goals: ") != std::string::npos);
    CHECK(r.out.find(p + ":2:1: warning: the plan has no segments: ") != std::string::npos);
    // Must not: no finding of a plan with a first key falls back to line 1 (a comment here).
    CHECK(r.out.find(p + ":1:1:") == std::string::npos);
    fs::remove_all(dir);
}
