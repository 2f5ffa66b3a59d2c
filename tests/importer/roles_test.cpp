// Unit tests of the role-matrix importer (issue 16): guesses from department names, cell names,
// the CSV reading rules. The binary's behaviour is in check_import_roles.py.
#include <catch2/catch.hpp>

#include "importer/roles.hpp"
#include "xlsx/reader.hpp"

using namespace maplan;
using namespace maplan::importer;
using maplan::xlsx::cell_name;
using maplan::xlsx::column_name;

TEST_CASE("department names give the kinds of seed 000 and the schema", "[importer]") {
    struct Case {
        const char* name;
        const char* kind;
        const char* because;
    };
    const Case cases[] = {
        {"マーケティング部隊", "marketing", "マーケティング"},
        {"マーケ推進室", "marketing", "マーケ"},
        {"Marketing", "marketing", "marketing"},
        {"インサイドセールス", "inside_sales", "インサイドセールス"},
        {"Inside Sales", "inside_sales", "inside sales"},
        {"営業部隊", "sales", "営業"},
        {"Field Sales", "sales", "sales"},
        {"情報システム部隊", "internal_systems", "情報システム"},
        {"情シス", "internal_systems", "情シス"},
        {"IT部", "internal_systems", "IT"},
        {"IT Dept", "internal_systems", "IT"},
        {"法務部門", "privacy_legal", "法務"},
        {"個人情報保護委員会", "privacy_legal", "個人情報"},
        {"Legal", "privacy_legal", "legal"},
        {"経営企画", "sponsor", "経営"},
        {"カスタマーサクセス", "customer_success", "カスタマーサクセス"},
        {"代理店", "agency", "代理店"},
        {"ベンダー", "vendor", "ベンダー"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        ImportedStakeholder s = guess_stakeholder(c.name);
        CHECK(s.kind == c.kind);
        CHECK(s.because == c.because);
        CHECK(s.name == c.name);
    }
}

TEST_CASE("names without a known part are other and say so", "[importer]") {
    for (const char* name : {"DIGITAL", "Edit team", "総務部", "品質保証", "Audit"}) {
        INFO(name);
        ImportedStakeholder s = guess_stakeholder(name);
        CHECK(s.kind == "other");
        CHECK(s.because.empty());
    }
}

TEST_CASE("cells are named in A1 notation", "[importer]") {
    CHECK(column_name(0) == "A");
    CHECK(column_name(25) == "Z");
    CHECK(column_name(26) == "AA");
    CHECK(column_name(27) == "AB");
    CHECK(column_name(701) == "ZZ");
    CHECK(column_name(702) == "AAA");
    CHECK(cell_name(2, 4) == "C4");
}

TEST_CASE("IDs follow the kind and stay unique in column order", "[importer]") {
    RoleMatrix m =
        read_role_csv("Task,Sales East,Sales West,総務部,General Affairs,品質保証\nx,A,R,C,I,I\n");
    REQUIRE(m.stakeholders.size() == 5);
    CHECK(m.stakeholders[0].id == "sales");
    CHECK(m.stakeholders[1].id == "sales_2");
    CHECK(m.stakeholders[2].id == "department_1");
    CHECK(m.stakeholders[3].id == "general_affairs");
    CHECK(m.stakeholders[4].id == "department_2");
    REQUIRE(m.tasks.size() == 1);
    CHECK(m.tasks[0].roles.size() == 5);
    CHECK(m.tasks[0].step == 0);
    CHECK_FALSE(m.has_step_column);
}

TEST_CASE("the formula guard's apostrophe is taken off and spaces are trimmed", "[importer]") {
    RoleMatrix m = read_role_csv("タスク,\u3000マーケ\u3000\n'=SUM(A1), 主担当 \n'plain,共有\n");
    REQUIRE(m.tasks.size() == 2);
    CHECK(m.stakeholders[0].name == "マーケ");
    CHECK(m.tasks[0].name == "=SUM(A1)");
    CHECK(m.tasks[0].roles[0].label == "主担当");
    CHECK(m.tasks[1].name == "'plain");  // not a formula: the apostrophe is the user's
}

TEST_CASE("two owners in one row are the RACI-002 finding at the second owner", "[importer]") {
    try {
        read_role_csv("Task,M,S\nt,A,主担当\n");
        FAIL("no error");
    } catch (const ImportError& e) {
        CHECK(e.where() == "C2");
        CHECK(e.rule() == "RACI-002");
        CHECK(e.message().en ==
              "task \"t\" has two lead owners (M in B2 and S in C2); exactly one holds the "
              "decision");
    }
    // Not fired: one owner and others doing the work.
    CHECK(read_role_csv("Task,M,S,L\nt,A,R,R\n").tasks.size() == 1);
}
