#!/usr/bin/python3
"""End-to-end checks of `ma-plan import roles` (issue 16) on the built binary: the round trip
raci --format csv -> import roles -> raci --format csv, CP932 input, the listed guesses, and one
line with the cell and reason (exit 2, no output file) for each bad input.
Usage: check_import_roles.py BINARY SOURCE_DIR CASE."""
import os
import subprocess
import sys
import tempfile

BIN, SRC, CASE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
SEED = os.path.join(SRC, "config-examples", "seed000-roles.yaml")
ENV = dict(os.environ, MA_PLAN_LANG="", LC_ALL="C.UTF-8", NO_COLOR="1")
failures = []


def equal(actual, expected, what):
    if actual != expected:
        failures.append(f"{what}: expected {expected!r}, got {actual!r}")


def run(*args, cwd=None):
    return subprocess.run([BIN, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV,
                          timeout=60, cwd=cwd)


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def round_trip(tmp, *style):
    tmp = tempfile.mkdtemp(dir=tmp)
    first = run("raci", SEED, "--format", "csv", *style)
    equal(first.returncode, 0, "raci csv")
    csv = os.path.join(tmp, "roles.csv")
    write(csv, first.stdout)
    plan = os.path.join(tmp, "plan.yaml")
    r = run("--lang", "en", "import", "roles", csv, "-o", plan, "--tool", "eloqua")
    equal(r.returncode, 0, f"import exit code ({r.stderr.decode()!r})")
    v = run("validate", plan)
    equal(v.returncode, 0, f"validate reads the imported plan ({v.stdout.decode()[-300:]!r})")
    second = run("raci", plan, "--format", "csv", *style)
    equal(second.stdout.decode(), first.stdout.decode(), f"the same table {style}")
    return r, plan


def case_round_trip(tmp):
    r, plan_path = round_trip(tmp)
    equal(r.stderr.decode(),
          'guess: "マーケティング部隊" -> id marketing, kind marketing (guessed from "マーケティング"; confirm)\n'
          'guess: "営業部隊" -> id sales, kind sales (guessed from "営業"; confirm)\n'
          'guess: "情報システム部隊" -> id internal_systems, kind internal_systems (guessed from "情報システム"; confirm)\n'
          'guess: "法務部門" -> id privacy_legal, kind privacy_legal (guessed from "法務"; confirm)\n'
          'read 4 departments and 10 tasks\n', "every guess listed")
    with open(plan_path, encoding="utf-8") as f:
        plan = f.read()
    for line in ('  - { id: internal_systems, name: "情報システム部隊", kind: internal_systems }  # 「情報システム」から推定\n',
                 '  tool: eloqua\n', '  language: ja\n', '  owner: marketing\n'):
        equal(line in plan, True, f"plan holds {line!r}")


def case_round_trip_letters(tmp):
    # RACI letters: the plan declares role_labels, so the matrix stays in letters.
    round_trip(tmp, "--style", "raci")
    round_trip(tmp, "--group", "plan")


def case_cp932(tmp):
    csv = os.path.join(tmp, "sjis.csv")
    write(csv, "ステップ,タスク,マーケティング部,情報システム部,カスタマーサクセス,Agency X\r\n"
               "６,ツール利用申請,主担当,受領,,\r\n"
               "\r\n"
               "2. 体制構築・役割分担,体制づくり,A,C,I,R\r\n".encode("cp932"))
    r = run("--lang", "ja", "import", "roles", csv)
    equal(r.returncode, 0, f"exit code ({r.stderr.decode()!r})")
    equal(r.stderr.decode(),
          "推定: 「マーケティング部」→ id marketing、kind marketing (「マーケティング」から推定。確認してください)\n"
          "推定: 「情報システム部」→ id internal_systems、kind internal_systems (「情報システム」から推定。確認してください)\n"
          "推定: 「カスタマーサクセス」→ id customer_success、kind customer_success (「カスタマーサクセス」から推定。確認してください)\n"
          "推定: 「Agency X」→ id agency、kind agency (「agency」から推定。確認してください)\n"
          "4 部門、2 タスクを読み込みました\n", "guesses in Japanese")
    out = r.stdout.decode()
    equal('  - { name: "ツール利用申請", step: 6, roles: { marketing: "主担当", internal_systems: "受領" } }\n' in out,
          True, "full-width step and blank cells")
    equal('  - { name: "体制づくり", step: 2, roles: { marketing: "A", internal_systems: "C", customer_success: "I", agency: "R" } }\n' in out,
          True, f"step heading, letters: {out}")


def bad(tmp, name, data, expected_en, expected_ja=None):
    csv = os.path.join(tmp, name)
    write(csv, data)
    plan = os.path.join(tmp, name + ".yaml")
    for lang, expected in (("en", expected_en), ("ja", expected_ja)):
        if expected is None:
            continue
        r = run("--lang", lang, "import", "roles", name, "-o", name + ".yaml", cwd=tmp)
        equal(r.returncode, 2, f"{name} exit code")
        equal(r.stderr.decode(), expected + "\n", f"{name} message ({lang})")
        equal(os.path.exists(plan), False, f"{name}: no output file")


def case_bad_input(tmp):
    bad(tmp, "label.csv", "タスク,マーケ,営業\n作業1,主担,共有\n".encode(),
        'label.csv:B2: error: unknown role label "主担" (did you mean "主担当"?); the labels are 主担当, 共有, 受領, R, A, C, I',
        "label.csv:B2: エラー: 不明な役割「主担」です (「主担当」の誤りではありませんか?)。使える役割は 主担当・共有・受領・R・A・C・I です")
    bad(tmp, "far.csv", "Task,Marketing\nx,Owner\n".encode(),
        'far.csv:B2: error: unknown role label "Owner"; the labels are 主担当, 共有, 受領, R, A, C, I')
    bad(tmp, "two.csv", "Step,Task,Marketing,Sales,Legal\n1,Kick-off,I,I,I\n2,A task,A,I,A\n".encode(),
        'two.csv:E3: error: task "A task" has two lead owners (Marketing in C3 and Legal in E3); exactly one holds the decision [RACI-002]',
        "two.csv:E3: エラー: タスク「A task」に主担当が 2 部門あります (C3 の Marketing と E3 の Legal)。決定権を持つのは 1 部門だけにしてください [RACI-002]")
    bad(tmp, "step.csv", "ステップ,タスク,マーケ\n8,作業,主担当\n".encode(),
        'step.csv:A2: error: step "8" is not 1 to 7')
    bad(tmp, "noname.csv", "Task,Marketing\n,A\n".encode(),
        "noname.csv:A2: error: the row has roles but no task name")
    bad(tmp, "nodept.csv", "Task\nx\n".encode(),
        "nodept.csv:row 1: error: the header names no department column (expected a task column, then one column per department)")
    bad(tmp, "dup.csv", "Task,Sales,Sales\nx,A,I\n".encode(),
        'dup.csv:C1: error: department "Sales" is also the header of column B')
    bad(tmp, "extra.csv", "Task,Sales\nx,A,R\n".encode(),
        'extra.csv:C2: error: "R" is in a column without a department header')
    bad(tmp, "quote.csv", 'Task,Sales\n"x,A\n'.encode(),
        "quote.csv:A2: error: " + csv_error(tmp))
    bad(tmp, "binary.csv", b"Task,Sales\n\xff\xfe\x00x,A\n",
        "binary.csv:byte 12: error: the file is neither UTF-8 nor CP932",
        "binary.csv:byte 12: エラー: ファイルが UTF-8 でも CP932 でもありません")
    bad(tmp, "nul.csv", b"Task,Sales\nx\x00,A\n",
        "nul.csv:A2: error: NUL byte (is the file UTF-16 or binary?)")
    bad(tmp, "empty.csv", b"", "empty.csv:row 1: error: the file is empty")


def csv_error(tmp):
    # The CSV reader's own message for an unterminated quote (lists/csv.cpp), whatever its words.
    p = os.path.join(tmp, "probe.csv")
    write(p, 'Task,Sales\n"x,A\n'.encode())
    r = run("--lang", "en", "import", "roles", p)
    line = r.stderr.decode()
    equal(line.startswith(p + ":A2: error: "), True, f"unterminated quote at A2: {line!r}")
    return line[len(p + ":A2: error: "):].rstrip("\n")


def case_refusals(tmp):
    existing = os.path.join(tmp, "plan.yaml")
    write(existing, b"keep\n")
    csv = os.path.join(tmp, "roles.csv")
    write(csv, run("raci", SEED, "--format", "csv").stdout)
    r = run("--lang", "en", "import", "roles", csv, "-o", existing)
    equal(r.returncode, 2, "exit code over an existing file")
    equal(r.stderr.decode().splitlines()[-1],
          f"ma-plan: {existing}: error: exists; import writes a new plan and never replaces a file",
          "message over an existing file")
    with open(existing, "rb") as f:
        equal(f.read(), b"keep\n", "the existing file is untouched")
    r = run("--lang", "en", "import", "roles", os.path.join(tmp, "missing.csv"))
    equal(r.returncode, 2, "missing file")
    equal(r.stderr.decode(), f"ma-plan: {tmp}/missing.csv: cannot read the file\n", "missing message")


CASES = {"round-trip": case_round_trip, "round-trip-letters": case_round_trip_letters,
         "cp932": case_cp932, "bad-input": case_bad_input, "refusals": case_refusals}
with tempfile.TemporaryDirectory() as tmp:
    CASES[CASE](tmp)
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
