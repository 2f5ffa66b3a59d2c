// Issue 9, the import side, through the built binary: exit codes, whole messages in both
// languages, and refused commands that leave the workspace as it was.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using lists_test::db_fingerprint;
using lists_test::run_ma_plan;
using lists_test::TempDir;
using lists_test::write_file;

namespace {

struct Workspace {
    TempDir dir;
    Workspace() {
        REQUIRE(run_ma_plan({"lists", "init", "--db", "w.db"}, dir.path).exit_code == 0);
    }
    lists_test::RunResult run(std::vector<std::string> args) {
        args.insert(args.begin(), "lists");
        args.insert(args.end(), {"--db", "w.db"});
        return run_ma_plan(args, dir.path);
    }
    std::string fingerprint() { return db_fingerprint(dir / "w.db"); }
};

}  // namespace

TEST_CASE("e2e sources: the summary / a typo refused in both languages / sources / remove") {
    Workspace ws;
    write_file(ws.dir / "expo.csv",
               "顧客ID,メールアドレス,氏名,メール配信同意,備考\n"
               "1,kato@kato.co.jp,加藤 一郎,同意,x\n"
               "2,ito@ito.co.jp,伊藤 二郎,拒否,y\n");
    auto r = ws.run({"import", "expo.csv", "--source", "expo", "--lang", "en"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out ==
          "expo: imported expo.csv as import #1 (utf-8): 2 rows — 2 new, 0 changed, 0 unchanged\n"
          "  encoding: utf-8, because the whole file is valid UTF-8, with characters of three "
          "bytes or more (kana, kanji ...) that CP932 half-width kana never produce\n"
          "  columns: id←顧客ID, email←メールアドレス, name←氏名, consent←メール配信同意\n"
          "  not mapped: 備考\n");

    const std::string before = ws.fingerprint();
    r = ws.run({"import", "expo.csv", "--source", "exop", "--lang", "en"});
    CHECK(r.exit_code == 4);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "ma-plan: there is no source \"exop\", and its name is close to the source \"expo\"; "
          "did you mean \"expo\"? (to start a new source \"exop\", pass --new-source)\n");
    r = ws.run({"import", "expo.csv", "--source", "exop", "--lang", "ja"});
    CHECK(r.exit_code == 4);
    CHECK(r.err ==
          "ma-plan: ソース「exop」はなく、既存のソース「expo」に似ています。「expo」の誤りでは"
          "ありませんか?(新しいソース「exop」を作るなら --new-source を指定)\n");
    CHECK(ws.fingerprint() == before);

    r = ws.run({"import", "expo.csv", "--source", "exop", "--new-source", "--lang", "en"});
    REQUIRE(r.exit_code == 0);
    r = ws.run({"sources", "--lang", "en"});
    REQUIRE(r.exit_code == 0);
    CHECK(
        r.out.starts_with("| source | contacts | imports | last import |\n"
                          "|---|---:|---:|---|\n"
                          "| exop | 2 | 1 | #2 "));
    CHECK(r.out.find("\n| expo | 2 | 1 | #1 ") != std::string::npos);

    r = ws.run({"remove", "--import", "2", "--lang", "en"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out ==
          "removed import #2: 2 contacts, 1 imports; kept 1 opt-outs as exclusions (reason "
          "optout)\n");
    r = ws.run({"remove", "--import", "2", "--lang", "ja"});
    CHECK(r.exit_code == 4);
    CHECK(r.err == "ma-plan: 取り込み #2 は既に削除済みです\n");
    const std::string after_remove = ws.fingerprint();
    r = ws.run({"remove", "--lang", "en"});
    CHECK(r.exit_code == 3);  // a missing argument: a bad command line
    CHECK(r.err == "ma-plan: give --import N, --source NAME or --channel NAME\n");
    r = ws.run({"remove", "--source", "exop", "--lang", "en"});
    CHECK(r.exit_code == 4);
    CHECK(r.err ==
          "ma-plan: there is no source \"exop\"; did you mean \"expo\"? (sources: expo)\n");
    CHECK(ws.fingerprint() == after_remove);
    r = ws.run({"status", "--lang", "en"});
    CHECK(r.out.find("| 2 | import (removed) | exop |") != std::string::npos);
}

TEST_CASE("e2e sources: re-import without the consent column stops with exit 4 / --allow-dropped") {
    Workspace ws;
    write_file(ws.dir / "a.csv", "id,email,Q7\n1,kato@kato.co.jp,同意\n");
    write_file(ws.dir / "b.csv", "id,email\n1,kato@kato.co.jp\n");
    REQUIRE(ws.run({"import", "a.csv", "--source", "crm", "--map", "consent=Q7"}).exit_code == 0);
    const std::string before = ws.fingerprint();
    auto r = ws.run({"import", "b.csv", "--source", "crm", "--lang", "en"});
    CHECK(r.exit_code == 4);
    CHECK(r.err ==
          "ma-plan: source \"crm\": its last import (#1) mapped consent to column \"Q7\", and this "
          "import does not map it, which would clear consent on every record it updates (the "
          "file has no such column: map the new one with --map consent=COLUMN; or pass "
          "--allow-dropped consent to clear it)\n");
    r = ws.run({"import", "b.csv", "--source", "crm", "--lang", "ja"});
    CHECK(r.exit_code == 4);
    CHECK(r.err ==
          "ma-plan: ソース「crm」: 前回の取り込み(#1)は consent を列「Q7」から読みましたが、今回は"
          "対応付けがなく、更新する全レコードの consent が消えます(ファイルにその列はありません: "
          "新しい列を --map consent=列名 で指定。消してよいなら --allow-dropped consent)\n");
    CHECK(ws.fingerprint() == before);
    r = ws.run(
        {"import", "b.csv", "--source", "crm", "--allow-dropped", "consent", "--lang", "en"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("\n  --allow-dropped: consent (column \"Q7\" last time) not read; cleared on "
                     "the rows updated\n") != std::string::npos);
}

TEST_CASE("e2e sources: a bad consent value is masked unless --show-pii / exit 2") {
    Workspace ws;
    write_file(ws.dir / "a.csv", "email,consent\nyamada@example.co.jp,山田太郎 090-1234-5678\n");
    auto r = ws.run({"import", "a.csv", "--source", "crm", "--lang", "ja"});
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "ma-plan: a.csv:2:2: エラー: 列「consent」の同意の値「山***」(伏せ字。--show-pii "
          "で表示)は解釈できません。opt-in / opt-out(または 同意 / 拒否)か空欄にしてください\n");
    r = ws.run({"import", "a.csv", "--source", "crm", "--show-pii", "--lang", "en"});
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "ma-plan: a.csv:2:2: error: unknown consent value \"山田太郎 090-1234-5678\" in column "
          "\"consent\"; use opt-in / opt-out (or 同意 / 拒否), or leave it empty\n");
}

TEST_CASE("e2e sources: every bad value at once in Japanese / exit 2 / nothing imported") {
    Workspace ws;
    write_file(ws.dir / "two.csv", "email,consent\na@example.jp,x1\nc@example.jp,x2\n");
    const std::string before = ws.fingerprint();
    auto r = ws.run({"import", "two.csv", "--source", "crm", "--lang", "ja"});
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "ma-plan: two.csv: エラー: 不正な値が 2 件あります。何も取り込んでいません(すべて直して"
          "から取り込み直してください):\n"
          "  two.csv:2:2: エラー: 列「consent」の同意の値「x***」(伏せ字。--show-pii で表示)は"
          "解釈できません。opt-in / opt-out(または 同意 / 拒否)か空欄にしてください\n"
          "  two.csv:3:2: エラー: 列「consent」の同意の値「x***」(伏せ字。--show-pii で表示)は"
          "解釈できません。opt-in / opt-out(または 同意 / 拒否)か空欄にしてください\n");
    CHECK(ws.fingerprint() == before);
}
