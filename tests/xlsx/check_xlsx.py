#!/usr/bin/python3
"""End-to-end checks of `--format xlsx` (issue 16): run the built ma-plan, read the workbook with
Debian's python3-openpyxl (an independent reader) and check cells, fills, data validation, date
cells, freeze panes, print setup and the formula guard. Usage: check_xlsx.py BINARY SOURCE_DIR CASE.
A missing openpyxl fails the test; it never skips it."""
import datetime
import os
import pty
import stat
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

BIN, SRC, CASE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
SEED = os.path.join(SRC, "config-examples", "seed000-roles.yaml")
JA = os.path.join(SRC, "config-examples", "ja-manufacturer.yaml")
HOSTILE = os.path.join(SRC, "tests", "xlsx", "data", "formula-cells.yaml")
ENV = dict(os.environ, MA_PLAN_LANG="", LC_ALL="C.UTF-8", NO_COLOR="1")
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def equal(actual, expected, what):
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def run(*args, stdout=subprocess.PIPE):
    return subprocess.run([BIN, *args], stdout=stdout, stderr=subprocess.PIPE, env=ENV, timeout=60)


def build(tmp, name, *args):
    out = os.path.join(tmp, name)
    r = run(*args, "--format", "xlsx", "-o", out)
    equal(r.returncode, 0, f"exit code of {' '.join(args)} (stderr {r.stderr.decode()!r})")
    return out


def rows(ws):
    return [[c.value for c in row] for row in ws.iter_rows()]


def fill(cell):
    return cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fill_type == "solid" else None


