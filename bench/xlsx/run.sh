#!/usr/bin/env bash
# Opens every workbook ma-plan writes in headless LibreOffice Calc (an Excel reader that is not
# libxlsxwriter's own author) and converts each sheet to CSV, to record that the files open and
# that the cells read back. Optional, not in CI (LibreOffice takes about a minute to install and
# seconds to start). Prints a Markdown table; figures go into RESULTS.md by hand.
#
# Usage: bench/xlsx/run.sh [path/to/ma-plan] [work dir]
# Needs: soffice (Debian: libreoffice-calc-nogui).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../..
ma_plan=${1:-$src/build/apps/ma-plan/ma-plan}
work=${2:-$(mktemp -d /tmp/ma-plan-xlsx-bench-XXXXXX)}
mkdir -p "$work"
cd "$work"
# A private LibreOffice profile, so a desktop session's profile is neither used nor locked.
profile="-env:UserInstallation=file://$work/lo-profile"

"$ma_plan" raci "$src/config-examples/seed000-roles.yaml" --format xlsx -o roles.xlsx
"$ma_plan" checklist "$src/config-examples/ja-manufacturer.yaml" --format xlsx --today 2026-12-01 -o checklist.xlsx
"$ma_plan" status "$src/config-examples/ja-manufacturer.yaml" --format xlsx --today 2027-12-01 -o status.xlsx
"$ma_plan" raci "$src/tests/xlsx/data/formula-cells.yaml" --format xlsx -o hostile.xlsx 2>/dev/null
"$ma_plan" report "$src/config-examples/ja-manufacturer.yaml" --format xlsx --today 2026-12-01 -o report.xlsx
# lists audit: a workspace of the test data, masked examples (no --show-pii).
"$ma_plan" lists init --db ws.sqlite >/dev/null
"$ma_plan" lists import "$src/tests/lists/data/hubspot.csv" --source hubspot --preset hubspot \
    --db ws.sqlite --plan "$src/tests/lists/data/plan.yaml" >/dev/null
"$ma_plan" lists audit --db ws.sqlite --plan "$src/tests/lists/data/plan.yaml" --format xlsx -o audit.xlsx
# The workbook import roles reads back: LibreOffice writes it, ma-plan must read LibreOffice's
# own .xlsx (another writer than libxlsxwriter) cell for cell.

echo "soffice: $(soffice --version 2>/dev/null | head -1)"
echo
echo "| workbook | opens | first sheet as CSV: rows | first row |"
echo "|---|---|---|---|"
for book in roles checklist status hostile report audit; do
    rm -f "$book.csv"
    # Filter options 44,34,76: comma, double quote, UTF-8.
    if soffice --headless "$profile" --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' \
        --outdir "$work" "$book.xlsx" >/dev/null 2>&1 && [[ -s "$book.csv" ]]; then
        echo "| $book.xlsx | yes | $(wc -l <"$book.csv") | $(head -1 "$book.csv") |"
    else
        echo "| $book.xlsx | NO | - | - |"
    fi
done
echo
echo "hostile.xlsx as CSV (cell text, never a computed formula):"
cat hostile.csv
echo
# Round trip through LibreOffice: roles.xlsx re-saved by Calc, then imported by ma-plan.
mkdir -p lo
if soffice --headless "$profile" --convert-to xlsx --outdir "$work/lo" roles.xlsx >/dev/null 2>&1; then
    "$ma_plan" import roles lo/roles.xlsx -o lo-plan.yaml 2>/dev/null
    "$ma_plan" raci "$src/config-examples/seed000-roles.yaml" --format csv >a.csv
    "$ma_plan" raci lo-plan.yaml --format csv >b.csv
    if cmp -s a.csv b.csv; then
        echo "roles.xlsx re-saved by LibreOffice, imported: the same matrix, cell for cell"
    else
        echo "roles.xlsx re-saved by LibreOffice, imported: DIFFERENT"; diff a.csv b.csv || true
    fi
fi
