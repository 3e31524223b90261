"""The parameter catalogue (src/params.rs, src/params/) against each real Postfix (3.5, 3.7,
3.10, 3.11): the stored data is what the binaries print (`scripts/update-params --check`), each
version's own `postconf -d` beside its stock master.cf lints clean for that version, and what
the linter says about names (backported, renamed, per-service, misspelt) and master.cf columns
is what that version's `postconf` says.

No instance is started: `postconf -d`, `-n` and `-M` answer statically."""

import json
import os
import re
import subprocess
import sys
import tempfile

import probes
import stock

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# Names that older series received in a patch release (postconf(5)). The linter, not this
# list, says from which release; this only names what to ask it about.
BACKPORTED = {
    "tls_config_file": "none",
    "tls_config_name": "postfix",
    "smtpd_forbid_unauth_pipelining": "yes",
    "smtpd_forbid_bare_newline": "yes",
}

# Old names that newer versions still read through the new name's default.
RENAMED = {
    "postscreen_dnsbl_ttl": "1h",
    "postscreen_blacklist_action": "drop",
    "postscreen_whitelist_interfaces": "static:all",
}


def stock_master_cf(postfix):
    return os.path.join(stock.folder(postfix.series), "master.cf")


def installed_names(postfix):
    """`postconf -d` with an empty master.cf: without the per-service names (`bsmtp_...`)
    that the installed master.cf's services would add."""
    with postfix.config_dir() as config:
        out = postfix.run(["postconf", "-c", config, "-d"], check=True).stdout
    return {m.group(1) for m in re.finditer(r"^(\S+) =", out, re.M)}


def postconf_d_with_stock_master(postfix):
    """Everything `postconf -d` prints beside the stock master.cf, per-service names included."""
    with open(stock_master_cf(postfix), encoding="utf-8") as f:
        master = f.read()
    with postfix.config_dir(master_cf=master) as config:
        return postfix.run(["postconf", "-c", config, "-d"], check=True).stdout


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


def unused_warnings(postfix, text):
    """What `postconf -n` warns about a main.cf holding just these lines."""
    with postfix.config_dir(main_cf=text) as config:
        done = postfix.run(["postconf", "-c", config, "-n"], timeout=30)
    return [line for line in done.stderr.splitlines() if "warning" in line]


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


def unused_names(postfix, main_cf, master_cf):
    """The names `postconf -n` calls "unused parameter" in this main.cf beside this master.cf."""
    with open(master_cf, encoding="utf-8") as f:
        master = f.read()
    with postfix.config_dir(main_cf=main_cf, master_cf=master) as config:
        done = postfix.run(["postconf", "-c", config, "-n"], timeout=30)
    return set(re.findall(r"unused parameter: ([^=\s]+)=", done.stderr))


def unknown_to_linter(generator, series, main_cf, master_cf):
    return {re.search(r"`([^`]+)`", d["message"]).group(1)
            for d in lint_files(generator, series, main_cf, master_cf)
            if d["id"] == "unknown_parameter"}


def refuses_service_line(postfix, line):
    with postfix.config_dir(master_cf=line + "\n") as config:
        done = postfix.run(["postconf", "-c", config, "-M"], timeout=30)
    return done.returncode != 0 or "fatal" in done.stderr, done.stderr.strip()


def lint_files(generator, series, main_cf, master_cf_path):
    """What `postfix-tls lint` says about this main.cf beside a master.cf file."""
    with tempfile.TemporaryDirectory() as work:
        main_path = os.path.join(work, "main.cf")
        with open(main_path, "w", encoding="utf-8") as f:
            f.write(main_cf)
        out = subprocess.run([generator, "lint", "--postfix-version", series, "--format",
                              "json", main_path, master_cf_path], capture_output=True, text=True,
                             timeout=60).stdout
    return json.loads(out)


def stored_data_check():
    """src/params/ and the stock master.cf fixtures are what the four binaries print."""
    done = subprocess.run([sys.executable, os.path.join(REPO, "scripts", "update-params"),
                           "--check"], capture_output=True, text=True, timeout=600)
    return probes.Check("catalogue: src/params/ is what the four binaries print "
                        "(scripts/update-params --check)", done.returncode == 0,
                        (done.stdout + done.stderr).strip()[-800:])