def no_formula_parts(path):
    """The raw XML: no <f> (formula) element in any sheet, whatever openpyxl makes of it."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                check(b"<f>" not in z.read(name) and b"<f " not in z.read(name),
                      f"{name} holds a formula element")


ORANGE, BLUE, PURPLE, GREEN, YELLOW = "FFF4B183", "FF9BC2E6", "FFC9B3E0", "FFA9D08E", "FFFFE699"


def case_raci(tmp):
    path = build(tmp, "roles.xlsx", "raci", SEED, "--group", "plan")
    wb = openpyxl.load_workbook(path)
    equal(wb.sheetnames, ["役割分担表", "凡例"], "sheet names (the plan's language is ja)")
    ws = wb["役割分担表"]
    table = rows(ws)
    equal(table[0], ["ステップ", "タスク", "マーケティング部隊", "営業部隊", "情報システム部隊", "法務部門"],
          "header row")
    # Seed 000's matrix in the plan's order, cell for cell (blank cells read as None).
    expected = [
        [2, "個人情報利用の定義", "共有", "共有", "共有", "主担当"],
        [6, "MA ツール利用申請", "主担当", "共有", "受領", "共有"],
        [3, "ターゲットの策定", "主担当", "共有", None, None],
        [5, "顧客リストの管理", "主担当", "共有", None, None],
        [4, "コンテンツの企画・制作", "主担当", "共有", None, None],
        [4, "リード定義(スコアリング)", "主担当", "共有", None, None],
        [7, "MA ツールの運用", "主担当", "共有", None, None],
        [4, "HOT リードの受け渡し", "主担当", "共有", None, None],
        [4, "HOT リードへのフォロー", "共有", "主担当", None, None],
        [7, "レポーティング", "主担当", "共有", None, None],
    ]
    equal(table[1:], expected, "matrix body")
    equal(ws["A2"].data_type, "n", "step is a number cell")
    # One colour per role kind: owner, informed, receives differ; the same kind, the same fill.
    equal(fill(ws["F2"]), ORANGE, "主担当 fill (F2)")
    equal(fill(ws["C2"]), BLUE, "共有 fill (C2)")
    equal(fill(ws["E3"]), PURPLE, "受領 fill (E3)")
    equal(fill(ws["C3"]), ORANGE, "主担当 fill (C3)")
    equal(fill(ws["B2"]), None, "task cell has no fill")
    equal(ws.freeze_panes, "C2", "header row and step/task columns frozen")
    equal(ws.page_setup.orientation, "landscape", "landscape")
    check(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage,
          "fit to page is on")
    equal(ws.page_setup.fitToHeight, 0, "fit to width only (height 0 = as many pages as needed)")
    check(ws.page_setup.fitToWidth in (None, 1), f"one page wide (got {ws.page_setup.fitToWidth})")
    equal(ws.print_title_rows, "$1:$1", "header row printed on every page")
    # Widths count East Asian wide characters as two: 情報システム部隊 is 8 wide characters (16)
    # and its column must be wider than 法務部門 (8) and the Latin-only minimum.
    w = {k: v.width for k, v in ws.column_dimensions.items()}
    check(w["E"] >= 16 and w["E"] > w["F"] >= 8, f"widths by display width: {w}")
    check(w["C"] >= 18, f"マーケティング部隊 (9 wide characters) fits: {w}")

    legend = rows(wb["凡例"])
    equal(legend[0], ["記号", "意味"], "legend header")
    equal([r[0] for r in legend[1:]], ["主担当", "共有", "受領"], "legend symbols")
    equal(legend[1][1], "タスクを主導し、意思決定を持つ", "legend meaning of 主担当")
    equal([fill(wb["凡例"].cell(row=i, column=1)) for i in (2, 3, 4)], [ORANGE, BLUE, PURPLE],
          "legend symbols in their matrix colours")
    no_formula_parts(path)


def case_raci_letters(tmp):
    path = build(tmp, "raci.xlsx", "--lang", "en", "raci", HOSTILE, "--style", "raci")
    wb = openpyxl.load_workbook(path)
    equal(wb.sheetnames, ["Roles", "Legend"], "sheet names in English")
    ws = wb["Roles"]
    equal(rows(ws)[0], ["Step", "Task", "=1+1", "+81-3-0000", "-2", "@SUM(A1:A2)"], "header")
    # RACI letters: receives is shown as I and takes informed's colour; consulted has its own.
    body = {r[1]: r for r in rows(ws)[1:]}
    equal(body["+cmd|' /C calc'!A0"][2:], ["A", None, "I", None], "receives shown as I")
    equal(fill(ws["E3"]), BLUE, "I for receives has informed's colour")
    equal(fill(ws["D5"]), YELLOW, "C fill")
    equal(ws.freeze_panes, "C2", "frozen panes")


def case_checklist(tmp):
    path = build(tmp, "checklist.xlsx", "checklist", HOSTILE, "--today", "2026-12-01",
                 "--lang", "ja")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    equal(ws.title, "チェックリスト", "sheet name")
    table = rows(ws)
    equal(table[0], ["ステップ", "項目", "種別", "主担当", "期限", "状態"], "header")
    tasks = {r[1]: r for r in table[1:] if r[2] == "タスク"}
    equal(sorted(tasks), sorted(["=SUM(A1:A9)", "+cmd|' /C calc'!A0", "-1", "@import"]),
          "tracked tasks")
    equal(tasks["=SUM(A1:A9)"], [2, "=SUM(A1:A9)", "タスク", "@SUM(A1:A2)",
                                 datetime.datetime(2026, 11, 1), "進行中"], "task row")
    equal(tasks["-1"][4:], [datetime.datetime(2026, 10, 1), "完了"], "done task due and status")
    equal(tasks["@import"][4:], [None, "未着手"], "task without due or status")
    # Due dates are real date cells with a date format, not text.
    due = [c for c in ws["E"][1:] if c.value is not None]
    equal(len(due), 3, "three date cells")
    for c in due:
        equal(c.data_type, "d", f"{c.coordinate} is a date cell")
        equal(c.number_format, "yyyy-mm-dd", f"{c.coordinate} date format")
    last = ws.max_row
    equal(ws.auto_filter.ref, f"A1:F{last}", "autofilter over the table")
    equal(ws.freeze_panes, "A2", "header row frozen")
    dvs = ws.data_validations.dataValidation
    equal(len(dvs), 1, "one data validation")
    equal(dvs[0].type, "list", "drop-down")
    equal(dvs[0].formula1, '"未着手,進行中,完了,停滞,対象外"', "the task states in Japanese")
    equal(str(dvs[0].sqref), f"F2:F{last}", "over the status column")
    check(dvs[0].showErrorMessage, "a value outside the list is refused")
    cf = [(str(rng.sqref), rule) for rng, rules in ws.conditional_formatting._cf_rules.items()
          for rule in rules]
    equal(len(cf), 1, "one conditional format")
    equal(cf[0][0], f"A2:F{last}", "overdue rule over the rows")
    equal(cf[0][1].type, "expression", "formula rule")
    equal(cf[0][1].formula,
          ['AND(ISNUMBER($E2),$E2<DATE(2026,12,1),$F2<>"完了",$F2<>"対象外")'],
          "overdue: due before the report date and not done / not applicable")
    equal(cf[0][1].dxf.fill.bgColor.rgb, "FFF8CBAD", "overdue fill")
    no_formula_parts(path)

    en = build(tmp, "checklist-en.xlsx", "--lang", "en", "checklist", HOSTILE, "--today",
               "2026-12-01")
    dv = openpyxl.load_workbook(en).active.data_validations.dataValidation[0]
    equal(dv.formula1, '"to do,in progress,done,blocked,not applicable"', "states in English")


def case_status(tmp):
    path = build(tmp, "status.xlsx", "--lang", "en", "status", HOSTILE, "--today", "2026-12-01")
    wb = openpyxl.load_workbook(path)
    equal(wb.sheetnames, ["Status", "Overdue"], "sheets")
    table = rows(wb["Status"])
    equal(table[0], ["Step", "Done", "Total", "%", "Errors", "Warnings", "Info", "Overdue"],
          "header")
    total = table[-1]
    equal(total[0], "Total", "total row")
    # The same figures as `status --format json`.
    import json
    j = json.loads(run("--lang", "en", "status", HOSTILE, "--today", "2026-12-01", "--format",
                       "json").stdout)
    equal(total[1:3], [j["total"]["done"], j["total"]["total"]], "done/total agree with json")
    equal(total[7], j["total"]["overdue"], "overdue agrees with json")
    equal(wb["Status"]["D" + str(len(table))].number_format, "0%", "share as a percent")
    late = rows(wb["Overdue"])
    equal(late[0], ["Task", "Due", "Owner", "Step"], "overdue header")
    equal(late[1][:3], ["=SUM(A1:A9)", datetime.datetime(2026, 11, 1), "@SUM(A1:A2)"],
          "the overdue task, as text, with its date")
    equal(wb["Overdue"]["B2"].data_type, "d", "overdue due is a date cell")
    no_formula_parts(path)


def case_formula_guard(tmp):
    """Every cell whose text starts with = + - @ is a string cell (data type s), never a formula
    (data type f), in every sheet of every report."""
    # How many such cells each report holds: 4 stakeholders and 4 tasks in the matrix, 4 tasks
    # and their owners in the checklist, the one overdue task and its owner in the status.
    for name, minimum, args in (("r.xlsx", 8, ("raci", HOSTILE)),
                                ("c.xlsx", 8, ("checklist", HOSTILE)),
                                ("s.xlsx", 2, ("status", HOSTILE, "--today", "2026-12-01")),
                                ("p.xlsx", 14, ("report", HOSTILE, "--today", "2027-01-15"))):
        path = build(tmp, name, *args)
        seen = 0
        for ws in openpyxl.load_workbook(path):
            for row in ws.iter_rows():
                for c in row:
                    if isinstance(c.value, str) and c.value[:1] in "=+-@":
                        seen += 1
                        equal(c.data_type, "s", f"{name} {ws.title}!{c.coordinate} type")
                    check(c.data_type != "f", f"{name} {ws.title}!{c.coordinate} is a formula")
        check(seen >= minimum, f"{name}: the hostile names are in the workbook ({seen} seen)")
        no_formula_parts(path)
    # The project name (a HYPERLINK formula) is the document title, as text.
    wb = openpyxl.load_workbook(os.path.join(tmp, "r.xlsx"))
    check(wb.properties.title.endswith('=HYPERLINK("http://example.invalid","click")'),
          f"title {wb.properties.title!r}")


def case_report(tmp):
    """report --format xlsx: one sheet per section table; the timeline's due dates are date
    cells; the funnel's rates are percentages; the findings are those of validate."""
    path = build(tmp, "report.xlsx", "--lang", "en", "report", HOSTILE, "--today", "2027-01-15")
    wb = openpyxl.load_workbook(path)
    equal(wb.sheetnames, ["Roles", "Legend", "Timeline", "Funnel", "Findings"], "sheets")
    equal(rows(wb["Timeline"])[:3],
          [["Step", "Task", "Due", "Status", "Owner", "Overdue"],
           [7, "-1", datetime.datetime(2026, 10, 1), "done", "=1+1", None],
           [2, "=SUM(A1:A9)", datetime.datetime(2026, 11, 1), "in progress", "@SUM(A1:A2)",
            "overdue"]], "timeline rows")
    equal(wb["Timeline"]["C2"].is_date, True, "due is a date cell")
    equal(wb["Timeline"]["C2"].number_format, "yyyy-mm-dd", "due format")
    equal(wb["Timeline"].freeze_panes, "A2", "timeline header frozen")
    equal(wb["Timeline"].auto_filter.ref, "A1:F4", "timeline filter")
    equal(rows(wb["Roles"])[0], ["Step", "Task", "=1+1", "+81-3-0000", "-2", "@SUM(A1:A2)"],
          "the matrix sheet")
    findings = rows(wb["Findings"])
    equal(findings[0], ["Rule", "Severity", "File", "Line", "Column", "Message", "Hint"],
          "findings header")
    v = run("--lang", "en", "validate", HOSTILE, "--format", "json")
    import json
    expected = [(f["rule"], f["severity"]) for f in json.loads(v.stdout)["files"][0]["findings"]]
    equal([(r[0], r[1]) for r in findings[1:]], expected, "the findings of validate")
    # Japanese, and a plan with a funnel: rates as percentages, required volumes as numbers.
    path = build(tmp, "ja.xlsx", "report", JA, "--today", "2026-12-01")
    wb = openpyxl.load_workbook(path)
    equal(wb.sheetnames, ["役割分担表", "凡例", "スケジュール", "逆算ファネル", "指摘"], "sheets (ja)")
    # The states as checklist and status print them, not the YAML values.
    states = {r[3] for r in rows(wb["スケジュール"])[1:]}
    equal(states <= {"未着手", "進行中", "完了", "停滞", "対象外"} and "進行中" in states, True,
          f"timeline states in Japanese ({states!r})")
    funnel = wb["逆算ファネル"]
    equal(rows(funnel)[2][:4], ["mql", "スコア60以上かつ役職が課長以上", 0.15, 500], "mql row")
    equal(funnel["C3"].number_format, "0%", "rate as a percentage")


