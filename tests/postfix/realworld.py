"""The real-world configurations of tests/realworld/ against each real Postfix (3.5, 3.7, 3.10,
3.11), statically: that version's `postconf` reads each, the names it calls "unused parameter"
are exactly the ones the linter calls unknown or too new for that series (but for the catalogue gaps listed here),
and the linter judges `postconf -n` plus `postconf -P` of a configuration as it judges the
files: Postfix's own reading of master.cf and the linter's agree.

No instance is started (the configurations name SQL maps, Docker hosts and milters that are
not here); the Rust test tests/lint_realworld.rs holds the linter to each one's exact errors."""

import collections
import json
import os
import re
import shutil
import subprocess

import postfixes
import probes

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
REALWORLD = os.path.join(REPO, "tests", "realworld")
STOCK = os.path.join(REPO, "tests", "fixtures", "debian-stock")

# Names the linter calls unknown although the installed Postfix takes them silently: gaps of
# the parameter catalogue (src/params.rs), left to its owner. A fixed gap fails the check,
# so that it is removed here.
CATALOGUE_GAPS = {}


def configs():
    """The kept configurations: folder name and its main.cf/master.cf, a missing one replaced
    by an empty main.cf or Debian's stock master.cf (as on the host they were written for)."""
    found = []
    for name in sorted(os.listdir(REALWORLD)):
        d = os.path.join(REALWORLD, name)
        main, master = os.path.join(d, "main.cf"), os.path.join(d, "master.cf")
        if os.path.exists(main) or os.path.exists(master):
            found.append((name, main if os.path.exists(main) else None,
                          master if os.path.exists(master) else os.path.join(STOCK, "master.cf")))
    return found


def _postconf(postfix, config, *flags):
    done = postfix.run(["postconf", "-c", postfix.inner(config), *flags], timeout=60)
    return done.returncode, done.stdout, done.stderr


def _lint(generator, series, files, kind=None, text=None):
    args = [generator, "lint", "--postfix-version", series, "--format", "json"]
    if kind:
        args += ["--kind", kind]
    out = subprocess.run(args + files, capture_output=True, text=True, timeout=60,
                         input=text).stdout
    return json.loads(out)


def _named(findings, ids):
    return {re.search(r"`([^`]+)`", d["message"]).group(1) for d in findings if d["id"] in ids}


def _errors(findings):
    return collections.Counter(d["id"] for d in findings if d["severity"] == "error")


def checks(generator, mail_versions):
    """Each configuration read by each real Postfix (3.5, 3.7, 3.10, 3.11) and linted for that
    version: a configuration written for one release is also what an upgrade meets."""
    found = []
    for postfix in postfixes.ALL:
        found += _checks_on(generator, postfix, mail_versions[postfix.series])
    return found


def _checks_on(generator, postfix, mail_version):
    series = postfix.series
    found = []
    for name, main, master in configs():
        config = postfix.tempdir(prefix="realworld-")
        try:
            main_copy = os.path.join(config, "main.cf")
            if main:
                shutil.copy(main, main_copy)
            else:
                open(main_copy, "w", encoding="utf-8").close()
            shutil.copy(master, os.path.join(config, "master.cf"))
            code_n, settings, said_n = _postconf(postfix, config, "-n")
            code_m, _, said_m = _postconf(postfix, config, "-M")
            code_p, overrides, said_p = _postconf(postfix, config, "-P")
            files = [main_copy, os.path.join(config, "master.cf")]
            linted = _lint(generator, series, files)
            postconf_read = _lint(generator, series, ["-"], "postconf", settings + overrides)
        finally:
            shutil.rmtree(config, ignore_errors=True)
        fatal = [line for line in (said_n + said_m + said_p).splitlines() if "fatal" in line]
        found.append(probes.Check(f"realworld {series}: {name}: postconf -n, -M and -P of "
                                  f"{mail_version} read it",
                                  not (code_n or code_m or code_p or fatal), "; ".join(fatal)))
        unused = set(re.findall(r"unused parameter: ([^=\s]+)=", said_n))
        unknown = _named(linted, {"unknown_parameter", "parameter_not_in_version"})
        gaps = CATALOGUE_GAPS.get(name, set())
        found.append(probes.Check(
            f"realworld {series}: {name}: the linter's unknown names are postconf's unused ones",
            unused == unknown - gaps and gaps <= unknown,
            f"postconf: {sorted(unused)}; linter: {sorted(unknown)}; known gaps: {sorted(gaps)}"))
        found.append(probes.Check(
            f"realworld {series}: {name}: postconf -n and -P judged as the files",
            _errors(linted) == _errors(postconf_read),
            f"files: {dict(_errors(linted))}; postconf -n/-P: {dict(_errors(postconf_read))}"))
    return found
