#!/bin/sh
# Checks what ma-plan installs, as a user gets it: cmake --install into a temporary prefix, the
# .deb that CPack builds (unpacked with dpkg -x and run), --version and the configured URLs.
# usage: check_package.sh CHECK BUILD_DIR SOURCE_DIR PREFIX VERSION HOMEPAGE_URL RULES_URL SCHEMA_URL
# PREFIX and the URLs are the values CMake was configured with; the binary must carry them.
set -eu
check=$1 build=$2 src=$3 prefix=$4 version=$5 homepage=$6 rules_url=$7 schema_url=$8
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ma-plan-package-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
unset MA_PLAN_LANG MA_PLAN_FAIL_ON MA_PLAN_CONFIG MA_PLAN_FORMAT MA_PLAN_JOBS GITHUB_ACTIONS || true
example=$src/config-examples/ja-manufacturer.yaml

fail() { echo "FAIL: $*" >&2; exit 1; }

# The URLs that point into the install tree (the defaults, file://PREFIX/...) must name files
# that the install put there. $1: root the tree was installed under ("" for cmake --install
# --prefix, the package root for dpkg -x).
check_urls_resolve() {
    root=$1 top=$2
    for url in "$homepage" "$rules_url" "$schema_url"; do
        case $url in
            "file://$prefix"/*)
                path=${url#file://"$prefix"}
                [ -f "$top$path" ] || fail "$url names $path, which is not installed under $top"
                ;;
        esac
    done
}

# The binary at $1 writes the configured URLs: init's $schema comment, SARIF's informationUri
# and each rule's helpUri.
check_urls_in_output() {
    bin=$1
    "$bin" init --lang en --tool other --name P "$tmp/starter.yaml" >/dev/null
    head -n 1 "$tmp/starter.yaml" | grep -qxF "# yaml-language-server: \$schema=$schema_url" ||
        fail "init wrote $(head -n 1 "$tmp/starter.yaml"), expected \$schema=$schema_url"
    set +e
    "$bin" validate "$src/tests/ci/data/findings.yaml" --format "sarif=$tmp/out.sarif" >/dev/null
    set -e
    python3 - "$tmp/out.sarif" "$homepage" "$rules_url" <<'PY'
import json, sys
driver = json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]
if driver["informationUri"] != sys.argv[2]:
    sys.exit(f"informationUri is {driver['informationUri']}, configured {sys.argv[2]}")
for rule in driver["rules"]:
    if rule["helpUri"] != f"{sys.argv[3]}#{rule['id'].lower()}":
        sys.exit(f"helpUri of {rule['id']} is {rule['helpUri']}")
PY
}

case $check in
install)
    cmake --install "$build" --prefix "$tmp/root" >"$tmp/install.log"
    r=$tmp/root
    for f in bin/ma-plan share/man/man1/ma-plan.1 share/bash-completion/completions/ma-plan \
        share/zsh/vendor-completions/_ma-plan share/ma-plan/ma-plan.schema.json \
        share/doc/ma-plan/README.md share/doc/ma-plan/LICENSE share/doc/ma-plan/rules.md \
        share/doc/ma-plan/ci.md share/doc/ma-plan/examples/ja-manufacturer.yaml; do
        [ -f "$r/$f" ] || fail "cmake --install did not install $f"
    done
    [ -x "$r/bin/ma-plan" ] || fail "bin/ma-plan is not executable"
    # Installed generated files are the installed binary's own output.
    "$r/bin/ma-plan" schema | cmp -s - "$r/share/ma-plan/ma-plan.schema.json" ||
        fail "installed schema differs from ma-plan schema"
    python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$r/share/ma-plan/ma-plan.schema.json"
    "$r/bin/ma-plan" completion man | cmp -s - "$r/share/man/man1/ma-plan.1" ||
        fail "installed man page differs from ma-plan completion man"
    head -n 5 "$r/share/man/man1/ma-plan.1" | grep -qF '.TH MA\-PLAN 1' || fail "man page has no .TH"
    bash -n "$r/share/bash-completion/completions/ma-plan"
    out=$(bash -c '. "$1"; COMP_WORDS=(ma-plan sch); COMP_CWORD=1; _ma_plan; echo "${COMPREPLY[*]}"' \
        _ "$r/share/bash-completion/completions/ma-plan")
    [ "$out" = schema ] || fail "installed bash completion completed 'sch' to '$out'"
    head -n 1 "$r/share/zsh/vendor-completions/_ma-plan" | grep -q '^#compdef ma-plan' ||
        fail "zsh completion does not start with #compdef ma-plan"
    if command -v zsh >/dev/null; then zsh -n "$r/share/zsh/vendor-completions/_ma-plan"; fi
    "$r/bin/ma-plan" validate "$r/share/doc/ma-plan/examples/ja-manufacturer.yaml" >/dev/null
    # --prefix moves the tree; the URLs name the configured prefix, so map them into this root.
    check_urls_resolve "" "$r"
    ;;
deb)
    command -v dpkg-deb >/dev/null || fail "dpkg-deb missing"
    command -v dpkg-shlibdeps >/dev/null || fail "dpkg-shlibdeps missing (apt install dpkg-dev)"
    cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1 ||
        { cat "$tmp/cpack.log" >&2; fail "cpack -G DEB failed"; }
    arch=$(dpkg --print-architecture)
    deb=$tmp/pkg/ma-plan_${version}_${arch}.deb
    [ -f "$deb" ] || { ls "$tmp/pkg" >&2; fail "no $(basename "$deb") (docs/ci.md installs it)"; }
    dpkg-deb -I "$deb" >"$tmp/info"
    grep -qx ' Package: ma-plan' "$tmp/info" || fail "Package field: $(cat "$tmp/info")"
    grep -qx " Version: $version" "$tmp/info" || fail "Version is not $version"
    grep -qx " Architecture: $arch" "$tmp/info" || fail "Architecture is not $arch"
    grep -qx ' Section: utils' "$tmp/info" || fail "no Section: utils"
    grep -q '^ Maintainer: .' "$tmp/info" || fail "no Maintainer"
    # Depends computed by dpkg-shlibdeps from the libraries the binary links.
    for lib in libc6 libstdc++6 libyaml-cpp libfmt libsqlite3 libutf8proc libc-ares libssl \
        libxlsxwriter; do
        grep '^ Depends:' "$tmp/info" | grep -q "$lib" || fail "Depends lacks $lib: $(grep Depends "$tmp/info")"
    done
    dpkg -x "$deb" "$tmp/root"
    r=$tmp/root$prefix
    "$r/bin/ma-plan" --version | grep -q "^ma-plan $version" || fail "installed --version"
    "$r/bin/ma-plan" validate "$example" >"$tmp/validate.txt" ||
        fail "installed binary: validate $(basename "$example") exit $?"
    for f in share/man/man1/ma-plan.1 share/bash-completion/completions/ma-plan \
        share/zsh/vendor-completions/_ma-plan share/ma-plan/ma-plan.schema.json; do
        [ -f "$r/$f" ] || fail "the .deb lacks $prefix/$f"
    done
    check_urls_resolve "$tmp/root" "$tmp/root$prefix"
    check_urls_in_output "$r/bin/ma-plan"
    ;;
urls)
    check_urls_in_output "$build/apps/ma-plan/ma-plan"
    ;;
version)
    line=$("$build/apps/ma-plan/ma-plan" --version)
    if [ -e "$src/.git" ] && command -v git >/dev/null; then
        # The commit the binary was built from: HEAD, or an ancestor of it when something was
        # committed after the build (git understands describe output as a revision).
        case $line in
            "ma-plan $version (git "*")") ;;
            *) fail "--version printed '$line', expected 'ma-plan $version (git DESCRIBE)'" ;;
        esac
        described=${line#"ma-plan $version (git "}
        described=${described%)}
        described=${described%-dirty}
        git -C "$src" rev-parse -q --verify "$described^{commit}" >/dev/null ||
            fail "--version names '$described', which is not a commit of $src"
        git -C "$src" merge-base --is-ancestor "$described" HEAD ||
            fail "--version names $described, which is neither HEAD nor before it"
        # A clean build of HEAD says exactly what git describe says.
        if [ -z "$(git -C "$src" status --porcelain --untracked-files=no)" ] &&
            [ "$(git -C "$src" rev-parse "$described^{commit}")" = "$(git -C "$src" rev-parse HEAD)" ]; then
            want=$(git -C "$src" describe --always --tags)
            [ "$line" = "ma-plan $version (git $want)" ] || [ "$line" = "ma-plan $version (git $want-dirty)" ] ||
                fail "--version printed '$line'; git describe says $want"
        fi
    else
        [ "$line" = "ma-plan $version" ] || fail "--version printed '$line'"
    fi
    # Outside a checkout (a source tarball), the project version alone.
    mkdir "$tmp/tarball"
    cmake -DSOURCE_DIR="$tmp/tarball" -DTEMPLATE="$src/cmake/version.cpp.in" \
        -DOUTPUT="$tmp/version.cpp" -DPROJECT_VERSION="$version" -P "$src/cmake/version.cmake"
    grep -qF "return \"ma-plan $version\";" "$tmp/version.cpp" || fail "tarball version: $(cat "$tmp/version.cpp")"
    ;;
configure)
    # Another value reaches the generated header; a malformed one stops the configure step with
    # the variable's name (configure only, nothing is compiled).
    cmake -S "$src" -B "$tmp/b" -G Ninja -DMA_PLAN_BUILD_TESTS=OFF \
        -DMA_PLAN_SCHEMA_URL=https://schemas.example.test/ma-plan.schema.json \
        -DMA_PLAN_HOMEPAGE_URL=https://example.test/ma-plan >"$tmp/configure.log" 2>&1 ||
        { cat "$tmp/configure.log" >&2; fail "configure with custom URLs failed"; }
    h=$tmp/b/generated/core/build_config.hpp
    grep -qF 'schema_url = "https://schemas.example.test/ma-plan.schema.json";' "$h" ||
        fail "MA_PLAN_SCHEMA_URL did not reach $h"
    grep -qF 'homepage_url = "https://example.test/ma-plan";' "$h" || fail "MA_PLAN_HOMEPAGE_URL did not reach $h"
    rm -rf "$tmp/b"
    if cmake -S "$src" -B "$tmp/b" -G Ninja -DMA_PLAN_BUILD_TESTS=OFF '-DMA_PLAN_RULES_URL=docs/rules "x".md' \
        >"$tmp/bad.log" 2>&1; then
        fail "a relative URL with quotes was accepted"
    fi
    grep -q 'MA_PLAN_RULES_URL must be an absolute URL' "$tmp/bad.log" || { cat "$tmp/bad.log" >&2; fail "no message"; }
    ;;
*)
    fail "unknown check $check" ;;
esac
echo "ok: $check"
