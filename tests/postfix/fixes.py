"""The `fixes` row: `postfix-tls lint --fix` and `--format postconf` on the seed document's
broken snippets, judged by each real Postfix (3.5, 3.7, 3.10, 3.11), statically.

Each snippet is pasted into that version's stock files, as a reader of the wiki page would.
Postfix refuses the ones marked so (`postconf` stops: a pasted file name, an `-o` line that
continues nothing); after `--fix` it reads every one without a fatal error. And
the printed `postconf` commands, run on a copy of the broken files (after the deletions they
name for a person to do first), give the same `postconf -n` and `postconf -P` as the fixed
files. No instance is started: the values' own checks are the Rust tests' (tests/lint_fix.rs).
"""

import os
import re
import shlex
import shutil
import subprocess

import postfixes
import probes
import stock

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(os.path.dirname(HERE), "fixtures")

# The seed snippets: file, the stock file it is pasted into, and whether Postfix refuses
# the result today (seed-classic-main.cf is a policy error, port 25 requiring TLS, which
# Postfix runs as written and --fix leaves to a person).
CASES = [
    ("seed-receive-main.cf", "main.cf", True),
    ("seed-send-main.cf", "main.cf", True),
    ("seed-classic-main.cf", "main.cf", False),
    ("seed-classic-master.cf", "master.cf", True),
    ("seed-smtps-master.cf", "master.cf", True),
    ("seed-submission-master.cf", "master.cf", True),
]


def _postconf(postfix, config, *flags):
    done = postfix.run(["postconf", "-c", postfix.inner(config), *flags], timeout=60)
    return done.returncode, done.stdout, done.stderr


def _refusal(postfix, config):
    """How postconf -n, -M and -P refuse the files: exit codes and fatal errors. (Warnings,
    such as "overriding earlier entry" for a snippet pasted below the stock settings, are
    the linter's warnings too, and Postfix runs on.)"""
    said = []
    for flag in ("-n", "-M", "-P"):
        code, _, err = _postconf(postfix, config, flag)
        said += [line for line in err.splitlines() if "fatal" in line]
        if code:
            said.append(f"postconf {flag} exited {code}")
    return said


def _pasted(postfix, snippet, into):
    """A config folder in the Postfix's root: its stock files with the snippet pasted below."""
    config = postfix.tempdir(prefix="fixes-")
    base = stock.folder(postfix.series)
    for name in ("main.cf", "master.cf"):
        shutil.copy(os.path.join(base, name), os.path.join(config, name))
    with open(os.path.join(FIXTURES, snippet), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(config, into), "a", encoding="utf-8") as f:
        f.write(text)
    return config


def _by_hand(config, commands):
    """Does what the comments ask a person to do before the commands: delete a line of
    main.cf, or a master.cf entry with its continuation lines; from the last line up."""
    wanted = {"main.cf": [], "master.cf": []}
    for line in commands.splitlines():
        m = re.match(r"# by hand first .*: delete (the entry at )?line (\d+) of (main|master)\.cf",
                     line)
        if m:
            wanted[f"{m.group(3)}.cf"].append((int(m.group(2)), bool(m.group(1))))
    for name, deletions in wanted.items():
        path = os.path.join(config, name)
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines(keepends=True)
        for number, entry in sorted(deletions, reverse=True):
            end = number
            while entry and end < len(lines) and lines[end][:1] in (" ", "\t", "#", "\n"):
                end += 1
            del lines[number - 1:end]
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(lines))


def _case(generator, postfix, snippet, into, refused_today):
    series = postfix.series
    label = f"fixes {series}: {snippet}"
    found = []
    fixed = _pasted(postfix, snippet, into)
    applied = _pasted(postfix, snippet, into)
    try:
        files = [os.path.join(fixed, "main.cf"), os.path.join(fixed, "master.cf")]
        before = _refusal(postfix, fixed)
        found.append(probes.Check(f"{label}: postconf refuses it today" if refused_today
                                  else f"{label}: postconf reads it today",
                                  bool(before) == refused_today, "; ".join(before)))
        commands = subprocess.run(
            [generator, "lint", "--postfix-version", series, "--format", "postconf", *files],
            capture_output=True, text=True, timeout=60).stdout
        done = subprocess.run(
            [generator, "lint", "--postfix-version", series, "--fix", "--no-backup", *files],
            capture_output=True, text=True, timeout=60)
        after = _refusal(postfix, fixed)
        found.append(probes.Check(f"{label}: postconf reads the fixed files",
                                  done.returncode in (0, 1) and not after,
                                  "; ".join(after) or done.stderr.strip()))
        _by_hand(applied, commands)
        failed = []
        for line in commands.splitlines():
            if not line.startswith("postconf "):
                continue
            args = shlex.split(line)
            code, _, err = _postconf(postfix, applied, *args[1:])
            if code:
                failed.append(f"{line}: {err.strip()}")
        def settings(config, flag):
            # `postconf -c` may name the folder as config_directory (the roots' postconf
            # does so for one folder and not another): the one difference wanted.
            return [line for line in _postconf(postfix, config, flag)[1].splitlines()
                    if not line.startswith("config_directory =")]

        same = all(settings(fixed, flag) == settings(applied, flag) for flag in ("-n", "-P"))
        found.append(probes.Check(
            f"{label}: the printed postconf commands give the fixed files' postconf -n and -P",
            same and not failed and (commands.strip() != "" or not refused_today),
            "; ".join(failed) or f"commands:\n{commands}"))
    finally:
        shutil.rmtree(fixed, ignore_errors=True)
        shutil.rmtree(applied, ignore_errors=True)
    return found


def checks(generator):
    """Every seed snippet on every real Postfix."""
    return [check for postfix in postfixes.ALL for snippet, into, refused in CASES
            for check in _case(generator, postfix, snippet, into, refused)]
