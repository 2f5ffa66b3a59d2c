#!/usr/bin/python3
"""End-to-end checks of `ma-plan import roles FILE.xlsx` (issue 16) on the built binary. Every
workbook is made here: with Debian's python3-openpyxl (an independent writer) for merged and
two-row headers, and by hand with zipfile where openpyxl cannot write the part (furigana <rPh> in
shared strings, formulas with cached values, bombs, corrupt and encrypted files).
Usage: check_import_xlsx.py BINARY SOURCE_DIR CASE. A missing openpyxl fails; it never skips."""
import os
import struct
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

BIN, SRC, CASE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
SEED = os.path.join(SRC, "config-examples", "seed000-roles.yaml")
ENV = dict(os.environ, MA_PLAN_LANG="", LC_ALL="C.UTF-8", NO_COLOR="1")
failures = []


def equal(actual, expected, what):
    if actual != expected:
        failures.append(f"{what}: expected {expected!r}, got {actual!r}")


def run(*args, cwd=None):
    return subprocess.run([BIN, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV,
                          timeout=120, cwd=cwd)


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                 '</Relationships>')


def sheet_xml(rows):
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{rows}</sheetData></worksheet>')


def handmade(path, rows, shared=None, workbook=WORKBOOK, extra=()):
    """A minimal workbook written part by part, as Excel lays it out."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml(rows))
        if shared is not None:
            z.writestr("xl/sharedStrings.xml",
                       '<?xml version="1.0" encoding="UTF-8"?>'
                       '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                       f'{shared}</sst>')
        for name, data in extra:
            z.writestr(name, data)


def import_ok(path, *extra, lang="en"):
    r = run("--lang", lang, "import", "roles", path, *extra)
    equal(r.returncode, 0, f"{os.path.basename(path)} exit code ({r.stderr.decode()!r})")
    return r.stdout.decode(), r.stderr.decode()


def has(out, line, what):
    equal(line in out, True, f"{what}: {line!r} in\n{out}")


def round_trip(tmp, *style):
    tmp = tempfile.mkdtemp(dir=tmp)
    book = os.path.join(tmp, "roles.xlsx")
    r = run("raci", SEED, "--format", "xlsx", "-o", book, *style)
    equal(r.returncode, 0, f"raci xlsx {style}")
    plan = os.path.join(tmp, "plan.yaml")
    r = run("--lang", "en", "import", "roles", book, "-o", plan, "--tool", "eloqua")
    equal(r.returncode, 0, f"import exit code ({r.stderr.decode()!r})")
    v = run("validate", plan)
    equal(v.returncode, 0, f"validate reads the imported plan ({v.stdout.decode()[-300:]!r})")
    first = run("raci", SEED, "--format", "csv", *style).stdout.decode()
    second = run("raci", plan, "--format", "csv", *style).stdout.decode()
    equal(second, first, f"the same table {style}")
    return r


def case_round_trip(tmp):
    r = round_trip(tmp)
    equal(r.stderr.decode().splitlines()[-1], "read 4 departments and 10 tasks", "counts")
    round_trip(tmp, "--style", "raci")
    round_trip(tmp, "--group", "plan")
    round_trip(tmp, "--lang", "en")


def case_merged(tmp):
    # A consultant's sheet: step and task headed over two rows (merged vertically), a department
    # group over two columns (merged across), the step merged down its rows, a blank row, a note
    # sheet first so --sheet matters.
    wb = openpyxl.Workbook()
    note = wb.active
    note.title = "メモ"
    note["A1"] = "この表は 2026 年 4 月版です"
    ws = wb.create_sheet("役割分担表")
    ws["A1"], ws["B1"], ws["C1"], ws["E1"], ws["F1"] = "ステップ", "タスク", "営業本部", "法務部", "区分"
    ws["C2"], ws["D2"] = "第1営業部", "インサイドセールス課"
    for area in ("A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:F2"):
        ws.merge_cells(area)
    ws["A3"], ws["B3"], ws["C3"], ws["E3"], ws["F3"] = 1, "キックオフ", "主担当", "受領", "準備"
    ws["B4"], ws["D4"], ws["E4"] = "体制の合意", "主担当", "共有"
    ws.merge_cells("A3:A4")
    ws["A6"], ws["B6"], ws["C6"] = "2. 体制構築・役割分担", "役割分担表の確定", "主担当"
    book = os.path.join(tmp, "merged.xlsx")
    wb.save(book)
    out, err = import_ok(book, "--sheet", "役割分担表")
    has(out, '  - { id: sales, name: "営業本部 第1営業部", kind: sales }  # 「営業」から推定\n', out, )
    has(out, '  - { id: inside_sales, name: "営業本部 インサイドセールス課", kind: inside_sales }'
        '  # 「インサイドセールス」から推定\n', "second header row under a merged group")
    has(out, '  - { id: privacy_legal, name: "法務部", kind: privacy_legal }  # 「法務」から推定\n',
        "a header merged over both rows")
    has(out, '  - { name: "キックオフ", step: 1, roles: { sales: "主担当", privacy_legal: "受領" } }\n',
        "first task")
    has(out, '  - { name: "体制の合意", step: 1, roles: { inside_sales: "主担当", privacy_legal: "共有" } }\n',
        "the merged step reaches the second row")
    has(out, '  - { name: "役割分担表の確定", step: 2, roles: { sales: "主担当" } }\n',
        "blank row skipped, step from its heading")
    equal(err.splitlines()[-1], "read 3 departments and 3 tasks", "counts")
    # The first sheet is the default: the note sheet has no department column.
    r = run("--lang", "en", "import", "roles", book)
    equal(r.returncode, 2, "first sheet by default")
    equal(r.stderr.decode(), f"{book}:メモ!row 1: error: the header names no department column "
          "(expected a task column, then one column per department)\n", "first sheet message")
    r = run("--lang", "en", "import", "roles", book, "--sheet", "役割分担")
    equal(r.returncode, 2, "unknown sheet exit code")
    equal(r.stderr.decode(), f'{book}: error: no sheet "役割分担" in the workbook (did you mean '
          '"役割分担表"?); the sheets are "メモ", "役割分担表"\n', "unknown sheet message")
    r = run("--lang", "ja", "import", "roles", book, "--sheet", "役割分担")
    equal(r.stderr.decode(), f'{book}: エラー: ブックにシート「役割分担」がありません '
          '(「役割分担表」の誤りではありませんか?)。シートは "メモ", "役割分担表" です\n',
          "unknown sheet message in Japanese")


def case_cells(tmp):
    # Shared strings with runs and furigana, an inline string, formulas with cached values (a
    # string and a number), a boolean header-less note column, a number as the step.
    shared = ('<si><t>タスク</t></si>'
              '<si><r><t>マーケ</t></r><r><rPr><b/></rPr><t>ティング部</t></r>'
              '<rPh sb="0" eb="3"><t>マーケティングブ</t></rPh><phoneticPr fontId="1"/></si>'
              '<si><t>顧客</t><rPh sb="0" eb="2"><t>コキャク</t></rPh><t>名簿の整備</t></si>'
              '<si><t>主担当</t></si>'
              '<si><t>ステップ</t></si>')
    rows = ('<row r="1"><c r="A1" t="s"><v>4</v></c><c r="B1" t="s"><v>0</v></c>'
            '<c r="C1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>法務</t></is></c></row>'
            '<row r="2"><c r="A2"><f>1+2</f><v>3</v></c><c r="B2" t="s"><v>2</v></c>'
            '<c r="C2" t="str"><f>"主"&amp;"担当"</f><v>主担当</v></c>'
            '<c r="D2" t="inlineStr"><is><r><t>受</t></r><r><t>領</t></r></is></c></row>')
    book = os.path.join(tmp, "cells.xlsx")
    handmade(book, rows, shared)
    out, err = import_ok(book)
    has(out, '  - { id: marketing, name: "マーケティング部", kind: marketing }', "runs joined")
    has(out, '  - { name: "顧客名簿の整備", step: 3, roles: { marketing: "主担当", privacy_legal: "受領" } }\n',
        "furigana left out, cached formula values")
    equal("コキャク" in out or "マーケティングブ" in out, False, "no furigana anywhere")


def bad(tmp, name, expected_en, expected_ja=None, *extra):
    plan = os.path.join(tmp, name + ".yaml")
    for lang, expected in (("en", expected_en), ("ja", expected_ja)):
        if expected is None:
            continue
        r = run("--lang", lang, "import", "roles", name, "-o", name + ".yaml", *extra, cwd=tmp)
        equal(r.returncode, 2, f"{name} exit code ({r.stderr.decode()!r})")
        equal(r.stderr.decode(), expected + "\n", f"{name} message ({lang})")
        equal(os.path.exists(plan), False, f"{name}: no output file")


def zip_with_sizes_lying(path, part, data):
    """A workbook whose `part` says in both headers that it inflates to 100 bytes."""
    handmade(path, '<row r="1"><c r="A1" t="inlineStr"><is><t>Task</t></is></c></row>',
             extra=[(part, data)])
    raw = bytearray(open(path, "rb").read())
    name = part.encode()
    # Local header: signature, then the uncompressed size at offset 22; central directory entry:
    # at offset 24.
    for sig, offset, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = 0
        while (at := raw.find(sig, at)) >= 0:
            if raw[at + name_at:at + name_at + len(name)] == name:
                raw[at + offset:at + offset + 4] = struct.pack("<I", 100)
            at += 4
    write(path, bytes(raw))


def case_bad_input(tmp):
    # Two owners in a row, an unknown label: the CSV path's messages at the sheet's cell.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Roles"
    ws.append(["Step", "Task", "Marketing", "Sales", "Legal"])
    ws.append([1, "Kick-off", "I", "I", "I"])
    ws.append([2, "A task", "A", "I", "A"])
    wb.save(os.path.join(tmp, "two.xlsx"))
    bad(tmp, "two.xlsx",
        'two.xlsx:Roles!E3: error: task "A task" has two lead owners (Marketing in C3 and Legal in E3); exactly one holds the decision [RACI-002]',
        "two.xlsx:Roles!E3: エラー: タスク「A task」に主担当が 2 部門あります (C3 の Marketing と E3 の Legal)。決定権を持つのは 1 部門だけにしてください [RACI-002]")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表"
    ws.append(["タスク", "マーケ", "営業"])
    ws.append(["作業1", "主担", "共有"])
    wb.save(os.path.join(tmp, "label.xlsx"))
    bad(tmp, "label.xlsx",
        'label.xlsx:表!B2: error: unknown role label "主担" (did you mean "主担当"?); the labels are 主担当, 共有, 受領, R, A, C, I')
    # A formula openpyxl writes has no cached value: never evaluated, an error at the cell.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表"
    ws.append(["タスク", "マーケ"])
    ws.append(["作業1", '="主担当"'])
    wb.save(os.path.join(tmp, "formula.xlsx"))
    bad(tmp, "formula.xlsx",
        "formula.xlsx:表!B2: error: a formula without a cached value: ma-plan never evaluates formulas; open and save the workbook in Excel, or paste the values",
        "formula.xlsx:表!B2: エラー: キャッシュされた値のない数式です。ma-plan は数式を計算しません。Excel で開いて保存するか、値として貼り付けてください")
    # Corrupt: not a zip at all, and a real workbook cut in half.
    write(os.path.join(tmp, "text.xlsx"), "タスク,マーケ\n".encode())
    bad(tmp, "text.xlsx", "text.xlsx: error: not a readable .xlsx workbook (corrupt zip: Not a zip archive)",
        "text.xlsx: エラー: 読めない .xlsx ブックです (壊れた zip: Not a zip archive)")
    whole = open(os.path.join(tmp, "two.xlsx"), "rb").read()
    write(os.path.join(tmp, "cut.xlsx"), whole[:len(whole) // 2])
    bad(tmp, "cut.xlsx", "cut.xlsx: error: not a readable .xlsx workbook (corrupt zip: Not a zip archive)")
    # Encrypted (Excel writes an OLE compound file) or a legacy .xls: refused by the magic bytes.
    write(os.path.join(tmp, "locked.xlsx"), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504))
    bad(tmp, "locked.xlsx",
        "locked.xlsx: error: an encrypted or legacy .xls workbook (an OLE compound file, not an .xlsx zip): remove the password or save it as .xlsx",
        "locked.xlsx: エラー: 暗号化されたブックか古い .xls 形式です (.xlsx の zip ではなく OLE 複合ファイル)。パスワードを外すか .xlsx で保存してください")
    # Zip bombs: more entries than a workbook has; a part that inflates past 100 MB while both
    # headers say 100 bytes.
    with zipfile.ZipFile(os.path.join(tmp, "many.xlsx"), "w") as z:
        for i in range(10001):
            z.writestr(f"x/{i}", b"")
    bad(tmp, "many.xlsx", "many.xlsx: error: the zip has 10001 entries, more than the 10000 a workbook may have (a zip bomb?)",
        "many.xlsx: エラー: zip のエントリが 10001 個あり、上限の 10000 個を超えています (zip 爆弾?)")
    zip_with_sizes_lying(os.path.join(tmp, "bomb.xlsx"), "xl/sharedStrings.xml",
                         b"<sst>" + b" " * (101 << 20) + b"</sst>")
    bad(tmp, "bomb.xlsx", "bomb.xlsx:xl/sharedStrings.xml: error: the workbook inflates to more than 100 MB (a zip bomb?)",
        "bomb.xlsx:xl/sharedStrings.xml: エラー: ブックを展開すると 100 MB を超えます (zip 爆弾?)")
    # XML bombs: entities (billion laughs) behind a DOCTYPE; nesting past 64.
    laughs = ('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>'
              '<sst><si><t>&b;</t></si></sst>')
    handmade(os.path.join(tmp, "laughs.xlsx"), "", extra=[("xl/sharedStrings.xml", laughs)])
    bad(tmp, "laughs.xlsx", "laughs.xlsx:xl/sharedStrings.xml: error: the part declares a DOCTYPE (entities are refused: an XML bomb?)")
    handmade(os.path.join(tmp, "deep.xlsx"), '<row r="1"><c r="A1" t="inlineStr"><is>' + "<r>" * 70 + "</r>" * 70 + "</is></c></row>")
    bad(tmp, "deep.xlsx", "deep.xlsx:表!A1: error: XML nested deeper than 64 elements",
        "deep.xlsx:表!A1: エラー: XML の入れ子が 64 段を超えています")
    # A merged area far larger than a matrix.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表"
    ws["A1"] = "タスク"
    ws.merge_cells("A1:Z1000")
    wb.save(os.path.join(tmp, "merge.xlsx"))
    bad(tmp, "merge.xlsx", "merge.xlsx:表!A1: error: merged area A1:Z1000 is larger than the 10000 cells ma-plan spreads")
    # --sheet on a CSV is a value not allowed.
    write(os.path.join(tmp, "roles.csv"), "Task,Sales\nx,A\n".encode())
    r = run("--lang", "en", "import", "roles", "roles.csv", "--sheet", "x", cwd=tmp)
    equal(r.returncode, 4, "--sheet on a CSV")


PLAN = """# 顧客の計画 (手で書いたコメントは残る)
ma_plan: 1
project:
  name: テスト
  tool: eloqua
  language: ja
