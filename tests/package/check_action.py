#!/usr/bin/env python3
"""Checks action.yml, the composite GitHub Action, without GitHub: its structure, that every
expression names a declared input or step, that inputs reach scripts only through env, that the
files and binary paths it uses exist, and then runs its validate and fail steps with bash
against the built ma-plan, as the runner would.

usage: check_action.py SOURCE_DIR MA_PLAN_BINARY
"""
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    sys.exit("check_action.py: python3-yaml is not installed (apt install python3-yaml)")

problems = []


def problem(text):
    problems.append(text)


def run_step(step, env, cwd):
    """Runs a `run:` step the way GitHub's `shell: bash` does (bash --noprofile --norc -eo
    pipefail) in cwd, with env added; returns the process and what it wrote to GITHUB_OUTPUT."""
    output = os.path.join(cwd, "github_output")
    open(output, "w").close()
    full_env = dict(os.environ, GITHUB_OUTPUT=output, **env)
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                          cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    outputs = {}
    with open(output, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            outputs[key] = value
    return done, outputs


def step_env(step, inputs):
    """The step's env with ${{ inputs.NAME }} replaced by the given input values."""
    env = {}
    for key, value in (step.get("env") or {}).items():
        m = re.fullmatch(r"\$\{\{ inputs\.([a-z-]+) \}\}", str(value))
        if not m:
            problem(f"step {step.get('name')}: env {key} is not a plain input: {value}")
            continue
        if m.group(1) not in inputs:
            continue  # reported as an undeclared input
        env[key] = inputs[m.group(1)]
    return env


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, binary = sys.argv[1], os.path.abspath(sys.argv[2])
    with open(os.path.join(src, "action.yml"), encoding="utf-8") as f:
        text = f.read()
    action = yaml.safe_load(text)

    for key in ("name", "description", "inputs", "runs"):
        if key not in action:
            problem(f"action.yml lacks {key}")
    inputs = action.get("inputs", {})
    for name in ("paths", "fail-on", "config", "lang", "deb"):
        if name not in inputs:
            problem(f"input {name} missing")
        elif not inputs[name].get("description"):
            problem(f"input {name} has no description")
    runs = action.get("runs", {})
    if runs.get("using") != "composite":
        problem(f"runs.using is {runs.get('using')}, not composite")
    steps = runs.get("steps", [])
    ids = {s["id"] for s in steps if "id" in s}

    for name in re.findall(r"\binputs\.([A-Za-z_-]+)", text):
        if name not in inputs:
            problem(f"inputs.{name} is used but not declared")
    for name in re.findall(r"\bsteps\.([A-Za-z_-]+)\.", text):
        if name not in ids:
            problem(f"steps.{name} is used but no step has that id")
    for out in action.get("outputs", {}).values():
        if not re.fullmatch(r"\$\{\{ steps\.[a-z-]+\.outputs\.[a-z-]+ \}\}", out.get("value", "")):
            problem(f"output value {out.get('value')} is not a step output")

    uploads = [s for s in steps if "uses" in s]
    if not any(s["uses"].startswith("github/codeql-action/upload-sarif@") for s in uploads):
        problem("no github/codeql-action/upload-sarif step")
    for s in uploads:
        if s["uses"].startswith("github/codeql-action/upload-sarif@") and \
                "sarif_file" not in (s.get("with") or {}):
            problem("upload-sarif has no sarif_file")
    for s in steps:
        if "run" in s:
            if s.get("shell") != "bash":
                problem(f"step {s.get('name')}: composite run steps need shell: bash")
            if "${{" in s["run"]:
                problem(f"step {s.get('name')}: an expression inside run: (use env, it can inject)")

    # The build step: setup.sh exists, builds into build/, and the binary lands where the step
    # puts it on PATH.
    build = next((s for s in steps if "scripts/setup.sh" in s.get("run", "")), None)
    if build is None:
        problem("no step runs scripts/setup.sh")
    else:
        if not os.access(os.path.join(src, "scripts/setup.sh"), os.X_OK):
            problem("scripts/setup.sh is not executable")
        if "build/apps/ma-plan" not in build["run"] or not binary.endswith("/apps/ma-plan/ma-plan"):
            problem("the build step's PATH entry does not match where CMake puts ma-plan")
        with open(os.path.join(src, "scripts/setup.sh"), encoding="utf-8") as f:
            if "-B build" not in f.read():
                problem("scripts/setup.sh does not build into build/")
    deb = next((s for s in steps if "MA_PLAN_DEB" in (s.get("env") or {})), None)
    if deb is None or "apt-get install" not in deb.get("run", ""):
        problem("no step installs the .deb with apt-get install")

    validate = next((s for s in steps if s.get("id") == "validate"), None)
    fail = next((s for s in steps if "EXIT_CODE" in (s.get("env") or {})), None)
    if validate is None or fail is None:
        problem("no validate step (id: validate) or fail step (env EXIT_CODE)")
    else:
        check_runs(src, binary, inputs, validate, fail)

    for p in problems:
        print(f"action.yml: {p}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print("action.yml: ok")


def check_runs(src, binary, inputs, validate, fail):
    defaults = {k: str(v.get("default", "")) for k, v in inputs.items()}
    with tempfile.TemporaryDirectory(prefix="ma-plan-action-") as tmp:
        bindir = os.path.join(tmp, "bin")
        os.mkdir(bindir)
        os.symlink(binary, os.path.join(bindir, "ma-plan"))
        path_env = {"PATH": f"{bindir}:{os.environ['PATH']}"}
        for var in ("MA_PLAN_LANG", "MA_PLAN_FAIL_ON", "MA_PLAN_CONFIG", "MA_PLAN_FORMAT",
                    "GITHUB_ACTIONS"):
            os.environ.pop(var, None)
        work = os.path.join(tmp, "repo")
        os.makedirs(os.path.join(work, "plans dir"))
        with open(os.path.join(src, "tests/ci/data/findings.yaml"), encoding="utf-8") as f:
            findings = f.read()
        with open(os.path.join(work, "plans dir", "bad.yaml"), "w", encoding="utf-8") as f:
            f.write(findings)
        with open(os.path.join(src, "config-examples/ja-manufacturer.yaml"), encoding="utf-8") as f:
            good = f.read()
        with open(os.path.join(work, "good.yaml"), "w", encoding="utf-8") as f:
            f.write(good)
        with open(os.path.join(work, "ci.ma-plan.yaml"), "w", encoding="utf-8") as f:
            f.write("language: ja\n")

        # Findings: exit code 1 as an output (the step itself succeeds so SARIF is uploaded),
        # annotations on stdout, a SARIF report with results.
        values = dict(defaults, paths="bad.yaml")
        os.rename(os.path.join(work, "plans dir", "bad.yaml"), os.path.join(work, "bad.yaml"))
        done, out = run_step(validate, {**path_env, **step_env(validate, values)}, work)
        if done.returncode != 0 or out.get("exit-code") != "1":
            problem(f"validate on a plan with errors: step exit {done.returncode}, outputs {out}, "
                    f"stderr {done.stderr}")
        if "::error file=" not in done.stdout:
            problem("validate printed no GitHub annotations")
        sarif = os.path.join(work, out.get("sarif-file", "missing"))
        try:
            with open(sarif, encoding="utf-8") as f:
                if not json.load(f)["runs"][0]["results"]:
                    problem("the SARIF report has no results")
        except (OSError, ValueError, KeyError, IndexError) as e:
            problem(f"no SARIF report at {sarif}: {e}")

        # A clean plan, two paths (one with a space in a directory name), --config and --lang:
        # exit code 0, messages in Japanese.
        os.rename(os.path.join(work, "good.yaml"), os.path.join(work, "plans dir", "good.yaml"))
        values = dict(defaults, paths="plans dir/good.yaml\nplans dir\n", config="ci.ma-plan.yaml",
                      lang="ja", **{"fail-on": "warning", "sarif-file": "out/clean.sarif"})
        os.makedirs(os.path.join(work, "out"))
        done, out = run_step(validate, {**path_env, **step_env(validate, values)}, work)
        if done.returncode != 0 or out.get("exit-code") != "0":
            problem(f"validate on a clean plan: step exit {done.returncode}, outputs {out}, "
                    f"stdout {done.stdout} stderr {done.stderr}")
        if not os.path.exists(os.path.join(work, "out/clean.sarif")):
            problem("sarif-file input was not used")

        # The last step fails the job with validate's code.
        done, _ = run_step(fail, {"EXIT_CODE": "1"}, work)
        if done.returncode != 1:
            problem(f"the fail step exited {done.returncode} for EXIT_CODE=1")


main()
