#!/usr/bin/env python3
"""Checks a JUnit XML report against the structure the CI systems that read it accept.

usage: check_junit.py REPORT.xml
No Debian or npm package ships a JUnit XML schema, so the rules are written out here, from the
de-facto grammar Jenkins' xunit plugin publishes as junit-10.xsd and GitLab's test-report parser:
  testsuites            attributes name, tests, failures, errors, skipped, time, disabled
    testsuite*          required name and tests; failures, errors, skipped, time, timestamp,
                        hostname, id, package, file, disabled; children in the order
                        properties?, testcase*, system-out?, system-err?
      testcase*         required name; classname, assertions, time, status, file, line;
                        children skipped?, error*, failure*, system-out*, system-err*
        failure, error  attributes message, type; text
        skipped         attribute message
Counts must add up: a suite's tests/failures/errors/skipped equal its testcases and their
failure/error/skipped children, and the root's totals are the suites' sums. Running it on a
deliberately broken copy is part of the test (check_outputs.sh), so it is known to fire.
"""
import re
import sys
import xml.etree.ElementTree as ET

ROOT_ATTRS = {"name", "tests", "failures", "errors", "skipped", "time", "disabled"}
SUITE_ATTRS = {"name", "tests", "failures", "errors", "skipped", "time", "timestamp", "hostname",
               "id", "package", "file", "disabled"}
CASE_ATTRS = {"name", "classname", "assertions", "time", "status", "file", "line"}
RESULT_ATTRS = {"message", "type"}
COUNTS = ("tests", "failures", "errors", "skipped")
SUITE_ORDER = ["properties", "testcase", "system-out", "system-err"]
CASE_CHILDREN = {"skipped", "error", "failure", "system-out", "system-err"}

problems = []


def problem(where, text):
    problems.append(f"{where}: {text}")


def check_attrs(element, allowed, required, where):
    for name in element.attrib:
        if name not in allowed:
            problem(where, f'attribute "{name}" is not allowed on <{element.tag}>')
    for name in required:
        if name not in element.attrib:
            problem(where, f'<{element.tag}> lacks the required attribute "{name}"')
    for name in COUNTS:
        value = element.get(name)
        if value is not None and not re.fullmatch(r"[0-9]+", value):
            problem(where, f'{name}="{value}" is not a whole number')
    time = element.get("time")
    if time is not None and not re.fullmatch(r"[0-9]+(\.[0-9]+)?", time):
        problem(where, f'time="{time}" is not a number of seconds')


def count(element, name):
    value = element.get(name)
    return int(value) if value is not None and value.isdigit() else None


def check_suite(suite, where):
    check_attrs(suite, SUITE_ATTRS, ("name", "tests"), where)
    last = -1
    tally = dict.fromkeys(COUNTS, 0)
    for child in suite:
        if child.tag not in SUITE_ORDER:
            problem(where, f"<{child.tag}> is not allowed in <testsuite>")
            continue
        position = SUITE_ORDER.index(child.tag)
        if position < last or (position == last and child.tag != "testcase"):
            problem(where, f"<{child.tag}> is out of order or repeated in <testsuite>")
        last = position
        if child.tag != "testcase":
            if len(child):
                problem(where, f"<{child.tag}> holds elements, only text is allowed")
            continue
        tally["tests"] += 1
        case_where = f'{where} testcase "{child.get("name")}"'
        check_attrs(child, CASE_ATTRS, ("name",), case_where)
        skipped = 0
        for result in child:
            if result.tag not in CASE_CHILDREN:
                problem(case_where, f"<{result.tag}> is not allowed in <testcase>")
                continue
            if result.tag in ("failure", "error", "skipped"):
                check_attrs(result, RESULT_ATTRS if result.tag != "skipped" else {"message"}, (),
                            case_where)
            if len(result):
                problem(case_where, f"<{result.tag}> holds elements, only text is allowed")
            if result.tag == "failure":
                tally["failures"] += 1
            elif result.tag == "error":
                tally["errors"] += 1
            elif result.tag == "skipped":
                skipped += 1
        if skipped > 1:
            problem(case_where, "more than one <skipped>")
        tally["skipped"] += skipped
    for name in COUNTS:
        stated = count(suite, name)
        if stated is not None and stated != tally[name]:
            problem(where, f'{name}="{stated}" but the suite has {tally[name]}')
    return tally


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        sys.exit(f"{path}: not well-formed XML: {e}")
    totals = dict.fromkeys(COUNTS, 0)
    if root.tag == "testsuites":
        check_attrs(root, ROOT_ATTRS, (), path)
        for i, suite in enumerate(root, 1):
            if suite.tag != "testsuite":
                problem(path, f"<{suite.tag}> is not allowed in <testsuites>")
                continue
            for name, n in check_suite(suite, f"{path} testsuite {i}").items():
                totals[name] += n
        for name in COUNTS:
            stated = count(root, name)
            if stated is not None and stated != totals[name]:
                problem(path, f'<testsuites {name}="{stated}"> but the suites add up to {totals[name]}')
    elif root.tag == "testsuite":
        check_suite(root, path)
    else:
        problem(path, f"the root element is <{root.tag}>, not <testsuites> or <testsuite>")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"{path}: valid JUnit XML")


main()
