"""The parameter catalogue (src/params.rs) against the installed Postfix: the names its
`postconf -d` lists, and what the linter says about names older releases of a series lack.

No instance is started: `postconf -d` and `postconf -c DIR -n` answer statically."""

import json
import os
import re
import shutil
import subprocess
import tempfile

import probes

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
STORED_LIST = os.path.join(REPO, "src", "params", "postfix-3.7.txt")
STORED_SERIES = "3.7"

# Names that older series received in a patch release (src/params.rs BACKPORTS). The linter,
# not this list, says from which release; this only names what to ask it about.
BACKPORTED = {
    "tls_config_file": "none",
    "tls_config_name": "postfix",
    "tls_fast_shutdown_enable": "yes",
}


def installed_names():
    """`postconf -d` with an empty master.cf: without the per-service names (`bsmtp_...`)
    that the installed master.cf's services would add."""
    with tempfile.TemporaryDirectory() as config:
        for file in ("main.cf", "master.cf"):
            open(os.path.join(config, file), "w", encoding="utf-8").close()
        out = subprocess.run(["postconf", "-c", config, "-d"], capture_output=True, text=True,
                             timeout=60, check=True).stdout
    return {m.group(1) for m in re.finditer(r"^(\S+) =", out, re.M)}


def release(text):
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def lint(generator, series, text, kind="main"):
    """What `postfix-tls lint` says about a main.cf (or, with kind="master", a master.cf)."""
    with tempfile.NamedTemporaryFile("w", suffix=".cf", delete=False) as f:
        f.write(text)
    try:
        out = subprocess.run([generator, "lint", "--postfix-version", series, "--kind", kind,
                              "--format", "json", f.name], capture_output=True, text=True,
                             timeout=30).stdout
        return json.loads(out)
    finally:
        os.unlink(f.name)


def unused_warnings(text):
    """What `postconf -n` says about a main.cf holding just these lines."""
    with tempfile.TemporaryDirectory() as config:
        with open(os.path.join(config, "main.cf"), "w", encoding="utf-8") as f:
            f.write(text)
        done = subprocess.run(["postconf", "-c", config, "-n"], capture_output=True, text=True,
                              timeout=30)
        return [line for line in done.stderr.splitlines() if "unused parameter" in line]


# Service lines whose columns Postfix may refuse (`postconf -M`: "invalid chroot field").
SERVICE_LINES = [
    "smtp inet n - y - - smtpd",
    "pickup unix n - y 60? 1 pickup",
    "smtp inet - - - - 0 smtpd",
    "smtp inet n - yes - - smtpd",
    "smtp inet n - Y - - smtpd",
    "smtp inet no - y - - smtpd",
    "smtp inet n x y - - smtpd",
    "smtp inet n - y -1 - smtpd",
    "smtp inet n - y - unlimited smtpd",
]


# Names `postconf -n` may call "unused parameter", next to the stock 3.7 master.cf: per-service
# names of services it has and has not, misspellings, restriction classes nothing uses.
NAMES_MAIN_CF = """\
relay_destination_concurrency_limit = 5
smtp_destination_rate_delay = 1s
submission_destination_rate_delay = 1s
lmtp_tls_security_level = may
smtpd_tls_securty_level = may
mua_client_restrictions = permit_sasl_authenticated, reject
dovecot_destination_recipient_limit = 1
virtual_destination_concurrency_limit = 2
smtp_tls_CApath = /etc/ssl/certs
default_transport_rate_delay = 1s
smtp_tls_note_starttls_offer = yes
"""
STOCK_MASTER_CF = os.path.join(REPO, "tests", "fixtures", "stock-3.7-master.cf")


def unused_names(main_cf, master_cf):
    """The names `postconf -n` calls "unused parameter" in this main.cf beside this master.cf."""
    with tempfile.TemporaryDirectory() as config:
        with open(os.path.join(config, "main.cf"), "w", encoding="utf-8") as f:
            f.write(main_cf)
        shutil.copy(master_cf, os.path.join(config, "master.cf"))
        done = subprocess.run(["postconf", "-c", config, "-n"], capture_output=True, text=True,
                              timeout=30)
    return set(re.findall(r"unused parameter: ([^=\s]+)=", done.stderr))