def checks(generator, postfix, mail_version):
    """The catalogue's checks for one real Postfix (`mail_version` for example 3.7.11)."""
    found = []
    names = installed_names(postfix)
    installed = release(mail_version)
    series = postfix.series
    said = [d for d in lint_files(generator, series, postconf_d_with_stock_master(postfix),
                                  stock_master_cf(postfix))
            if d["severity"] == "error" or d["id"] == "unknown_parameter"]
    found.append(probes.Check(
        f"catalogue {series}: its own postconf -d beside its stock master.cf lints clean",
        not said, "; ".join(f"{d['id']}: {d['message']}" for d in said[:8])))
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
            f"catalogue {series}: {name} in Postfix {mail_version} as the linter says",
            known == claimed_known,
            f"{why}; postconf -d {'lists' if known else 'does not list'} it"))
        if known:
            warned = [w for w in unused_warnings(postfix, text) if "unused parameter" in w]
            found.append(probes.Check(f"catalogue {series}: Postfix {mail_version} uses {name}",
                                      not warned, "; ".join(warned)))
    for name, value in RENAMED.items():
        text = f"{name} = {value}\n"
        warned = unused_warnings(postfix, text)
        unused = any("unused parameter" in w for w in warned)
        ids = {d["id"] for d in lint(generator, series, text)}
        linter_unknown = bool(ids & {"unknown_parameter", "parameter_not_in_version"})
        found.append(probes.Check(
            f"catalogue {series}: {name} {'unused' if unused else 'read'} by Postfix "
            f"{mail_version}, as the linter says", unused == linter_unknown,
            f"postconf: {warned}; linter: {sorted(ids)}"))
    unused = unused_names(postfix, NAMES_MAIN_CF, stock_master_cf(postfix))
    unknown = unknown_to_linter(generator, series, NAMES_MAIN_CF, stock_master_cf(postfix))
    found.append(probes.Check(
        f"catalogue {series}: the linter's unknown parameters are postconf -n's unused ones",
        unused == unknown and len(unused) >= 3,
        f"postconf: {sorted(unused)}; linter: {sorted(unknown)}"))
    for line in SERVICE_LINES:
        refused, said = refuses_service_line(postfix, line)
        flagged = [d["message"] for d in lint(generator, series, line + "\n", "master")
                   if d["id"] == "malformed_line"]
        found.append(probes.Check(
            f"catalogue {series}: `{line}` {'refused' if refused else 'taken'} by postconf -M, "
            "as the linter says", refused == bool(flagged), f"postconf: {said}; linter: {flagged}"))
    return found


def postconf_d_defaults(postfix):
    """`name -> default` of `postconf -d` with an empty configuration."""
    with postfix.config_dir() as config:
        out = postfix.run(["postconf", "-c", config, "-d"], check=True).stdout
    return dict(re.findall(r"^(\S+) = ?(.*)$", out, re.M))


def reference_checks(generator, postfix, mail_version):
    """The reference's default of each entry for this series (`postfix-tls explain --list`) is
    what this real binary's `postconf -d` prints, and an entry this series lacks is one that
    `postconf -d` does not list. Machine-dependent defaults (`mynetworks`) are left out."""
    series = postfix.series
    done = subprocess.run([generator, "explain", "--list", "--postfix-version", series,
                           "--format", "json"], capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        return [probes.Check(f"reference {series}: explain --list", False, done.stderr[-400:])]
    listed = json.loads(done.stdout)
    actual = postconf_d_defaults(postfix)
    wrong, compared, machine = [], 0, []
    for row in listed:
        name, said = row["name"], row["default"]
        if row["basis"] not in ("measured", "absent"):
            wrong.append(f"{name}: {row['basis']} (a measured series must be measured)")
        elif said == "(machine)":
            machine.append(name)
        elif said != actual.get(name):
            wrong.append(f"{name}: reference {said!r}, postconf -d {actual.get(name)!r}")
        else:
            compared += 1
    return [probes.Check(
        f"reference {series}: the default of each of {len(listed)} entries is what "
        f"postconf -d of Postfix {mail_version} prints ({len(machine)} machine-dependent "
        "left out)", not wrong and compared > 200, "; ".join(wrong[:8]))]