def case_audit(tmp):
    """lists audit --format xlsx: the waterfall and findings as the JSON audit counts them, the
    examples masked unless --show-pii, the file 0600."""
    ws = os.path.join(tmp, "ws.sqlite")
    plan = os.path.join(SRC, "tests", "lists", "data", "plan.yaml")
    equal(run("lists", "init", "--db", ws).returncode, 0, "lists init")
    r = run("lists", "import", os.path.join(SRC, "tests", "lists", "data", "hubspot.csv"),
            "--source", "hubspot", "--preset", "hubspot", "--db", ws, "--plan", plan)
    equal(r.returncode, 0, f"lists import ({r.stderr.decode()!r})")
    path = build(tmp, "audit.xlsx", "--lang", "en", "lists", "audit", "--db", ws, "--plan", plan)
    equal(stat.S_IMODE(os.stat(path).st_mode), 0o600, "audit workbook mode")
    import json
    audit = json.loads(run("--lang", "en", "lists", "audit", "--db", ws, "--plan", plan,
                           "--format", "json").stdout)
    wb = openpyxl.load_workbook(path)
    equal(wb.sheetnames, ["Waterfall", "Findings", "Examples"], "audit sheets")
    waterfall = {r[0]: r[1] for r in rows(wb["Waterfall"])[1:]}
    equal(waterfall["imported"], audit["waterfall"]["imported"], "imported")
    equal(waterfall["contactable"], audit["waterfall"]["contactable"], "contactable")
    counts = {r[0]: r[2] for r in rows(wb["Findings"])[1:]}
    equal(counts, {f["id"]: f["count"] for f in audit["findings"]}, "finding counts")
    cells = [c for r in rows(wb["Examples"]) for c in r]
    equal("taro@example.co.jp" in cells, False, "masked address")
    equal("t***@example.co.jp" in cells, True, "the masked form")
    shown = build(tmp, "pii.xlsx", "--lang", "en", "lists", "audit", "--db", ws, "--plan", plan,
                  "--show-pii")
    equal(stat.S_IMODE(os.stat(shown).st_mode), 0o600, "--show-pii workbook mode")
    cells = [c for r in rows(openpyxl.load_workbook(shown)["Examples"]) for c in r]
    equal("taro@example.co.jp" in cells, True, "--show-pii shows the address")
    r = run("--lang", "en", "lists", "audit", "--db", ws, "--plan", plan, "--format", "xlsx")
    equal(r.returncode, 3, "audit xlsx without -o")



