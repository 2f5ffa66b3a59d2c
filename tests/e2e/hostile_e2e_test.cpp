// Hostile input (issue 11), end to end: bounded reads, bounded output, text that cannot inject.
// Every command that could hang runs under timeout(1), so a regression fails (exit 124) instead
// of hanging the suite.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "run.hpp"

using e2e::ma_plan;

namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& content) {
    std::ofstream(p, std::ios::binary) << content;
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

/// Lines of `text` that GitHub Actions would run as workflow commands.
std::vector<std::string> command_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string::npos && line.compare(first, 2, "::") == 0) out.push_back(line);
        start = end + 1;
    }
    return out;
}

const std::string device_en =
    "is a character device, not a regular file (ma-plan reads regular files, and standard input "
    "as -)";
const std::string fifo_en =
    "is a FIFO (named pipe), not a regular file (ma-plan reads regular files, and standard input "
    "as -)";

}  // namespace

TEST_CASE("validate /dev/zero and a FIFO without a writer end at once with exit 2",
          "[e2e][hostile]") {
    auto zero = ma_plan("validate --lang en /dev/zero", "timeout 20 env NO_COLOR=1");
    CHECK(zero.exit_code == 2);
    CHECK(zero.out == "/dev/zero: error: " + device_en +
                          "\n1 file checked: 0 errors, 0 warnings, 0 info, 1 unreadable\n");
    auto dir = e2e::scratch_dir("fifo");
    REQUIRE(::mkfifo((dir / "plan.yaml").c_str(), 0600) == 0);
    std::string fifo = (dir / "plan.yaml").string();
    auto r = ma_plan("validate --lang en " + fifo, "timeout 20 env NO_COLOR=1");
    CHECK(r.exit_code == 2);  // 124 would mean it waited for a writer
    CHECK(r.out == fifo + ": error: " + fifo_en +
                       "\n1 file checked: 0 errors, 0 warnings, 0 info, 1 unreadable\n");
    auto ja = ma_plan("validate --lang ja /dev/zero", "timeout 20 env NO_COLOR=1");
    CHECK(
        ja.out.starts_with("/dev/zero: エラー: キャラクタデバイスです。ma-plan が読むのは"
                           "通常のファイルと、「-」で指定する標準入力だけです\n"));
    fs::remove_all(dir);
}

TEST_CASE("validate --config and lists init --plan refuse devices and FIFOs / exit 2",
          "[e2e][hostile]") {
    auto config = ma_plan("validate --lang en --config /dev/zero config-examples/minimal.yaml",
                          "timeout 20 env NO_COLOR=1");
    CHECK(config.exit_code == 2);
    CHECK(config.err == "ma-plan: /dev/zero: " + device_en + "\n");
    auto dir = e2e::scratch_dir("lists-fifo");
    REQUIRE(::mkfifo((dir / "plan.yaml").c_str(), 0600) == 0);
    auto plan =
        ma_plan("--lang en lists init --db " + (dir / "w.db").string() + " --plan /dev/zero",
                "timeout 20 env NO_COLOR=1");
    CHECK(plan.exit_code == 2);
    CHECK(plan.err == "ma-plan: /dev/zero: error: " + device_en + "\n");
    std::string fifo = (dir / "plan.yaml").string();
    auto from_fifo =
        ma_plan("--lang en lists init --db " + (dir / "w2.db").string() + " --plan " + fifo,
                "timeout 20 env NO_COLOR=1");
    CHECK(from_fifo.exit_code == 2);
    CHECK(from_fifo.err == "ma-plan: " + fifo + ": error: " + fifo_en + "\n");
    CHECK_FALSE(fs::exists(dir / "w.db"));
    fs::remove_all(dir);
}

TEST_CASE("standard input is read with the size bound / /dev/zero on stdin ends",
          "[e2e][hostile]") {
    auto r = ma_plan("validate --lang en - < /dev/zero", "timeout 20 env NO_COLOR=1");
    CHECK(r.exit_code == 2);
    CHECK(r.out ==
          "<stdin>: error: input is larger than the limit of 16 MiB (16,777,216 bytes)\n"
          "1 file checked: 0 errors, 0 warnings, 0 info, 1 unreadable\n");
}

