#include "reports/html_style.hpp"

namespace maplan::reports {

namespace {

// The font stack names the common Japanese fonts of macOS (Hiragino), Windows (Yu Gothic, Meiryo)
// and Linux (Noto Sans CJK, IPAex), so the file reads the same wherever it is opened.
constexpr std::string_view stylesheet = R"CSS(
:root{--ink:#1f2933;--muted:#616e7c;--line:#cbd2d9;--head:#f0f4f8;--accent:#2f6fb0;--warn:#b7791f;--bad:#c53030;--ok:#2f855a}
body{font-family:"Hiragino Kaku Gothic ProN","Hiragino Sans","Yu Gothic UI","Yu Gothic",Meiryo,"Noto Sans CJK JP","Noto Sans JP","IPAexGothic",system-ui,sans-serif;color:var(--ink);line-height:1.55;margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:1.7em;border-bottom:3px solid var(--accent);padding-bottom:.3em}
h2{font-size:1.3em;margin-top:2em;border-left:6px solid var(--accent);padding-left:.5em}
h3{font-size:1.05em;margin-top:1.4em}
table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.92em}
th,td{border:1px solid var(--line);padding:.3em .6em;vertical-align:top;text-align:left}
th{background:var(--head)}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td[class^=role-],table.duties td:first-child{white-space:nowrap}
code{font-family:ui-monospace,Menlo,Consolas,monospace;background:var(--head);padding:0 .2em}
.gaps{border:1px solid var(--warn);background:#fffaf0;padding:.4em 1em;margin:.6em 0}
.gaps strong{color:var(--warn)}
.flag{color:var(--bad);font-weight:bold}
.muted{color:var(--muted)}
.cover td:first-child{font-weight:bold;background:var(--head)}
td.role-owner{background:#dbeafe;font-weight:bold}
td.role-responsible{background:#dcfce7}
td.role-consulted{background:#fef9c3}
td.role-informed{background:#f3f4f6}
td.role-receives{background:#fae8ff}
.status-new{color:var(--bad)}.status-needs_update{color:var(--warn)}.status-existing{color:var(--ok)}
svg{max-width:100%;height:auto;font-family:inherit}
svg text{font-size:12px;fill:var(--ink)}
@media print{
@page{size:A4;margin:14mm}
body{max-width:none;padding:0;font-size:10pt}
h2{break-after:avoid;page-break-after:avoid}
tr,svg,.gaps{break-inside:avoid;page-break-inside:avoid}
section.cover{break-after:page;page-break-after:always}
}
)CSS";

}  // namespace

std::string_view html_stylesheet() {
    return stylesheet;
}

}  // namespace maplan::reports