def case_refusals(tmp):
    # No -o: missing argument, exit 3, nothing on standard output.
    r = run("--lang", "en", "raci", SEED, "--format", "xlsx")
    equal(r.returncode, 3, "exit code without -o")
    equal(r.stderr.decode(), "ma-plan: --format xlsx needs -o FILE (an Excel file is binary)\n",
          "message without -o")
    equal(r.stdout, b"", "nothing on standard output")
    r = run("--lang", "ja", "checklist", SEED, "--format", "xlsx")
    equal(r.stderr.decode(),
          "ma-plan: --format xlsx には -o FILE が必要です (Excel ファイルはバイナリ)\n",
          "message without -o (ja)")
    # -o - onto a terminal: exit 4; into a pipe: the workbook.
    master, slave = pty.openpty()
    r = subprocess.run([BIN, "--lang", "en", "status", SEED, "--format", "xlsx", "-o", "-"],
                       stdout=slave, stderr=subprocess.PIPE, env=ENV, timeout=60)
    os.close(slave)
    os.close(master)
    equal(r.returncode, 4, "exit code for -o - on a terminal")
    equal(r.stderr.decode(),
          "ma-plan: -o - is a terminal; an Excel file is binary, so give a file name or pipe it\n",
          "message for a terminal")
    r = run("raci", SEED, "--format", "xlsx", "-o", "-")
    equal(r.returncode, 0, "-o - into a pipe")
    check(r.stdout[:2] == b"PK", "a zip container on the pipe")
    piped = os.path.join(tmp, "piped.xlsx")
    with open(piped, "wb") as f:
        f.write(r.stdout)
    equal(openpyxl.load_workbook(piped).sheetnames, ["役割分担表", "凡例"], "piped workbook reads")
    # --by stakeholder is not a matrix: exit 4, no file.
    out = os.path.join(tmp, "by.xlsx")
    r = run("--lang", "en", "raci", SEED, "--by", "stakeholder", "--format", "xlsx", "-o", out)
    equal(r.returncode, 4, "exit code for --by stakeholder")
    equal(r.stderr.decode(), "ma-plan: --format xlsx writes the matrix; --by stakeholder is md, "
          "csv, html or json\n", "message for --by stakeholder")
    check(not os.path.exists(out), "no file for --by stakeholder")
    # Never over an input: the plan is untouched, exit 2.
    copy = os.path.join(tmp, "plan.yaml")
    with open(SEED, "rb") as f:
        original = f.read()
    with open(copy, "wb") as f:
        f.write(original)
    r = run("--lang", "en", "raci", copy, "--format", "xlsx", "-o", copy)
    equal(r.returncode, 2, "exit code for -o PLAN")
    with open(copy, "rb") as f:
        equal(f.read(), original, "the plan is untouched")
    # A directory that does not exist: the atomic writer's own message, exit 2.
    missing = os.path.join(tmp, "no-such-dir", "roles.xlsx")
    r = run("--lang", "en", "raci", SEED, "--format", "xlsx", "-o", missing)
    equal(r.returncode, 2, "exit code for a missing directory")
    equal(r.stderr.decode(), f"ma-plan: {missing}: error: cannot write: No such file or directory\n",
          "message for a missing directory")
    # Atomic: an existing output survives a failed run (an unreadable plan), and no scratch
    # directory or temporary file is left beside it.
    keep = os.path.join(tmp, "keep")
    os.mkdir(keep)
    target = os.path.join(keep, "roles.xlsx")
    with open(target, "wb") as f:
        f.write(b"previous")
    r = run("raci", os.path.join(tmp, "missing.yaml"), "--format", "xlsx", "-o", target)
    equal(r.returncode, 2, "exit code for a missing plan")
    with open(target, "rb") as f:
        equal(f.read(), b"previous", "the previous output survives")
    r = run("raci", SEED, "--format", "xlsx", "-o", target)
    equal(r.returncode, 0, "replacing the output")
    equal(sorted(os.listdir(keep)), ["roles.xlsx"], "nothing left beside the output")
    equal(stat.S_IMODE(os.stat(target).st_mode), 0o644,
          "an existing output keeps its mode")


CASES = {"report": case_report, "audit": case_audit, "raci": case_raci, "raci-letters": case_raci_letters, "checklist": case_checklist,
         "status": case_status, "formula-guard": case_formula_guard, "refusals": case_refusals}

with tempfile.TemporaryDirectory() as tmp:
    os.umask(0o022)
    CASES[CASE](tmp)
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