TEST_CASE("a file of 16 MiB + 1 byte says so in bytes", "[e2e][hostile]") {
    auto dir = e2e::scratch_dir("limit");
    {
        std::ofstream out(dir / "big.yaml", std::ios::binary);
        out.seekp(16L * 1024 * 1024);  // sparse
        out.put('\n');
    }
    auto r = ma_plan("validate --lang en " + (dir / "big.yaml").string());
    CHECK(r.exit_code == 2);
    CHECK(r.out.find("big.yaml: error: file is 16.0 MiB (16,777,217 bytes); the limit is 16 MiB "
                     "(16,777,216 bytes)\n") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("the hostile corpus: one clear line per case (English and Japanese)", "[e2e][hostile]") {
    // Everything but the files with their own tests below.
    std::string files =
        "tests/hostile/unterminated-quote-middle.yaml tests/hostile/unterminated-quote-last.yaml "
        "tests/hostile/cr-only.yaml tests/hostile/int-tag.yaml tests/hostile/version-1e30.yaml "
        "tests/hostile/id-invisible.yaml tests/hostile/id-fullwidth-duplicate.yaml "
        "tests/hostile/suppress-in-block-scalar.yaml tests/hostile/suppress-in-quoted-string.yaml "
        "tests/hostile/control-characters.yaml tests/hostile/control-escapes.yaml "
        "tests/hostile/japanese-values.yaml";
    // Only errors: the warnings about what the small plans lack are not the point here.
    std::string only_errors = " | grep -v -e ': warning: ' -e ': 警告: ' | grep -v -e '^ ' ";
    auto en = ma_plan("validate --lang en --max-findings 0 " + files + only_errors);
    CHECK(e2e::matches_golden(en.out, "validate-hostile-corpus.en.txt"));
    auto ja = ma_plan("validate --lang ja --max-findings 0 " + files + only_errors);
    CHECK(e2e::matches_golden(ja.out, "validate-hostile-corpus.ja.txt"));
    auto code = ma_plan("validate " + files);
    CHECK(code.exit_code == 2);
}

TEST_CASE("control characters in plan text are shown escaped", "[e2e][hostile]") {
    auto r = ma_plan("validate --lang en tests/hostile/control-escapes.yaml");
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\a') == std::string::npos);
    CHECK(r.out.find("tests/hostile/control-escapes.yaml:2:44: error: \"\\x1b[2Jelqua\" is not "
                     "allowed for \"tool\" [SCHEMA-005]\n") != std::string::npos);
    auto status = ma_plan(
        "status --lang en --format text --today 2026-12-01 "
        "tests/hostile/control-escapes.yaml");
    CHECK(status.out.find('\x1b') == std::string::npos);
    CHECK(status.out.starts_with("Readiness: \\x1b]0;pwned\\x07\\x1b[2J (as of 2026-12-01)\n"));
}

TEST_CASE("inside GitHub Actions no output line can start a workflow command", "[e2e][hostile]") {
    auto r = ma_plan("validate --lang en tests/hostile/github-commands.yaml",
                     "NO_COLOR=1 GITHUB_ACTIONS=true");
    // The only command lines are the annotations of --format github, each for this file.
    auto commands = command_lines(r.out);
    REQUIRE_FALSE(commands.empty());
    for (const std::string& line : commands) {
        INFO(line);
        CHECK((line.starts_with("::error file=tests/hostile/github-commands.yaml,") ||
               line.starts_with("::warning file=tests/hostile/github-commands.yaml,")));
    }
    CHECK(r.out.find("task \"x\\n::error file=evil.yaml,line=1::forged\\n::add-mask::secret\"") !=
          std::string::npos);
    // A file name is echoed at the start of a line: it is neutralised, in the text and in the
    // annotation's properties.
    auto dir = e2e::scratch_dir("gha");
    write(dir / "::add-mask::x.yaml", "ma_plan: 1\nproject: {name: x, tool: elqua}\n");
    auto named = test_support::run_shell("cd '" + dir.string() +
                                         "' && env NO_COLOR=1 GITHUB_ACTIONS=true '" MA_PLAN_BIN
                                         "' validate --lang en '::add-mask::x.yaml'");
    for (const std::string& line : command_lines(named.out)) {
        INFO(line);
        CHECK((line.starts_with("::error file=%3A%3Aadd-mask%3A%3Ax.yaml,") ||
               line.starts_with("::warning file=%3A%3Aadd-mask%3A%3Ax.yaml,")));
    }
    CHECK(named.out.find("\\x3a:add-mask::x.yaml:2:26: error: \"elqua\" is not allowed") !=
          std::string::npos);
    // Outside GitHub Actions the text is left alone.
    auto plain = test_support::run_shell("cd '" + dir.string() +
                                         "' && env NO_COLOR=1 '" MA_PLAN_BIN
                                         "' validate --lang en '::add-mask::x.yaml'");
    CHECK(plain.out.find("\n::add-mask::x.yaml:2:26: error:") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("findings are capped per rule with a summary line / the total still counts",
          "[e2e][hostile]") {
    // 600 aliases of one task with 1,300 undeclared roles: 780,000 REF-001 findings.
    auto r = ma_plan("validate --lang en tests/hostile/alias-findings.yaml");
    CHECK(r.exit_code == 1);
    CHECK(count_of(r.out, "[REF-001]") == 100);
    CHECK(r.out.find("tests/hostile/alias-findings.yaml: and 779,900 more REF-001 (at most 100 "
                     "per rule are shown; --max-findings 0 shows all)\n") != std::string::npos);
    CHECK(r.out.find("780,000") == std::string::npos);
    // 780,000 REF-001 plus ROLE-002 and ROLE-003: the summary counts what was not shown.
    CHECK(r.out.ends_with("1 file checked: 780002 errors, 18 warnings, 0 info\n"));
    CHECK(r.out.size() < 200'000);
    auto ja = ma_plan("validate --lang ja --max-findings 3 tests/hostile/alias-findings.yaml");
    CHECK(count_of(ja.out, "[REF-001]") == 3);
    CHECK(ja.out.find("tests/hostile/alias-findings.yaml: ほかに REF-001 が 779,997 件あります "
                      "(ルールごとに 3 件まで表示。すべて表示するには --max-findings 0)\n") !=
          std::string::npos);
    auto json = ma_plan(
        "validate --format json --max-findings 2 tests/hostile/alias-findings.yaml "
        "| python3 -c \"import json,sys; d=json.load(sys.stdin); f=d['files'][0]; "
        "print(len([x for x in f['findings'] if x['rule']=='REF-001']), "
        "f['omitted'], d['summary']['errors'])\"");
    CHECK(json.out == "2 [{'rule': 'REF-001', 'severity': 'error', 'count': 779998}] 780002\n");
}

TEST_CASE("the cap comes from .ma-plan.yaml too / the command line wins", "[e2e][hostile]") {
    auto dir = e2e::scratch_dir("cap-config");
    fs::copy_file(fs::path(MA_PLAN_SOURCE_DIR) / "tests/hostile/alias-findings.yaml",
                  dir / "plan.yaml");
    write(dir / ".ma-plan.yaml", "max_findings_per_rule: 5\n");
    auto r = ma_plan("validate --lang en " + (dir / "plan.yaml").string());
    CHECK(count_of(r.out, "[REF-001]") == 5);
    auto flag = ma_plan("validate --lang en --max-findings 7 " + (dir / "plan.yaml").string());
    CHECK(count_of(flag.out, "[REF-001]") == 7);
    write(dir / ".ma-plan.yaml", "max_findings_per_rule: -1\n");
    auto bad = ma_plan("validate --lang en " + (dir / "plan.yaml").string());
    CHECK(bad.exit_code == 4);
    CHECK(bad.err.starts_with("ma-plan: "));
    CHECK(
        bad.err.ends_with("/.ma-plan.yaml:1:24: \"max_findings_per_rule\" must be a whole "
                          "number in 0..1000000, not \"-1\"\n"));
    fs::remove_all(dir);
}

TEST_CASE("a one-line plan quotes a window around the caret / not the whole line",
          "[e2e][hostile]") {
    auto dir = e2e::scratch_dir("one-line");
    std::string stakeholders;
    for (int i = 0; i < 500; ++i)
        stakeholders +=
            "{\"id\":\"s" + std::to_string(i) + "\",\"name\":\"部署\",\"kind\":\"other\"},";
    std::string plan =
        "{\"ma_plan\":1,\"project\":{\"name\":\"x\",\"tool\":\"other\"},"
        "\"stakeholders\":[" +
        stakeholders + "{\"id\":\"z\",\"name\":\"部署\",\"kind\":\"markting\"}]}\n";
    write(dir / "plan.json", plan);
    auto r = ma_plan("validate --lang en " + (dir / "plan.json").string());
    std::string head = (dir / "plan.json").string() + ":1:";
    auto at = r.out.find("\"markting\" is not allowed for \"kind\"");
    REQUIRE(at != std::string::npos);
    std::string rest = r.out.substr(at);
    auto excerpt_start = rest.find("\n 1 | ") + 1;
    auto excerpt_end = rest.find('\n', excerpt_start);
    std::string excerpt = rest.substr(excerpt_start, excerpt_end - excerpt_start);
    std::string caret =
        rest.substr(excerpt_end + 1, rest.find('\n', excerpt_end + 1) - excerpt_end - 1);
    // 40 code points before the caret, 100 at most, "…" where the line was cut; the caret is
    // aligned by display width (each 部署 character takes two cells).
    CHECK(excerpt ==
          " 1 | …\":\"other\"},{\"id\":\"z\",\"name\":\"部署\",\"kind\":\"markting\"}]}");
    CHECK(caret == "   | " + std::string(43, ' ') + "^");
    CHECK(r.out.size() < 10'000);  // the 20 KB line is never repeated whole
    fs::remove_all(dir);
}

TEST_CASE("disable-file with 10000 rule IDs gives bounded output", "[e2e][hostile]") {
    auto dir = e2e::scratch_dir("many-suppressions");
    std::string ids;
    for (int i = 0; i < 10000; ++i) ids += i == 0 ? "RACI-001" : ",RACI-001";
    write(dir / "plan.yaml", "# ma-plan: disable-file " + ids +
                                 " reason\nma_plan: 1\nproject: {name: x, tool: other}\n");
    auto r = ma_plan("validate --lang en " + (dir / "plan.yaml").string());
    CHECK(count_of(r.out, "[SUPPRESS-001]") == 100);
    CHECK(r.out.find("plan.yaml: and 9,900 more SUPPRESS-001") != std::string::npos);
    CHECK(r.out.size() < 100'000);
    fs::remove_all(dir);
}
