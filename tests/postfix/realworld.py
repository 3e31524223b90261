"""The real-world configurations of tests/realworld/ against each real Postfix (3.5, 3.7, 3.10,
3.11), statically: that version's `postconf` reads each, the names it calls "unused parameter"
are exactly the ones the linter calls unknown or too new for that series (but for the catalogue gaps listed here),
and the linter judges `postconf -n` plus `postconf -P` of a configuration as it judges the
files (`postconf -M` instead where a service line has no command, which -P cannot show):
Postfix's own reading of master.cf and the linter's agree. Each is also opened in the
generator for that version (`generate --from`) and its output applied to the files
(`--merge-with`), as the page's "Open in the generator" shows them: that Postfix reads the
merged pair, calls no name unused that the original did not have (but those the list of what
was not carried over names), lists one inet service per port, and the linter finds no error
kind the original did not have.

This row starts no instance; the `rw-*` cases do (realworld_instance.py: each configuration
in the Postfix of its version, `TARGETS`, with what it names stood in). The Rust test
tests/lint_realworld.rs holds the linter to each one's exact errors."""

import collections
import json
import os
import re
import shutil
import subprocess

import postfixes
import probes
import stock

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
REALWORLD = os.path.join(REPO, "tests", "realworld")
STOCK = os.path.join(REPO, "tests", "fixtures", "debian-stock")

# The Postfix each configuration is started in (realworld_instance.py): the series it was
# written for (SOURCES.md, "Postfix targeted"), or the nearest the suite has (stretch's 3.1 and
# buster's 3.4 in 3.5, Ubuntu 22.04's 3.6 in 3.7). A configuration for no particular release
# would name all four.
TARGETS = {
    "bertvv-mailserver": ("3.5",),
    "billionmail": ("3.7",),
    "bokysan-postfix": ("3.10",),
    "canonical-postfix-relay": ("3.7", "3.10"),
    "debian-bullseye-3.5": ("3.5",),
    "debian-sid-3.11": ("3.11",),
    "discourse-mail-receiver": ("3.7",),
    "docker-mailserver": ("3.10",),
    "emailwiz": ("3.7",),
    "filegarden-mail": ("3.11",),
    "hardware-mailserver": ("3.5",),
    "instrumentisto-mailserver": ("3.5",),
    "iredmail": ("3.7",),
    "jeboehm-mailserver": ("3.10",),
    "juanluisbaptiste-postfix": ("3.10",),
    "mail-in-a-box": ("3.7",),
    "mailcow": ("3.10",),
    "mailu": ("3.10",),
    "modoboa": ("3.7",),
    "oefenweb-ansible-postfix": ("3.7",),
    "opensuse-webstack": ("3.10",),
    "postfix-upstream-3.10": ("3.10",),
    "proxmox-mail-gateway": ("3.10",),
    "simple-mail-forwarder": ("3.5",),
    "sovereign": ("3.5",),
    "stouts-postfix": ("3.5",),
    "yunohost": ("3.7",),
}


def started_cases():
    """(case name, folder, main.cf, master.cf, series) of each configuration started in the
    real Postfix of its version: `rw-FOLDER`, or `rw-FOLDER-SERIES` for several. A file the
    project does not ship (its main.cf is written by scripts) is that version's Debian stock
    file: Postfix cannot run an empty main.cf (with no compatibility_level, smtpd stops: "specify
    at least one working instance of: reject_unauth_destination, ..."), and the linter is given
    the same pair."""
    found = []
    for name, main, master in configs():
        series = TARGETS[name]
        folder = os.path.join(REALWORLD, name)
        for one in series:
            case = f"rw-{name}" if len(series) == 1 else f"rw-{name}-{one}"
            main_cf, master_cf = (os.path.join(folder, f) if os.path.exists(
                os.path.join(folder, f)) else os.path.join(stock.folder(one), f)
                                  for f in ("main.cf", "master.cf"))
            found.append((case, name, main_cf, master_cf, one))
    return found


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
            code_m, services, said_m = _postconf(postfix, config, "-M")
            code_p, overrides, said_p = _postconf(postfix, config, "-P")
            files = [main_copy, os.path.join(config, "master.cf")]
            linted = _lint(generator, series, files)
            # `postconf -P` lists the overrides of each service, and its paste is read as if
            # smtpd served each inet service it names (and stock port 25): a service line
            # with an option where its command belongs (bertvv's `smtp inet n - n - - -o
            # content_filter=...`) is nothing -P can show. Postfix's whole reading of such a
            # master.cf, `postconf -M`, is judged instead, as a paste of both.
            blind = [f[0] for f in (line.split() for line in services.splitlines())
                     if len(f) > 7 and f[7].startswith("-")]
            if blind:
                postconf_read = _lint(generator, series, ["-"], None, settings + services)
            else:
                postconf_read = _lint(generator, series, ["-"], "postconf", settings + overrides)
            found += _opened_checks(generator, postfix, name, config, files, said_n, linted)
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
        listing = f"-M (-P cannot show {', '.join(blind)})" if blind else "-P"
        found.append(probes.Check(
            f"realworld {series}: {name}: postconf -n and {listing} judged as the files",
            _errors(linted) == _errors(postconf_read),
            f"files: {dict(_errors(linted))}; postconf -n/{listing}: "
            f"{dict(_errors(postconf_read))}"))
    return found