stakeholders:
  # 部門
  - { id: marketing, name: マーケティング部, kind: marketing }   # 主管
  - { id: it, name: 情報システム部, kind: internal_systems }
  - id: legal
    name: 法務部
    kind: privacy_legal

  # ここまで
tasks:
  - { name: キックオフ, step: 1, roles: { marketing: 主担当, legal: 共有 } }
# tasks の後のコメント
"""
MATRIX = ("ステップ,タスク,マーケティング部,法務部,営業部\n"
          "1,キックオフ,主担当,共有,\n"
          "2,体制の合意,共有,,主担当\n")
ADDED_STAKEHOLDER = '  - { id: sales, name: "営業部", kind: sales }  # 「営業」から推定。ma-plan import roles が追加\n'
ADDED_TASK = '  - { name: "体制の合意", step: 2, roles: { marketing: "共有", sales: "主担当" } }\n'


def case_into(tmp):
    plan = os.path.join(tmp, "plan.yaml")
    write(plan, PLAN.encode())
    matrix = os.path.join(tmp, "roles.csv")
    write(matrix, MATRIX.encode())
    # --patch: the file is unchanged; the patch applies with patch(1).
    r = run("--lang", "en", "import", "roles", matrix, "--into", plan, "--patch")
    equal(r.returncode, 0, f"--patch exit code ({r.stderr.decode()!r})")
    equal(open(plan, "rb").read(), PLAN.encode(), "--patch changes no file")
    patch = r.stdout
    equal(patch.startswith(f"--- {plan}\n+++ {plan}\n@@ -11,8 +11,10 @@\n".encode()), True,
          f"patch header: {patch.decode()[:120]!r}")
    # The write: only the two lines are added, every other byte stays.
    r = run("--lang", "en", "import", "roles", matrix, "--into", plan)
    equal(r.returncode, 0, f"--into exit code ({r.stderr.decode()!r})")
    equal(r.stderr.decode(),
          f'{plan}: added stakeholder "営業部" as sales (kind sales, a guess from the name: confirm)\n'
          f'{plan}: added task "体制の合意" (row 3)\n'
          f"{plan}: 2 changes, 1 tasks already there with the same roles\n", "what changed")
    after = open(plan, encoding="utf-8").read()
    lines = after.splitlines(keepends=True)
    equal(lines.count(ADDED_STAKEHOLDER), 1, f"stakeholder line in\n{after}")
    equal(lines.count(ADDED_TASK), 1, f"task line in\n{after}")
    equal(lines.index(ADDED_STAKEHOLDER), 13, "after the last stakeholder, before the blank line")
    equal(lines.index(ADDED_TASK), 18, "after the last task, before the comment")
    kept = [l for l in lines if l not in (ADDED_STAKEHOLDER, ADDED_TASK)]
    equal("".join(kept), PLAN, "comments and layout byte for byte")
    v = run("validate", plan)
    equal(v.returncode, 0, f"validate reads the result ({v.stdout.decode()[-400:]!r})")
    # The patch gives the same file.
    copy = os.path.join(tmp, "copy.yaml")
    write(copy, PLAN.encode())
    p = subprocess.run(["patch", "-s", copy], input=patch, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    equal(p.returncode, 0, f"patch applies ({p.stdout!r})")
    equal(open(copy, encoding="utf-8").read(), after, "the patch gives the written file")
    # Again: nothing to add, nothing written.
    r = run("--lang", "en", "import", "roles", matrix, "--into", plan)
    equal(r.stderr.decode(), f"{plan}: 0 changes, 2 tasks already there with the same roles\n",
          "a second run changes nothing")
    equal(open(plan, encoding="utf-8").read(), after, "unchanged by the second run")
    # A task the plan has with other roles: refused, with how to go on.
    write(matrix, (MATRIX.replace("1,キックオフ,主担当,共有,", "1,キックオフ,主担当,受領,")).encode())
    for lang, expected in (
            ("en", f'{plan}:18:5: error: task "キックオフ" has other roles in the plan '
                   f'(marketing: 主担当, legal: 共有) than in {matrix} row 2 (marketing: 主担当, '
                   "legal: 受領); pass --keep-existing to keep the plan's, or change one of them\n"),
            ("ja", f"{plan}:18:5: エラー: タスク「キックオフ」の役割が計画 (marketing: 主担当, legal: 共有) "
                   f"と {matrix} の 2 行目 (marketing: 主担当, legal: 受領) で違います。計画の役割を"
                   "残すなら --keep-existing、そうでなければどちらかを直してください\n")):
        r = run("--lang", lang, "import", "roles", matrix, "--into", plan)
        equal(r.returncode, 2, "conflict exit code")
        equal(r.stderr.decode(), expected, f"conflict message ({lang})")
        equal(open(plan, encoding="utf-8").read(), after, "a conflict changes nothing")
    r = run("--lang", "en", "import", "roles", matrix, "--into", plan, "--keep-existing")
    equal(r.returncode, 0, "--keep-existing")
    equal(r.stderr.decode(),
          f"{plan}: kept the plan's roles of task \"キックオフ\" (--keep-existing); the file has "
          "marketing: 主担当, legal: 受領\n"
          f"{plan}: 1 changes, 1 tasks already there with the same roles\n", "--keep-existing says so")
    equal(open(plan, encoding="utf-8").read(), after, "--keep-existing keeps the plan's roles")
    # `tasks: []` gets its first items; a one-line flow list is refused.
    empty = os.path.join(tmp, "empty.yaml")
    write(empty, PLAN.split("tasks:")[0].encode() + b"tasks: []  # \xe3\x81\xbe\xe3\x81\xa0\n")
    write(matrix, MATRIX.encode())
    r = run("--lang", "en", "import", "roles", matrix, "--into", empty)
    equal(r.returncode, 0, f"tasks: [] ({r.stderr.decode()!r})")
    equal(open(empty, encoding="utf-8").read().endswith(
        "tasks:  # まだ\n"
        '  - { name: "キックオフ", step: 1, roles: { marketing: "主担当", legal: "共有" } }\n'
        + ADDED_TASK), True, "tasks: [] becomes a block list")
    flow = os.path.join(tmp, "flow.yaml")
    write(flow, b"ma_plan: 1\nproject: { name: x, tool: other }\n"
                b"stakeholders: [ { id: a, name: A, kind: other } ]\ntasks: []\n")
    r = run("--lang", "en", "import", "roles", matrix, "--into", flow)
    equal(r.returncode, 2, "a flow list is refused")
    equal(r.stderr.decode(), f"{flow}:row 3: error: `stakeholders` is written on one line "
          "([ { id: a, name: A, kind: other } ]); --into adds block list items, so write it as one "
          "`- ` item per line\n", "flow list message")
    # The plan's own role_labels are labels of the matrix; "did you mean" knows them.
    labelled = os.path.join(tmp, "labelled.yaml")
    write(labelled, PLAN.replace("tasks:\n", "role_labels: { owner: リード }\ntasks:\n")
          .replace("marketing: 主担当", "marketing: リード").encode())
    write(matrix, "タスク,マーケティング部,法務部\nキックオフ,リード,共有\n新規,リーダ,\n".encode())
    r = run("--lang", "en", "import", "roles", matrix, "--into", labelled)
    equal(r.returncode, 2, "a typo of a configured label")
    equal(r.stderr.decode(), f'{matrix}:B3: error: unknown role label "リーダ" (did you mean '
          '"リード"?); the labels are リード, 主担当, 共有, 受領, R, A, C, I\n',
          "did you mean over the configured labels")
    write(matrix, "タスク,マーケティング部,法務部\nキックオフ,リード,共有\n新規,リード,\n".encode())
    r = run("--lang", "en", "import", "roles", matrix, "--into", labelled)
    equal(r.returncode, 0, f"a configured label ({r.stderr.decode()!r})")
    equal('  - { name: "新規", roles: { marketing: "リード" } }\n' in open(labelled, encoding="utf-8").read(),
          True, "the configured label imported")
    r = run("--lang", "en", "import", "roles", matrix, "--into", plan, "-o", "x.yaml")
    equal(r.returncode != 0, True, "--into with -o is refused")


CASES = {"into": case_into, "round-trip": case_round_trip, "merged": case_merged, "cells": case_cells,
         "bad-input": case_bad_input}
with tempfile.TemporaryDirectory() as tmp:
    CASES[CASE](tmp)
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
