#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks, then configures and builds ma-plan in ./build.
# Safe to run again: packages already present are not reinstalled, the build is incremental.
#   scripts/setup.sh            build dependencies; builds the ma-plan binary only (fast)
#   scripts/setup.sh --tests    also the test dependencies; builds every target, tests included
#   MA_PLAN_SETUP_BENCH=1 ...   also the benchmark peers (yamllint, hyperfine, dig)
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
for arg in "$@"; do
    case "$arg" in
        --tests) with_tests=1 ;;
        -h | --help) sed -n '2,6p' "$0"; exit 0 ;;
        *) echo "setup.sh: unknown option $arg (use --tests)" >&2; exit 3 ;;
    esac
done

packages=(
    # build
    g++ cmake ninja-build pkg-config
    libcli11-dev libyaml-cpp-dev libfmt-dev libsqlite3-dev libutf8proc-dev
    # domain check: c-ares resolver, libcrypto for DKIM key lengths
    libc-ares-dev libssl-dev
    # diff REV:path and history run the git CLI (lib/pdca/git.hpp says why not libgit2)
    git
    # --format xlsx: libxlsxwriter writes the Excel workbooks (raci, checklist, status)
    libxlsxwriter-dev
    # import roles FILE.xlsx: libzip opens the workbook from memory and expat parses its XML (a
    # real, well-kept zip and XML library instead of hand-written code for untrusted input)
    libzip-dev libexpat1-dev
)
test_packages=(
    catch2
    # tests: GFM renderer for Markdown tables, JSON Schema validator for SARIF and the plan
    # schema, xmllint for XML checks, sqlite3 CLI for workspace checks, NSD as the local
    # authoritative DNS server the domain-check tests start on 127.0.0.1; python3-yaml also
    # parses action.yml (tests/package)
    cmark-gfm python3 python3-jsonschema python3-yaml libxml2-utils sqlite3 nsd
    # tests: the .deb smoke test (tests/package) builds the package with CPack, whose
    # CPACK_DEBIAN_PACKAGE_SHLIBDEPS computes Depends with dpkg-shlibdeps from dpkg-dev
    dpkg-dev
    # tests: LibreOffice Calc opens extracts to prove the CSV formula guard (about a minute to
    # install without recommends; tests/lists/spreadsheet_test.cpp skips without it)
    libreoffice-calc-nogui
    # tests: the rollout report's HTML through a strict HTML5 parser, and through a real browser
    # (headless Chromium prints it to PDF, read back by pdftotext, and takes a screenshot); a
    # fresh Debian has no Japanese font, so without fonts-noto-cjk the screenshot shows boxes
    python3-html5lib chromium fonts-noto-cjk poppler-utils
    # tests: openpyxl reads the .xlsx reports back (tests/xlsx/check_xlsx.py)
    python3-openpyxl
    # CI: scripts/tidy.sh runs clang-tidy-14 (the .clang-tidy checks as errors) after the tests
    clang-tidy-14
)
if ((with_tests)); then
    packages+=("${test_packages[@]}")
fi
if [[ "${MA_PLAN_SETUP_BENCH:-0}" == 1 ]]; then
    packages+=(yamllint hyperfine time bc bind9-dnsutils)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then sudo=sudo; else sudo=; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ((with_tests)); then
    # tests: Mermaid's own renderer checks the report's gantt block. It needs Node.js and npm;
    # machines that ship Node.js from another repository have npm inside their nodejs package,
    # which conflicts with Debian's npm, so Debian's is installed only where no npm is found.
    if ! command -v npm >/dev/null; then
        if [[ $(id -u) -ne 0 ]]; then sudo=sudo; else sudo=; fi
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            nodejs npm >/dev/null
    fi
    # Mermaid's command-line renderer for the report's gantt block, driving Debian's Chromium
    # (PUPPETEER_SKIP_DOWNLOAD: no browser download). Pinned, in build/tools, never in the
    # source tree.
    if [[ ! -x build/tools/node_modules/.bin/mmdc ]]; then
        echo "setup: installing @mermaid-js/mermaid-cli into build/tools"
        PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix build/tools --no-audit --no-fund \
            --save-exact @mermaid-js/mermaid-cli@11.17.0 >/dev/null
    fi
    # Microsoft's SARIF multitool validates the SARIF output (tests/ci/check_sarif.py) and ships the
    # SARIF 2.1.0 JSON Schema, so no test reads a schema from outside the repository. The Linux
    # package is a self-contained .NET build: no runtime to install. Pinned, in build/tools.
    multitool=build/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
    if [[ ! -x $multitool ]]; then
        echo "setup: installing @microsoft/sarif-multitool into build/tools"
        npm install --prefix build/tools --no-audit --no-fund --save-exact \
            @microsoft/sarif-multitool@5.7.0 >/dev/null
        chmod u+x "$multitool"  # its postinstall does this; npm may be set not to run scripts
    fi
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" \
        -DMA_PLAN_BUILD_TESTS=ON >/dev/null
    cmake --build build
else
    # The first README command: the binary alone, no test targets and no test dependencies.
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" \
        -DMA_PLAN_BUILD_TESTS=OFF >/dev/null
    cmake --build build --target ma-plan
fi