def unknown_to_linter(generator, series, main_cf, master_cf):
    with tempfile.TemporaryDirectory() as work:
        main_path = os.path.join(work, "main.cf")
        with open(main_path, "w", encoding="utf-8") as f:
            f.write(main_cf)
        out = subprocess.run([generator, "lint", "--postfix-version", series, "--format",
                              "json", main_path, master_cf], capture_output=True, text=True,
                             timeout=30).stdout
    return {re.search(r"`([^`]+)`", d["message"]).group(1) for d in json.loads(out)
            if d["id"] == "unknown_parameter"}


def refuses_service_line(line):
    with tempfile.TemporaryDirectory() as config:
        open(os.path.join(config, "main.cf"), "w", encoding="utf-8").close()
        with open(os.path.join(config, "master.cf"), "w", encoding="utf-8") as f:
            f.write(line + "\n")
        done = subprocess.run(["postconf", "-c", config, "-M"], capture_output=True, text=True,
                              timeout=30)
        return done.returncode != 0 or "fatal" in done.stderr, done.stderr.strip()


def checks(generator, mail_version):
    """The catalogue's checks for the installed Postfix `mail_version` (for example 3.7.11)."""
    found = []
    names = installed_names()
    installed = release(mail_version)
    series = ".".join(str(n) for n in installed[:2])
    if series == STORED_SERIES:
        with open(STORED_LIST, encoding="utf-8") as f:
            stored = {line.strip() for line in f if line.strip()}
        missing, extra = sorted(names - stored), sorted(stored - names)
        found.append(probes.Check(
            f"catalogue: the stored {STORED_SERIES} name list is `postconf -d` of {mail_version}",
            not missing and not extra,
            f"not stored: {missing[:10]}; not in postconf -d: {extra[:10]}"))
    for name, value in BACKPORTED.items():
        text = f"{name} = {value}\n"
        said = lint(generator, series, text)
        ids = {d["id"] for d in said}
        hint = next((d for d in said if d["id"] == "parameter_needs_patch_release"), None)
        if ids & {"unknown_parameter", "parameter_not_in_version"}:
            claimed_known = False
            why = f"the linter says {series} lacks it"
        elif hint:
            first = release(re.search(r"Postfix (\d+\.\d+\.\d+)", hint["message"]).group(1))
            claimed_known = installed >= first
            why = f"the linter says {series} has it from {'.'.join(map(str, first))}"
        else:
            claimed_known = True
            why = f"the linter says every {series} release has it"
        known = name in names
        found.append(probes.Check(
            f"catalogue: {name} in Postfix {mail_version} as the linter says", known == claimed_known,
            f"{why}; postconf -d {'lists' if known else 'does not list'} it"))
        if known:
            warned = unused_warnings(text)
            found.append(probes.Check(f"catalogue: Postfix {mail_version} uses {name}",
                                      not warned, "; ".join(warned)))
    if series == STORED_SERIES:
        unused = unused_names(NAMES_MAIN_CF, STOCK_MASTER_CF)
        unknown = unknown_to_linter(generator, series, NAMES_MAIN_CF, STOCK_MASTER_CF)
        found.append(probes.Check(
            "catalogue: the linter's unknown parameters are postconf -n's unused ones",
            unused == unknown and len(unused) >= 3,
            f"postconf: {sorted(unused)}; linter: {sorted(unknown)}"))
    for line in SERVICE_LINES:
        refused, said = refuses_service_line(line)
        flagged = [d["message"] for d in lint(generator, series, line + "\n", "master")
                   if d["id"] == "malformed_line"]
        found.append(probes.Check(
            f"catalogue: `{line}` {'refused' if refused else 'taken'} by postconf -M, as the "
            "linter says", refused == bool(flagged), f"postconf: {said}; linter: {flagged}"))
    return found
