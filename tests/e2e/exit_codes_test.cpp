// Exit codes as README.md "Exit codes" gives them, for every command the binary has: one row per
// (command, code), with the first line of what the command says (stderr, or stdout where the
// finding lines go) so a row cannot pass for the wrong reason.
//   0 ok · 1 findings · 2 unreadable/unparsable/unwritable · 3 bad command line · 4 value not
//   allowed
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "run.hpp"

namespace fs = std::filesystem;

namespace {

enum class Stream { err, out };

struct Row {
    std::string args;  ///< after the binary; {dir} is a scratch directory, {ws} a workspace in it
    int code;
    Stream stream;      ///< where the first line is checked
    std::string first;  ///< the first line starts with this (empty: the stream is empty)
};

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

std::string expand(std::string args, const fs::path& dir) {
    for (const auto& [key, value] :
         {std::pair<std::string, std::string>{"{ws}", (dir / "ws.sqlite").string()},
          {"{dir}", dir.string()}}) {
        for (std::size_t at; (at = args.find(key)) != std::string::npos;)
            args.replace(at, key.size(), value);
    }
    return args;
}

void write(const fs::path& p, const std::string& content) {
    std::ofstream(p, std::ios::binary) << content;
}

void check_rows(const std::vector<Row>& rows, const fs::path& dir) {
    for (const Row& row : rows) {
        std::string args = expand(row.args, dir);
        auto r = e2e::ma_plan("--lang en " + args);
        INFO("ma-plan --lang en " << args << "\nstdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == row.code);
        const std::string& text = row.stream == Stream::err ? r.err : r.out;
        const std::string first = expand(row.first, dir);
        if (first.empty()) {
            CHECK(text.empty());
        } else {
            CHECK(first_line(text).starts_with(first));
        }
    }
}

/// A scratch directory with a plan, a role matrix, a contact list and an opt-out list.
fs::path fixture(const std::string& name) {
    fs::path dir = e2e::scratch_dir(name);
    write(dir / "roles.csv", "タスク,マーケティング部,営業部\nリード獲得,主担当,共有\n");
    write(dir / "contacts.csv", "email,company\na@example.com,A社\nb@example.com,B社\n");
    write(dir / "optout.csv", "email\na@example.com\n");
    write(dir / "bad.csv", "email,company\n\"a@example.com,A社\n");
    write(dir / "not-a-plan.yaml", "ma_plan: 1\nproject: [\n");
    return dir;
}

}  // namespace

TEST_CASE("exit codes: the top level", "[e2e][exit]") {
    auto dir = fixture("exit-top");
    check_rows(
        {
            {"--version", 0, Stream::err, ""},
            {"", 3, Stream::err, "ma-plan: a command is required"},
            {"valdate x.yaml", 3, Stream::err,
             "ma-plan: unknown command \"valdate\"; did you mean \"validate\"?"},
            {"--no-such-option rules", 3, Stream::err,
             "ma-plan: unexpected argument \"--no-such-option\""},
            {"--lang xx rules", 4, Stream::err, "ma-plan: --lang: \"xx\" is not allowed"},
        },
        dir);
    fs::remove_all(dir);
}

TEST_CASE("exit codes: validate", "[e2e][exit]") {
    auto dir = fixture("exit-validate");
    check_rows(
        {
            {"validate config-examples/ja-manufacturer.yaml", 0, Stream::err, ""},
            {"validate config-examples/broken.yaml", 1, Stream::out,
             "config-examples/broken.yaml:"},
            {"validate {dir}/missing.yaml", 2, Stream::out, "{dir}/missing.yaml: error: "},
            {"validate {dir}/not-a-plan.yaml", 2, Stream::out, "{dir}/not-a-plan.yaml:2:"},
            {"validate config-examples/minimal.yaml --format json={dir}/no/such/dir.json", 2,
             Stream::err, "ma-plan: {dir}/no/such/dir.json: error: cannot write"},
            {"validate", 3, Stream::err, "ma-plan: \"files\" is required"},
            {"validate --no-such-option x.yaml", 3, Stream::err,
             "ma-plan: unexpected argument \"--no-such-option\""},
            {"validate --format", 3, Stream::err, "ma-plan: --format needs a value"},
            {"validate config-examples/minimal.yaml --format yaml", 4, Stream::err,
             "ma-plan: unknown format \"yaml\"; choose one of: text, compact, json"},
            {"validate config-examples/minimal.yaml --fail-on fatal", 4, Stream::err,
             "ma-plan: --fail-on: \"fatal\" is not allowed"},
            {"validate config-examples/minimal.yaml --jobs 0", 4, Stream::err, "ma-plan: --jobs"},
            {"validate config-examples/minimal.yaml --jobs many", 4, Stream::err,
             "ma-plan: --jobs"},
        },
        dir);
    fs::remove_all(dir);
}

TEST_CASE("exit codes: validate --format json=- is standard output and never a file named -",
          "[e2e][exit]") {
    auto dir = fixture("exit-stdout");
    auto r = e2e::ma_plan(
        "validate --lang en config-examples/ja-manufacturer.yaml --format json=-"
        " && ls -A");
    CHECK(r.exit_code == 0);
    CHECK(r.out.starts_with("{"));
    CHECK(r.out.find("\n-\n") == std::string::npos);
    CHECK_FALSE(fs::exists(fs::path(MA_PLAN_SOURCE_DIR) / "-"));
    fs::remove_all(dir);
}

TEST_CASE("exit codes: rules and init and schema and completion", "[e2e][exit]") {
    auto dir = fixture("exit-small");
    write(dir / "exists.yaml", "ma_plan: 1\n");
    check_rows(
        {
            {"rules", 0, Stream::err, ""},
            {"rules RACI-001", 0, Stream::err, ""},
            {"rules --no-such-option", 3, Stream::err,
             "ma-plan: unexpected argument \"--no-such-option\""},
            {"rules --format yaml", 4, Stream::err, "ma-plan: --format: \"yaml\" is not allowed"},
            {"rules RACI-999", 4, Stream::err, "ma-plan: unknown rule \"RACI-999\""},
            {"init -", 0, Stream::err, ""},
            {"init {dir}/new.yaml", 0, Stream::err, ""},
            {"init {dir}/exists.yaml", 2, Stream::err, "ma-plan: {dir}/exists.yaml: error: "},
            {"init - --no-such-option", 3, Stream::err,
             "ma-plan: unexpected argument \"--no-such-option\""},
            {"init - --tool Marketo", 4, Stream::err,
             "ma-plan: --tool: \"Marketo\" is not allowed; did you mean \"marketo\"?"},
            {"schema", 0, Stream::err, ""},
            {"schema -o {dir}/no/such/dir.json", 2, Stream::err,
             "ma-plan: {dir}/no/such/dir.json: error: cannot write"},
            {"schema --no-such-option", 3, Stream::err,
             "ma-plan: unexpected argument \"--no-such-option\""},
            {"completion bash", 0, Stream::err, ""},
            {"completion", 3, Stream::err, "ma-plan: \"shell\" is required"},
            {"completion fish", 4, Stream::err, "ma-plan: shell: \"fish\" is not allowed"},
        },
        dir);
    fs::remove_all(dir);
}

TEST_CASE("exit codes: the documents raci checklist status report ops funnel warmup",
          "[e2e][exit]") {
    auto dir = fixture("exit-reports");
    const std::string plan = "config-examples/ja-manufacturer.yaml";
    std::vector<Row> rows;
    for (std::string cmd : {"raci", "checklist", "status", "report", "ops", "funnel", "warmup"}) {
        std::string dated = cmd == "raci" || cmd == "funnel" ? "" : " --today 2026-12-01";
        if (cmd == "warmup") dated = " --start 2026-12-01";
        rows.push_back({cmd + " " + plan + dated, 0, Stream::err, ""});
        rows.push_back(
            {cmd + " {dir}/missing.yaml" + dated, 2, Stream::err, "{dir}/missing.yaml: error: "});
        rows.push_back(
            {cmd + " {dir}/not-a-plan.yaml" + dated, 2, Stream::err, "{dir}/not-a-plan.yaml:2:"});
        rows.push_back({cmd + " " + plan + dated + " -o {dir}/no/such/dir/out", 2, Stream::err,
                        "ma-plan: {dir}/no/such/dir/out: error: cannot write"});
        rows.push_back({cmd, 3, Stream::err, "ma-plan: \"plan\" is required"});
        rows.push_back({cmd + " " + plan + " --no-such-option", 3, Stream::err,
                        "ma-plan: unexpected argument \"--no-such-option\""});
        rows.push_back({cmd + " " + plan + " --format yaml", 4, Stream::err,
                        "ma-plan: --format: \"yaml\" is not allowed"});
    }
    rows.push_back({"checklist " + plan + " --step 8", 4, Stream::err,
                    "ma-plan: --step: Value 8 not in range 1 to 7"});
    rows.push_back({"checklist " + plan + " --step six", 4, Stream::err, "ma-plan: --step"});
    for (std::string cmd : {"checklist", "status", "report", "ops"}) {
        rows.push_back({cmd + " " + plan + " --today 2026-13-01", 4, Stream::err,
                        "ma-plan: --today \"2026-13-01\""});
    }
    rows.push_back(
        {"warmup " + plan + " --start tomorrow", 4, Stream::err, "ma-plan: --start \"tomorrow\""});
    rows.push_back({"warmup " + plan + " --first-day 0", 4, Stream::err,
                    "ma-plan: --first-day must be at least 1"});
    rows.push_back(
        {"warmup config-examples/minimal.yaml", 2, Stream::err, "config-examples/minimal.yaml:"});
    rows.push_back({"raci " + plan + " --format xlsx", 3, Stream::err,
                    "ma-plan: --format xlsx needs -o FILE"});
    rows.push_back({"raci " + plan + " --style abc", 4, Stream::err,
                    "ma-plan: --style: \"abc\" is not allowed"});
    check_rows(rows, dir);
    fs::remove_all(dir);
}

TEST_CASE("exit codes: snapshot and funnel actuals and xlsx outputs", "[e2e][exit]") {
    auto dir = fixture("exit-snapshot");
    const std::string plan = "config-examples/ja-manufacturer.yaml";
    const std::string db = " --db {dir}/snapshots.sqlite";
    std::vector<Row> rows{
        {"snapshot " + plan + db + " --at 2026-11-01", 0, Stream::err, ""},
        {"history" + db, 0, Stream::err, ""},
        {"snapshot {dir}/missing.yaml" + db, 2, Stream::err, "{dir}/missing.yaml: error: "},
        {"history --db {dir}/missing.sqlite", 2, Stream::err,
         "ma-plan: {dir}/missing.sqlite: error: no such snapshot database"},
        {"snapshot", 3, Stream::err, "ma-plan: \"plan\" is required"},
        {"snapshot " + plan, 3, Stream::err, "ma-plan: \"--db\" is required"},
        {"snapshot " + plan + db + " --at 2026-02-30", 4, Stream::err,
         "ma-plan: --at \"2026-02-30\" is not a real date"},
        {"funnel " + plan + " --actuals {dir}/missing.csv", 2, Stream::err,
         "ma-plan: {dir}/missing.csv: error: cannot read"},
        {"funnel " + plan + " --period 2027-01", 3, Stream::err,
         "ma-plan: --period needs --actuals FILE"},
        {"report " + plan + " --history --history-db {dir}/snapshots.sqlite", 3, Stream::err,
         "ma-plan: give --history or --history-db, not both"},
        {"report " + plan + " --format xlsx", 3, Stream::err,
         "ma-plan: --format xlsx needs -o FILE"},
        {"report " + plan + " --format xlsx -o {dir}/no/such/dir/r.xlsx", 2, Stream::err,
         "ma-plan: {dir}/no/such/dir/r.xlsx: error: cannot write"},
    };
    check_rows(rows, dir);
    fs::remove_all(dir);
}

TEST_CASE("exit codes: diff and history and import roles and domain check", "[e2e][exit]") {
    auto dir = fixture("exit-pdca");
    // history reads a plan's git log: a repository of its own, so the row does not depend on
    // the source tree being a git work tree.
    fs::create_directories(dir / "repo");
    fs::copy_file(fs::path(MA_PLAN_SOURCE_DIR) / "config-examples/minimal.yaml",
                  dir / "repo/plan.yaml");
    REQUIRE(std::system(("cd '" + (dir / "repo").string() +
                         "' && git init -q && git add plan.yaml && git -c user.name=t -c "
                         "user.email=t@example.com commit -q -m plan")
                            .c_str()) == 0);
    const std::string a = "config-examples/ja-manufacturer.yaml";
    const std::string b = "config-examples/en-saas.yaml";
    check_rows(
        {
            {"diff " + a + " " + a + " --exit-code", 0, Stream::err, ""},
            {"diff " + a + " " + b + " --exit-code", 1, Stream::err, ""},
            {"diff {dir}/missing.yaml " + a, 2, Stream::err, "ma-plan: {dir}/missing.yaml"},
            {"diff " + a, 3, Stream::err, "ma-plan: \"new\" is required"},
            {"diff " + a + " " + a + " --no-such-option", 3, Stream::err,
             "ma-plan: unexpected argument \"--no-such-option\""},
            {"diff " + a + " " + a + " --format yaml", 4, Stream::err,
             "ma-plan: --format: \"yaml\" is not allowed"},
            {"history {dir}/repo/plan.yaml", 0, Stream::err, ""},
            {"history {dir}/missing.yaml", 2, Stream::err,
             "ma-plan: {dir}/missing.yaml: not inside a git repository"},
            {"history", 3, Stream::err,
             "ma-plan: history needs PLAN (its git log) or --db FILE (snapshots)"},
            {"history " + a + " --db {dir}/snapshots.sqlite", 3, Stream::err,
             "ma-plan: history takes PLAN or --db FILE, not both"},
            {"history " + a + " --no-such-option", 3, Stream::err,
             "ma-plan: unexpected argument \"--no-such-option\""},
            {"history " + a + " --format yaml", 4, Stream::err,
             "ma-plan: --format: \"yaml\" is not allowed"},
            {"history " + a + " --since 2026-02-30", 4, Stream::err,
             "ma-plan: --since \"2026-02-30\""},
            {"import roles {dir}/roles.csv", 0, Stream::out, "# ma-plan import roles"},
            {"import roles {dir}/missing.csv", 2, Stream::err,
             "ma-plan: {dir}/missing.csv: cannot read the file"},
            {"import roles {dir}/bad.csv", 2, Stream::err, "{dir}/bad.csv:"},
            {"import", 3, Stream::err, "ma-plan: a command is required"},
            {"import roles", 3, Stream::err, "ma-plan: \"file\" is required"},
            {"import roles {dir}/roles.csv --tool Marketo", 4, Stream::err,
             "ma-plan: --tool: \"Marketo\" is not allowed"},
            // 0 and 1 need a DNS server: tests/domain/check_e2e_test.cpp starts one.
            {"domain check good.test --dns-server 127.0.0.1:9 --tries 1 --timeout-ms 200", 2,
             Stream::out, "good.test"},
            {"domain check --plan {dir}/missing.yaml", 2, Stream::err,
             "{dir}/missing.yaml: error: "},
            {"domain", 3, Stream::err, "ma-plan: a command is required"},
            {"domain check", 3, Stream::err, "ma-plan: name at least one DOMAIN"},
            {"domain check good.test --no-such-option", 3, Stream::err,
             "ma-plan: unexpected argument \"--no-such-option\""},
            {"domain check good.test --format yaml", 4, Stream::err,
             "ma-plan: unknown format \"yaml\""},
            {"domain check 'exa mple.com'", 4, Stream::err,
             "ma-plan: \"exa mple.com\" is not a domain name"},
            {"domain check good.test --tries 0", 4, Stream::err, "ma-plan: --tries"},
        },
        dir);
    fs::remove_all(dir);
}

TEST_CASE("exit codes: lists and each of its commands", "[e2e][exit]") {
    auto dir = fixture("exit-lists");
    check_rows(
        {
            // In order: the workspace is created, filled and read.
            {"lists", 3, Stream::err, "ma-plan: a command is required"},
            {"lists imprt", 3, Stream::err,
             "ma-plan: unknown command \"lists imprt\"; did you mean \"import\"?"},
            {"lists status --db {ws}", 2, Stream::err, "ma-plan: {ws}: error: no workspace here"},
            {"lists init --db {ws}", 0, Stream::err, ""},
            {"lists init --db {ws}", 2, Stream::err, "ma-plan: {ws}: error: already exists"},
            {"lists init --db {ws} --no-such-option", 3, Stream::err,
             "ma-plan: unexpected argument \"--no-such-option\""},
            {"lists init --db {ws} --busy-timeout -5", 4, Stream::err, "ma-plan: --busy-timeout"},
            {"lists import {dir}/contacts.csv --source crm --db {ws}", 0, Stream::err, ""},
            {"lists import {dir}/missing.csv --source crm --db {ws}", 2, Stream::err,
             "ma-plan: {dir}/missing.csv"},
            {"lists import {dir}/contacts.csv --db {ws}", 3, Stream::err,
             "ma-plan: \"--source\" is required"},
            {"lists import {dir}/contacts.csv --source crm --db {ws} --encoding latin1", 4,
             Stream::err, "ma-plan: unknown encoding \"latin1\""},
            {"lists exclude {dir}/optout.csv --reason optout --db {ws}", 0, Stream::err, ""},
            {"lists exclude {dir}/missing.csv --reason optout --db {ws}", 2, Stream::err,
             "ma-plan: {dir}/missing.csv"},
            {"lists exclude {dir}/optout.csv --db {ws}", 3, Stream::err,
             "ma-plan: --reason is required"},
            {"lists exclude --db {ws}", 3, Stream::err,
             "ma-plan: give a FILE, --domain, --role, --role-defaults or --plan"},
            {"lists exclude --remove --db {ws}", 3, Stream::err,
             "ma-plan: --remove needs --domain or --role"},
            {"lists exclude {dir}/optout.csv --reason bogus --db {ws}", 4, Stream::err,
             "ma-plan: unknown reason \"bogus\""},
            {"lists audit --db {ws}", 0, Stream::err, ""},
            {"lists audit --db {dir}/none.sqlite", 2, Stream::err, "ma-plan: {dir}/none.sqlite"},
            {"lists audit --db {ws} --no-such-option", 3, Stream::err,
             "ma-plan: unexpected argument \"--no-such-option\""},
            {"lists audit --db {ws} --format yaml", 4, Stream::err,
             "ma-plan: --format: \"yaml\" is not allowed"},
            {"lists extract --db {ws} -o {dir}/out.csv", 0, Stream::err, ""},
            {"lists extract --db {ws} -o {dir}/no/such/dir.csv", 2, Stream::err,
             "ma-plan: {dir}/no/such/dir.csv: error: cannot write"},
            {"lists extract --db {ws}", 3, Stream::err, "ma-plan: \"--out\" is required"},
            {"lists extract --db {ws} -o - --encoding latin1", 4, Stream::err,
             "ma-plan: unknown encoding \"latin1\""},
            {"lists check --db {ws}", 0, Stream::err, ""},
            {"lists check --db {dir}/none.sqlite", 2, Stream::err, "ma-plan: {dir}/none.sqlite"},
            {"lists check --db {ws} --no-such-option", 3, Stream::err,
             "ma-plan: unexpected argument \"--no-such-option\""},
            {"lists check --db {ws} --busy-timeout x", 4, Stream::err, "ma-plan: --busy-timeout"},
            {"lists status --db {ws}", 0, Stream::err, ""},
            {"lists status --db {ws} --no-such-option", 3, Stream::err,
             "ma-plan: unexpected argument \"--no-such-option\""},
            {"lists status --db {ws} --busy-timeout x", 4, Stream::err, "ma-plan: --busy-timeout"},
            {"lists sources --db {ws}", 0, Stream::err, ""},
            {"lists sources --db {dir}/none.sqlite", 2, Stream::err, "ma-plan: {dir}/none.sqlite"},
            {"lists sources --db {ws} --no-such-option", 3, Stream::err,
             "ma-plan: unexpected argument \"--no-such-option\""},
            {"lists sources --db {ws} --busy-timeout x", 4, Stream::err, "ma-plan: --busy-timeout"},
            {"lists remove --db {ws}", 3, Stream::err,
             "ma-plan: give --import N, --source NAME or --channel NAME"},
            {"lists remove --db {ws} --import 1 --source crm", 3, Stream::err,
             "ma-plan: --import excludes --source"},
            {"lists remove --db {ws} --import 99", 4, Stream::err,
             "ma-plan: there is no import #99"},
            {"lists remove --db {dir}/none.sqlite --import 1", 2, Stream::err,
             "ma-plan: {dir}/none.sqlite"},
            {"lists remove --db {ws} --source crm", 0, Stream::err, ""},
        },
        dir);
    fs::remove_all(dir);
}

TEST_CASE("exit codes: a failure no one foresaw is one internal-error line and exit 2",
          "[e2e][exit]") {
    // MA_PLAN_TEST_THROW is a test-only hook in main.cpp: it fails the run as a library bug would.
    const std::string env = "NO_COLOR=1 LANG=C.UTF-8 MA_PLAN_TEST_THROW=";
    auto std_error = e2e::ma_plan("--lang en rules", env + "runtime_error");
    CHECK(std_error.exit_code == 2);
    CHECK(std_error.out.empty());
    CHECK(std_error.err ==
          "ma-plan: internal error: test hook: runtime_error; this is a bug in ma-plan, please "
          "report it with the command line\n");
    auto ja = e2e::ma_plan("--lang ja rules", env + "runtime_error");
    CHECK(ja.exit_code == 2);
    CHECK(ja.err ==
          "ma-plan: 内部エラー: test hook: runtime_error。ma-plan "
          "の不具合です。コマンドラインを添えて報告してください\n");
    auto internal = e2e::ma_plan("--lang en rules", env + "internal");
    CHECK(internal.exit_code == 2);
    CHECK(internal.err.starts_with("ma-plan: internal error: test hook: broken invariant; "));
    auto oom = e2e::ma_plan("--lang en rules", env + "alloc");
    CHECK(oom.exit_code == 2);
    CHECK(oom.err == "ma-plan: error: out of memory\n");
    auto other = e2e::ma_plan("--lang en rules", env + "int");
    CHECK(other.exit_code == 2);
    CHECK(other.err.starts_with("ma-plan: internal error: unknown exception; "));
    // Without the hook nothing is thrown.
    CHECK(e2e::ma_plan("--lang en rules RACI-001").exit_code == 0);
}
