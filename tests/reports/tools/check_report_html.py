#!/usr/bin/env python3
"""Checks a self-contained HTML report (issue 14): html5lib in strict mode finds no parse error,
and nothing in it loads or links anything (no script, no src/href/action, no url() or @import
in CSS, no <link>, <iframe>, <object>, <embed>, <img>). The SVG namespace declaration is the
one http: string allowed: it names a namespace and is never fetched.
Usage: check_report_html.py FILE; prints one line per problem, exits 1 if any."""
import re
import sys

import html5lib

SVG_NS = "http://www.w3.org/2000/svg"
FORBIDDEN_TAGS = {"script", "link", "iframe", "object", "embed", "img", "base", "frame",
                  "audio", "video", "source", "image", "use", "foreignObject"}
FORBIDDEN_ATTRS = {"src", "href", "action", "srcset", "poster", "data", "formaction"}


def main(path):
    text = open(path, encoding="utf-8").read()
    problems = []
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        doc = parser.parse(text)
    except html5lib.html5parser.ParseError as e:
        print(f"{path}: parse error: {e}")
        return 1
    for el in doc.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        local = tag.split("}")[-1]
        if local in FORBIDDEN_TAGS:
            problems.append(f"forbidden element <{local}>")
        for name, value in el.attrib.items():
            local_name = name.split("}")[-1].lower() if isinstance(name, str) else str(name)
            if local_name in FORBIDDEN_ATTRS or local_name.startswith("on"):
                problems.append(f"forbidden attribute {local_name}=\"{value}\" on <{local}>")
            if local_name == "xmlns" and value != SVG_NS:
                problems.append(f"unexpected namespace {value}")
            if local_name == "style":
                problems.append(f"inline style attribute on <{local}>")
    for style in re.findall(r"<style>(.*?)</style>", text, re.S):
        if re.search(r"url\s*\(|@import", style, re.I):
            problems.append("CSS loads a resource (url() or @import)")
    stripped = text.replace(SVG_NS, "")
    for m in re.finditer(r"(?:https?:|file:|ftp:|//[a-z0-9.-]+\.[a-z]{2,})", stripped, re.I):
        context = stripped[max(0, m.start() - 40):m.end() + 40].replace("\n", " ")
        # Plan text may contain a URL as prose (an unsubscribe URL); it is text, never a link.
        if "<" in stripped[:m.start()].rsplit(">", 1)[-1]:
            problems.append(f"URL inside a tag: ...{context}...")
    for p in problems:
        print(f"{path}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