def _inet_endpoint(name):
    """The port an inet service name stands for, as Postfix's master resolves it."""
    host, _, port = name.rpartition(":")
    port = {"smtp": "25", "submission": "587", "submissions": "465", "smtps": "465",
            "ssmtp": "465"}.get(port, port)
    return f"{host.strip('[]').lower()}:{port}"


def _opened_checks(generator, postfix, name, config, files, said_n, linted):
    """The configuration opened in the generator and the output merged into its files, read by
    the same Postfix."""
    series = postfix.series
    opened = subprocess.run([generator, "generate", "--postfix-version", series]
                            + [arg for f in files for arg in ("--from", f)],
                            capture_output=True, text=True, timeout=60)
    merged_dir = postfix.tempdir(prefix="opened-")
    try:
        options = os.path.join(merged_dir, "options.json")
        with open(options, "w", encoding="utf-8") as f:
            f.write(opened.stdout)
        merged_files = []
        for original in files:
            merged = subprocess.run([generator, "generate", "--options", options,
                                     "--merge-with", original],
                                    capture_output=True, text=True, timeout=60)
            target = os.path.join(merged_dir, os.path.basename(original))
            with open(target, "w", encoding="utf-8") as f:
                f.write(merged.stdout)
            merged_files.append(target)
        code_n, _, merged_n = _postconf(postfix, merged_dir, "-n")
        code_m, services, merged_m = _postconf(postfix, merged_dir, "-M")
        merged_lint = _lint(generator, series, merged_files)
    finally:
        shutil.rmtree(merged_dir, ignore_errors=True)
    what = f"realworld {series}: {name}: opened in the generator and merged"
    fatal = [line for line in (merged_n + merged_m).splitlines() if "fatal" in line]
    unused_before = set(re.findall(r"unused parameter: ([^=\s]+)=", said_n))
    unused_after = set(re.findall(r"unused parameter: ([^=\s]+)=", merged_n))
    # A replaced override can leave a name of the configuration's own unused: the list of what
    # was not carried over says which.
    said = {name for listed in re.findall(r"then `(.+?)` in main\.cf is used nowhere", opened.stderr)
            for name in listed.split("`, `")}
    ports = collections.Counter(_inet_endpoint(line.split()[0]) for line in services.splitlines()
                                if len(line.split()) > 1 and line.split()[1] == "inet")
    twice = sorted(port for port, n in ports.items() if n > 1)
    new_errors = set(_errors(merged_lint)) - set(_errors(linted))
    return [
        probes.Check(f"{what}: options read", opened.returncode == 0 and opened.stdout.startswith("{"),
                     opened.stderr[-300:]),
        probes.Check(f"{what}: postconf -n and -M read the merged pair",
                     not (code_n or code_m or fatal), "; ".join(fatal)),
        probes.Check(f"{what}: no new unused parameter but those the list names",
                     unused_after <= unused_before | said,
                     f"new: {sorted(unused_after - unused_before)}; named: {sorted(said)}"),
        probes.Check(f"{what}: one inet service per port", not twice, f"twice: {twice}"),
        probes.Check(f"{what}: no new kind of error", not new_errors,
                     f"new: {sorted(new_errors)}"),
    ]
