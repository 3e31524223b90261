#!/usr/bin/env python3
"""Proves generated Postfix TLS configurations against real Postfix: this machine's own 3.7 and
the Debian roots of 3.5, 3.10 and 3.11 (postfixes.py).

For each case of the pairwise matrix (matrix.py), the generator renders main.cf and master.cf
snippets for the case's Postfix version; a private Postfix instance of that version
(instance.py, inside the version's root) runs them on loopback ports; the static
checks, the startup log and the runtime probes (probes.py) judge the result. Two hand-written
self-test cases prove the harness itself: `selftest-good` must pass every check and
`selftest-broken` must fail every stage.

    python3 tests/postfix/run.py            # everything; exit 1 on any failure
    python3 tests/postfix/run.py --list     # the cases and their options
    python3 tests/postfix/run.py --only c07 --keep   # one case, instance kept for inspection

Needs root (it starts Postfix), the Debian packages that scripts/install-postfix.sh installs and
the Debian roots that scripts/postfix-roots.sh builds (both called when something is missing).
See tests/postfix/README.md.
"""

import argparse
import atexit
import fcntl
import json
import os
import queue
import re
import shutil
import signal
import smtplib
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import catalogue  # noqa: E402
import postfixes  # noqa: E402
import realworld  # noqa: E402
import fixes  # noqa: E402
import realworld_instance  # noqa: E402
import versions  # noqa: E402
import commands  # noqa: E402
import instance  # noqa: E402
import matrix  # noqa: E402
import merged_lint  # noqa: E402
import pki  # noqa: E402
import probes  # noqa: E402
import stock_files  # noqa: E402
import verify_script  # noqa: E402

REPO = instance.REPO
GENERATOR = os.path.join(REPO, "target", "debug", "postfix-tls")
# The worker slots, the test PKI and how many slots there are, for rows that start instances.
SLOTS, TEST_PKI, JOBS = None, None, 1
SELFTEST = os.path.join(HERE, "selftest")
BUILD_TIMEOUT = 900
GENERATE_TIMEOUT = 30
OUTBOUND_TIMEOUT = 20

# The lowest protocol each profile accepts (src/options.rs Profile; the same floor on every
# version: 3.5 says it with `!` exclusions).
PROFILE_FLOOR = {
    "postfix-default": "TLSv1",
    "intermediate": "TLSv1.2",
    "modern": "TLSv1.3",
    "scanner-clean": "TLSv1.2",
}

# Log lines our own probes cause on purpose; they are not findings. Each pattern names the
# probe that causes it.
EXPECTED_LOG_NOISE = [
    # probes.submission: the deliberately wrong password
    "SASL PLAIN authentication failed",
    "SASL LOGIN authentication failed",
    "SASL authentication failure: Password verification failed",
    # cleanup compares a new queue file's time stamp with the clock; on a loaded machine the
    # two can differ by a second (seen with 3.11.7 while the whole suite ran). It is about the
    # host's clock and file system, not about any configuration.
    "warning: file system clock is",
    "warning: resetting file time stamps - this hurts performance",
]
# probes.protocol_floor / scanner_clean_ciphers: versions and suites that must be refused. The
# error code and function name differ by OpenSSL (3.x `error:0A000102:SSL routines::`, 1.1.1
# `error:1417A0C1:SSL routines:tls_post_process_client_hello:`); the reason is the same.
EXPECTED_TLS_REFUSALS = ["unsupported protocol", "no shared cipher", "bad key share",
                         "no suitable signature algorithm"]
_TLS_REFUSAL = re.compile(r"TLS library problem: error:[0-9A-F]{8}:SSL routines:[a-z_]*:("
                          + "|".join(EXPECTED_TLS_REFUSALS) + r"):")


def expected_noise(line, noise):
    return any(n in line for n in noise) or _TLS_REFUSAL.search(line) is not None


# With `dane`, smtp_dns_support_level = dnssec makes the SMTP client probe the resolver; this
# machine has no validating resolver (no network), so Postfix says so. A real host without
# one would log the same: the generator's diagnostics must tell the user, the log cannot.
DANE_ENVIRONMENT_NOISE = [
    "warning: DNSSEC validation may be unavailable",
    "warning: reason: dnssec_probe 'ns:.' received a response that is not DNSSEC validated",
]


class Replace(NamedTuple):
    """A text of the good self-test's main.cf or master.cf replaced; a linter error about it
    names `named`."""
    file: str
    old: str
    new: str
    named: str


# Hand edits whose fate the linter claims: each is the self-test's good config with settings
# of main.cf changed (a dict) or texts replaced (one Replace or a tuple of them), and True when Postfix must refuse it (the
# linter must then report an error naming the change) or False when Postfix must run it (the
# linter must report none).
VALUE_CASES = {
    # Postfix compares the SASL implementation name exactly: the SASL services stop.
    "value-sasl-type-capitalised": ({"smtpd_sasl_type": "Dovecot"}, True),
    "value-sasl-options-any-case": ({"smtpd_sasl_security_options": "NoAnonymous"}, False),
    "value-level-any-case": ({"smtpd_tls_security_level": "MAY"}, False),
    # A protocol number works as a bound (3.6+) but not as an exclusion: TLS is disabled.
    "value-protocol-number-bound": ({"smtpd_tls_protocols": ">=0301"}, False),
    "value-protocol-number-excluded": ({"smtpd_tls_protocols": "!0x0301"}, True),
    # `#` starts a comment only at the start of a line: "fatal: Invalid TLS level".
    "value-comment-after-value": ({"smtpd_tls_security_level": "may # optional"}, True),
    # A space in an `-o` value: smtpd stops ("unexpected command-line argument: reject").
    "value-override-with-space": (Replace("master.cf", "permit_sasl_authenticated,reject",
                                          "permit_sasl_authenticated, reject", "reject"), True),
    # The key must come first: "error loading chain from fullchain.pem: key not first".
    "value-chain-files-certificate-first": (Replace(
        "main.cf",
        "mail.example.test/privkey.pem,\n    /etc/letsencrypt/live/mail.example.test/fullchain.pem",
        "mail.example.test/fullchain.pem,\n    /etc/letsencrypt/live/mail.example.test/privkey.pem",
        "smtpd_tls_chain_files"), True),
    # A `$name` in an `-o` value, defined in main.cf (mailcow's master.cf): Postfix expands
    # it, and the probes' TLS 1.2 floor on 587 and 465 shows the expanded value took effect.
    "value-override-reference": ((
        Replace("main.cf", "smtpd_tls_loglevel = 1\n",
                "smtpd_tls_loglevel = 1\nsubmission_tls_floor = >=TLSv1.2\n",
                "submission_tls_floor"),
        Replace("master.cf", "smtpd_tls_mandatory_protocols=>=TLSv1.2",
                "smtpd_tls_mandatory_protocols=$submission_tls_floor",
                "smtpd_tls_mandatory_protocols")), False),
    # Postfix splits protocol lists at `:` as at commas and spaces (tls_misc.c): TLS stays on
    # and the probes' TLSv1 floor on port 25 holds.
    "value-protocols-colon-separated": ({"smtpd_tls_protocols": "!SSLv2:!SSLv3"}, False),
    # Backported to 3.5.24, 3.6.14, 3.7.10 and 3.8.5 (Mail-in-a-Box sets it): smtpd runs.
    "value-bare-newline-normalize": ({"smtpd_forbid_bare_newline": "normalize"}, False),
    # Key and chain swapped in the legacy parameters: "cannot get RSA certificate from file".
    "value-certificate-key-swapped": (Replace(
        "main.cf",
        "smtpd_tls_cert_file =\nsmtpd_tls_key_file =\n",
        "smtpd_tls_cert_file = /etc/letsencrypt/live/mail.example.test/privkey.pem\n"
        "smtpd_tls_key_file = /etc/letsencrypt/live/mail.example.test/fullchain.pem\n"
        "smtpd_tls_chain_files =\n",
        "smtpd_tls_cert_file"), True),
}


# Version cases whose choices make Postfix warn on purpose: the log text, and the generator
# diagnostic that must have said so. The warning (and its "See ..." line) is then not a
# problem, but the case fails unless both appear.
EXPECTED_WARNINGS = {
    "v3.11-password-map": ("hash/btree support is deprecated", "NON_BERKELEYDB_README",
                           "berkeley_db_table"),
}
# The options of a version case that differ from the matrix's (matrix.options).
VERSION_CASE_TABLE = {"v3.11-password-map": "hash"}


def _flagged_by(change):
    """The texts one of which a linter error about this change names."""
    if isinstance(change, dict):
        return list(change)
    if isinstance(change, tuple) and not isinstance(change, Replace):
        return [c.named for c in change]
    return [change.named]


class Result:
    def __init__(self, name, series="-"):
        self.name = name
        self.series = series
        self.seconds = 0.0
        self.static = "-"
        self.started = "-"
        self.checks = []
        self.problems = []
        self.notes = []
        # What a case did (a real-world case's rewrites, services, log): printed with
        # --verbose or when the case fails.
        self.details = []
        self.expect_failure = False
        # A value case Postfix must refuse: it passes when Postfix did and the linter said so.
        self.expect_refusal = False
        self.linter_flagged = False
        # A real-world case: Postfix may refuse it; its checks say whether the linter agreed.
        self.refusal_judged = False

    @property
    def passed_checks(self):
        return sum(1 for c in self.checks if c.ok)

    def all_ok(self):
        return (self.static == "ok" and self.started == "ok" and not self.problems
                and all(c.ok for c in self.checks))

    def passed(self):
        if self.refusal_judged:
            return (self.static == "ok" and not self.problems and bool(self.checks)
                    and all(c.ok for c in self.checks))
        if self.expect_refusal:
            return not self.all_ok() and self.linter_flagged
        if self.expect_failure:
            # Every stage must have caught the deliberate breakage.
            return (self.static == "FAIL" and self.started == "FAIL"
                    and any(not c.ok for c in self.checks))
        return self.all_ok()


def claims(options):
    """What a case's options promise, as the probes will test it."""
    role = options.get("role", "public-mx")
    relay = dict({"enabled": False, "port": "submission", "auth": True},
                 **options.get("relayhost", {}))
    return {
        "port25": None if role == "null-client" else options.get("inbound", "may"),
        "submission": options.get("submission", True) and role != "null-client",
        "submissions": options.get("submissions", True) and role != "null-client",
        "sasl": options.get("sasl", "dovecot"),
        "inbound_floor": PROFILE_FLOOR[options.get("inbound_profile", "postfix-default")],
        "inbound_profile": options.get("inbound_profile", "postfix-default"),
        "submission_floor": PROFILE_FLOOR[options.get("submission_profile", "intermediate")],
        "submission_profile": options.get("submission_profile", "intermediate"),
        "ecdsa": options.get("certificate", {}).get("ecdsa", False),
        "received_header": options.get("received_header", True),
        "outbound": options.get("outbound", "may"),
        "tls_logging": options.get("tls_logging", True),
        "harden_logjam": options.get("harden_logjam", True),
        "null_client": role == "null-client",
        "relayhost": relay if relay.get("enabled") else None,
    }


def generate(options, workdir):
    path = os.path.join(workdir, "options.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(options, f, indent=2)
    result = subprocess.run([GENERATOR, "generate", "--options", path, "--format", "json"],
                            capture_output=True, text=True, timeout=GENERATE_TIMEOUT)
    if result.returncode not in (0, 1):
        raise instance.SetupError(f"generator exited {result.returncode}: {result.stderr}")
    return json.loads(result.stdout)


def run_case(name, options, snippets, slots, test_pki, work_root, keep):
    postfix = postfixes.BY_SERIES[options["postfix"]]
    result = Result(name, postfix.series)
    result.expect_failure = name == "selftest-broken"
    result.expect_refusal = VALUE_CASES.get(name, (None, False))[1]
    slot = slots.get(timeout=600)
    began = time.monotonic()
    root = tempfile.mkdtemp(prefix=f"{name}-", dir=work_root)
    # The instance lives in the Postfix's root; smtpd and master run as postfix there, so
    # they must traverse the folder.
    inst_root = postfix.tempdir(prefix=f"{name}-")
    os.chmod(inst_root, 0o755)
    inst = None
    said = set()
    try:
        if snippets is None:
            output = generate(options, root)
            errors = [d for d in output.get("diagnostics", []) if d.get("severity") == "error"]
            for d in errors:
                result.notes.append(f"generator error {d.get('id')}: {d.get('message')}")
            snippets = (output["main_cf"], output["master_cf"])
            result.checks.append(commands.equivalence(postfix, *snippets, output["postconf"]))
            result.checks.extend(version_syntax_checks(postfix, *snippets))
            result.checks.append(commands.merge_with(postfix, GENERATOR,
                                                     os.path.join(root, "options.json"),
                                                     options.get("role", "public-mx")))
            said = {d.get("id") for d in output.get("diagnostics", [])}
            generated = True
        else:
            generated = False
        inst = instance.Instance(postfix, os.path.join(inst_root, "pfx"), slot, test_pki,
                                 *snippets)
        try:
            inst.build(claims(options)["sasl"])
        except instance.SetupError as e:
            result.static = "FAIL"
            result.problems.append(f"setup: {e}")
            return result
        result.notes.extend(inst.notes)
        warnings = inst.static_check()
        result.static = "FAIL" if warnings else "ok"
        result.problems.extend(f"static: {w}" for w in warnings)
        if claims(options)["sasl"] == "dovecot":
            inst.start_dovecot_stand_in()
        if inst.relayhost:
            inst.start_relay_sink(claims(options)["relayhost"]["port"] == "submissions")
        failure = inst.start()
        if failure:
            result.started = "FAIL"
            result.problems.append(f"start: {failure}")
        elif result.expect_refusal:
            # Only whether Postfix refuses it: start each service once, then read the log
            # (the full probes would wait out their timeouts against dead services).
            touch_services(inst)
        else:
            result.checks.extend(runtime_checks(inst, claims(options), test_pki))
            result.checks.extend(outbound_checks(inst, claims(options)))
            result.checks.extend(logging_checks(inst, claims(options)))
            if generated:
                check, notes = verify_script.check(GENERATOR, os.path.join(root, "options.json"),
                                                   options, inst, test_pki)
                result.checks.append(check)
                result.notes.extend(notes)
        time.sleep(0.5)  # postlogd writes asynchronously
        noise = EXPECTED_LOG_NOISE + (
            DANE_ENVIRONMENT_NOISE if claims(options)["outbound"] == "dane" else [])
        log_problems = [line for line in inst.log_problems()
                        if not expected_noise(line, noise)]
        if name in EXPECTED_WARNINGS:
            text, see_also, diagnostic = EXPECTED_WARNINGS[name]
            warned = [line for line in log_problems if text in line]
            result.checks.append(probes.Check(
                f"Postfix warns `{text}` and the generator said so first ({diagnostic})",
                bool(warned) and diagnostic in said,
                f"{len(warned)} log lines; generator ids: {sorted(i for i in said if i)}"))
            log_problems = [line for line in log_problems
                            if text not in line and see_also not in line]
        result.problems.extend(f"log: {line}" for line in log_problems)
        if result.started != "FAIL":
            result.started = "FAIL" if log_problems else "ok"
        judge_linter(result, snippets, options, postfix.series)
        return result
    except Exception as e:  # noqa: BLE001 - one broken case must not hide the others' results
        result.problems.append(f"harness: {type(e).__name__}: {e}")
        return result
    finally:
        if inst is not None and not keep:
            inst.destroy()
        if not keep:
            shutil.rmtree(root, ignore_errors=True)
            shutil.rmtree(inst_root, ignore_errors=True)
        result.seconds = time.monotonic() - began
        slots.put(slot)


def run_realworld_case(case, slots, test_pki, keep):
    """A configuration of tests/realworld/ started in the real Postfix of its version
    (realworld_instance.py): every linter error agreed with by what the running Postfix showed,
    every refusal of Postfix matched by a linter error."""
    name, folder, main, master, series = case
    postfix = postfixes.BY_SERIES[series]
    result = Result(name, series)
    result.refusal_judged = True
    slot = slots.get(timeout=600)
    began = time.monotonic()
    inst_root = postfix.tempdir(prefix=f"{name}-")
    os.chmod(inst_root, 0o755)
    inst = realworld_instance.RealWorld(postfix, main, master, os.path.join(inst_root, "pfx"),
                                        slot, test_pki)
    try:
        errors = realworld_instance.lint(GENERATOR, series, [main, master])
        for stand_in in (f for f in (main, master) if not f.startswith(realworld.REALWORLD)):
            result.notes.append(f"not in the project, so this version's stock file: {stand_in}")
        try:
            inst.build()
        except realworld_instance.NotStarted as e:
            result.static = "FAIL"
            result.problems.append(f"not started, because {e}")
            return result
        result.static = "ok"
        result.details.extend(str(r) for r in inst.rewrites)
        failure = inst.start()
        result.started = "FAIL" if failure else "ok"
        seen = [] if failure else inst.probe()
        result.notes.extend(inst.notes)
        result.details.extend(str(s) for s in seen)
        log = inst.log()
        result.details.extend(f"log: {line}" for line in realworld_instance.log_problems(log))
        with open(master, encoding="utf-8") as f:
            master_text = f.read()
        checks, notes = realworld_instance.judge(folder, series, errors, seen, log, failure,
                                                 master_text)
        result.checks.extend(checks)
        result.notes.extend(notes)
        if failure:
            # Whether the linter predicted the refusal is what the checks above ask.
            result.started = "refused"
        return result
    except Exception as e:  # noqa: BLE001 - one broken case must not hide the others' results
        result.problems.append(f"harness: {type(e).__name__}: {e}")
        return result
    finally:
        if not keep:
            inst.destroy()
            shutil.rmtree(inst_root, ignore_errors=True)
        result.seconds = time.monotonic() - began
        slots.put(slot)


def judge_linter(result, snippets, options, series):
    """Postfix ran the merged config cleanly: our linter must not call it an error. Otherwise
    its errors are notes (did it catch what Postfix refused?); for a value case Postfix must
    refuse, one of them must be about that value."""
    found = merged_lint.errors(GENERATOR, *snippets, options.get("role", "public-mx"), series)
    if result.expect_refusal:
        changed = VALUE_CASES[result.name][0]
        result.linter_flagged = any(t in e for e in found for t in _flagged_by(changed))
        result.notes.extend(f"linter error: {e}" for e in found)
        if not result.linter_flagged:
            result.problems.append(f"the linter reports no error on {changed}, which Postfix "
                                   "refuses")
        return
    if result.all_ok():
        result.checks.append(probes.Check("linter: no error on the merged config Postfix ran",
                                          not found, "; ".join(found)[:600]))
    else:
        result.notes.extend(f"linter error on the merged config: {e}" for e in found)


PROTOCOL_PARAMETER = re.compile(r"^\s*(?:-o\s+)?(\w*_tls_(?:mandatory_)?protocols)\s*=\s*(.*)$",
                                re.M)


def version_syntax_checks(postfix, main_snippet, master_snippet):
    """Before 3.6 Postfix reads protocol lists only as `!` exclusions (`>=TLSv1.2` came in
    3.6): every generated protocol list of a 3.5 case must be in that form."""
    if postfix.series != "3.5":
        return []
    values = PROTOCOL_PARAMETER.findall(main_snippet + "\n" + master_snippet)
    if not values:
        return []
    ranged = [f"{n} = {v}" for n, v in values if re.search(r"[<>]=", v)]
    return [probes.Check("3.5: protocol lists only as `!` exclusions", not ranged,
                         "; ".join(ranged) or f"{len(values)} lists, e.g. "
                         f"{values[0][0]} = {values[0][1]}")]


def runtime_checks(inst, claim, test_pki):
    ca = test_pki.path("ca.pem")
    ctx = probes.tls_context(ca)
    checks = []

    def port_of(well_known, label):
        port = inst.ports.get(well_known)
        if port is None:
            checks.append(probes.Check(f"{label}: service present in master.cf", False,
                                       f"no inet service for port {well_known}"))
        return port

    tls_port_for_header = None
    level = claim["port25"]
    if level is not None:
        port = port_of("25", "25")
        if port is not None:
            if level == "may":
                checks.append(probes.smtp_opportunistic(port, ctx))
            elif level == "encrypt":
                checks.append(probes.smtp_required(port, ctx))
            else:
                checks.append(probes.smtp_no_tls(port))
            checks.append(probes.smtp_no_auth_in_clear(port))
            if level != "none":
                checks.extend(probes.certificates(port, True, ca, claim["ecdsa"], "25"))
                checks.extend(probes.protocol_floor(port, True, claim["inbound_floor"], "25"))
                if claim["inbound_profile"] == "scanner-clean":
                    checks.extend(probes.scanner_clean_ciphers(port, True, "25"))
                if claim["harden_logjam"]:
                    checks.append(probes.dh_strength(port, True, "25"))
                tls_port_for_header = ("25", port, False, True, None)
    for well_known, implicit, wanted in (("587", False, claim["submission"]),
                                         ("465", True, claim["submissions"])):
        if not wanted:
            continue
        port = port_of(well_known, well_known)
        if port is None:
            continue
        auth = (f"{instance.TEST_USER}@{pki.HOSTNAME}" if claim["sasl"] == "cyrus"
                else instance.TEST_USER, instance.TEST_PASSWORD)
        checks.extend(probes.submission(port, ctx, implicit, *auth))
        checks.extend(probes.certificates(port, not implicit, ca, claim["ecdsa"], well_known))
        checks.extend(probes.protocol_floor(port, not implicit, claim["submission_floor"],
                                            well_known))
        if claim["submission_profile"] == "scanner-clean":
            checks.extend(probes.scanner_clean_ciphers(port, not implicit, well_known))
        if claim["harden_logjam"]:
            checks.append(probes.dh_strength(port, not implicit, well_known))
        if tls_port_for_header is None:
            tls_port_for_header = (well_known, port, implicit, not implicit, auth)
    if tls_port_for_header is not None:
        label, port, implicit, starttls, auth = tls_port_for_header
        # 3.10+ stock submission services (and the generated ones) hide the mail client's
        # session from the Received: header, TLS details included.
        hidden = inst.service_option(label, "smtpd_hide_client_session") == "yes"
        try:
            queue_id = probes.deliver(port, ctx, implicit, starttls, auth)
            checks.append(probes.received_header(inst.queue_file(queue_id),
                                                 claim["received_header"], label, hidden))
        except (smtplib.SMTPException, OSError, ssl.SSLError) as e:
            checks.append(probes.Check(f"{label}: deliver one message over TLS", False,
                                       f"{type(e).__name__}: {e}"))
    return checks


def outbound_checks(inst, claim):
    """Hands one message for a foreign domain to the SMTP client, so that it runs with the
    generated outbound settings: delivered to the stand-in smarthost when there is a relayhost
    (over TLS, authenticated when asked), otherwise at least attempted (no DNS here)."""
    checks = []
    try:
        probes.inject(inst.inject_port)
    except (smtplib.SMTPException, OSError) as e:
        return [probes.Check("outbound: message injected", False, f"{type(e).__name__}: {e}")]
    relay = claim["relayhost"]
    if relay is None:
        line = wait_for(lambda: probes.status_line(inst.log()), OUTBOUND_TIMEOUT)
        checks.append(probes.Check("outbound: SMTP client ran (a status= line)", bool(line),
                                   line or f"no smtp status line after {OUTBOUND_TIMEOUT}s"))
        return checks
    if not relay["enabled"] or inst.sink is None:
        return [probes.Check("relayhost: set in main.cf", False, "no relayhost generated")]
    if claim["outbound"] == "secure":
        # `secure` matches the certificate against the nexthop, here the stand-in's
        # [127.0.0.1] (the test certificate also names DNS:127.0.0.1 for `verify`). Postfix 3.5
        # with OpenSSL 1.1.1 matches that name and delivers; 3.7 and later refuse it ("hostname
        # mismatch"). Either way the chain verified against smtp_tls_CAfile; then a certificate
        # of no trusted CA must get nothing.
        line = wait_for(lambda: probes.status_line(inst.log()), OUTBOUND_TIMEOUT)
        log = inst.log()
        refused_name_only = ("hostname mismatch" in log and "status=deferred" in line
                             and "unable to get local issuer" not in log
                             and not inst.sink.delivered())
        delivered_verified = ("status=sent" in line and bool(inst.sink.delivered())
                              and all(s.tls_version for s in inst.sink.delivered()))
        checks.append(probes.Check(
            "relayhost (secure): test CA chain: delivered over TLS or only the name refused",
            refused_name_only or delivered_verified, line or "no status line"))
        checks.append(untrusted_chain_refused(inst))
        return checks
    session = wait_for(lambda: next(iter(inst.sink.delivered()), None), OUTBOUND_TIMEOUT)
    status = probes.status_line(inst.log())
    checks.append(probes.Check(f"relayhost ({inst.relayhost}): delivered to the smarthost",
                               session is not None, status or "nothing delivered"))
    if session is not None:
        wants_tls = relay["auth"] or relay["port"] == "submissions" or claim["outbound"] != "none"
        if wants_tls:
            checks.append(probes.Check("relayhost: over TLS", session.tls_version is not None,
                                       str(session.tls_version)))
        else:
            # The stand-in offers STARTTLS; `none` must not take it (on 3.11 the built-in
            # default is `may`, and Debian's stock main.cf says `may` on every version).
            checks.append(probes.Check("relayhost: in clear (outbound none)",
                                       session.tls_version is None, str(session.tls_version)))
        if relay["auth"]:
            checks.append(probes.Check("relayhost: authenticated with the password map",
                                       session.user == instance.TEST_USER, str(session.user)))
    if claim["outbound"] in MANDATORY_OUTBOUND and relay["port"] == "submission":
        checks.append(mandatory_tls_holds(inst))
    return checks


# Outbound levels that must never send in clear (src/options.rs OutboundLevel).
MANDATORY_OUTBOUND = ("encrypt", "verify", "secure")


def mandatory_tls_holds(inst):
    """With a mandatory level, a smarthost that stops offering STARTTLS gets nothing."""
    inst.sink.offer_starttls = False
    before = len(inst.sink.delivered())
    try:
        probes.inject(inst.inject_port, probes.FOREIGN_RCPT_NO_TLS)
    except (smtplib.SMTPException, OSError) as e:
        return probes.Check("relayhost without STARTTLS: nothing sent in clear", False,
                            f"injection failed: {type(e).__name__}: {e}")
    line = wait_for(lambda: probes.status_line(inst.log(), probes.FOREIGN_RCPT_NO_TLS),
                    OUTBOUND_TIMEOUT)
    refused = "status=deferred" in line and "TLS is required" in line
    return probes.Check("relayhost without STARTTLS: nothing sent in clear",
                        refused and len(inst.sink.delivered()) == before,
                        line or "no status line")


def untrusted_chain_refused(inst):
    """The stand-in smarthost switches to a self-signed certificate: `secure` sends nothing.
    It serves its own certificate again afterwards (the How to verify script checks it)."""
    trusted = inst.sink.certificate
    inst.sink.use_certificate(inst.pki.path("untrusted-cert.pem"),
                              inst.pki.path("untrusted-key.pem"))
    before = len(inst.sink.delivered())
    name = "relayhost (secure): a certificate of no trusted CA gets nothing"
    try:
        probes.inject(inst.inject_port, probes.FOREIGN_RCPT_UNTRUSTED)
    except (smtplib.SMTPException, OSError) as e:
        inst.sink.use_certificate(*trusted)
        return probes.Check(name, False, f"injection failed: {type(e).__name__}: {e}")
    line = wait_for(lambda: probes.status_line(inst.log(), probes.FOREIGN_RCPT_UNTRUSTED),
                    OUTBOUND_TIMEOUT)
    inst.sink.use_certificate(*trusted)
    # The status text differs by version (3.5 "Server certificate not trusted", 3.7+ "not
    # verified", as for a name mismatch); the client's log line names the reason.
    chain_refused = re.search(r"certificate verification failed for .*: self-signed certificate",
                              inst.log()) is not None
    return probes.Check(name, "status=deferred" in line and chain_refused
                        and len(inst.sink.delivered()) == before, line or "no status line")


def logging_checks(inst, claim):
    """TLS session summaries appear in the log exactly when `tls_logging` is on (the server's
    when a TLS port was probed, the client's when it talked TLS to the stand-in smarthost); a
    null client keeps its listeners on loopback."""
    checks = []
    log = inst.log()
    server_tls = [p for w, p in inst.ports.items() if w != "25" or claim["port25"] not in
                  (None, "none")]
    if server_tls:
        seen = "TLS connection established from" in log
        want = claim["tls_logging"]
        checks.append(probes.Check(
            f"smtpd TLS summaries {'logged' if want else 'not logged'} (smtpd_tls_loglevel)",
            seen == want, f"summary lines present: {seen}"))
    if inst.sink is not None and any(s.tls_version for s in inst.sink.sessions):
        seen = "TLS connection established to" in log
        want = claim["tls_logging"]
        checks.append(probes.Check(
            f"smtp TLS summaries {'logged' if want else 'not logged'} (smtp_tls_loglevel)",
            seen == want, f"summary lines present: {seen}"))
    if claim["null_client"]:
        interfaces = inst.main.get("inet_interfaces", "")
        checks.append(probes.Check("null client: inet_interfaces = loopback-only",
                                   interfaces in ("loopback-only", "127.0.0.1"),
                                   f"generated inet_interfaces = {interfaces!r}"))
    return checks


def static_row(name, checks):
    """A row that starts no configuration (`postconf` answers statically): its checks, timed."""
    result = Result(name)
    began = time.monotonic()
    result.static, result.started = "ok", "ok"
    result.checks = checks()
    result.seconds = time.monotonic() - began
    print(f"  {result.name}: {'pass' if result.passed() else 'FAIL'}", flush=True)
    return result


def catalogue_checks(mail_versions):
    """The parameter catalogue and the reference against each real Postfix (catalogue.py)."""
    found = [catalogue.stored_data_check()]
    for postfix in postfixes.ALL:
        version = mail_versions[postfix.series]
        found += catalogue.checks(GENERATOR, postfix, version)
        found += catalogue.reference_checks(GENERATOR, postfix, version)
    return found


# The rows beside the cases: name, what it is (for --list), and its checks.
ROWS = [
    ("catalogue", "the parameter catalogue against each real Postfix",
     catalogue_checks),
    ("versions", "stock files and defaults of each real Postfix",
     lambda _: [c for postfix in postfixes.ALL for c in versions.checks(postfix)]),
    ("realworld", "tests/realworld/ against each real Postfix",
     lambda mail_versions: realworld.checks(GENERATOR, mail_versions)),
    ("stock", "the presets' stock files with --merge-with, read by their own Postfix",
     lambda _: stock_files.checks(GENERATOR)),
    ("fixes", "lint --fix and --format postconf on the seed snippets, judged by each Postfix",
     lambda _: fixes.checks(GENERATOR, SLOTS, TEST_PKI, JOBS)),
]


def touch_services(inst, timeout=5):
    """Connects once to each listening service and reads its greeting, so that master starts
    the daemon and the daemon reads its configuration."""
    for port in inst.ports.values():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
                conn.settimeout(timeout)
                conn.recv(512)
        except OSError:
            pass  # a daemon that stops at once closes the connection: the log says why


def wait_for(probe, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.25)
    return probe()


def selftest_cases():
    found = []
    for name in ("good", "good-relay", "broken"):
        d = os.path.join(SELFTEST, name)
        with open(os.path.join(d, "options.json"), encoding="utf-8") as f:
            options = json.load(f)
        snippets = []
        for file in ("main.cf", "master.cf"):
            with open(os.path.join(d, file), encoding="utf-8") as f:
                snippets.append(f.read())
        found.append((f"selftest-{name}", options, tuple(snippets)))
    return found


def value_cases():
    """VALUE_CASES: the good self-test config with one setting replaced."""
    d = os.path.join(SELFTEST, "good")
    with open(os.path.join(d, "options.json"), encoding="utf-8") as f:
        options = json.load(f)
    with open(os.path.join(d, "main.cf"), encoding="utf-8") as f:
        main = f.read()
    with open(os.path.join(d, "master.cf"), encoding="utf-8") as f:
        master = f.read()
    found = []
    for name, (changed, _) in VALUE_CASES.items():
        if isinstance(changed, dict):
            lines = [line for line in main.splitlines()
                     if not any(line.startswith(f"{p} ") for p in changed)]
            lines += [f"{p} = {v}" for p, v in changed.items()]
            found.append((name, options, ("\n".join(lines) + "\n", master)))
        else:
            files = {"main.cf": main, "master.cf": master}
            replacements = [changed] if isinstance(changed, Replace) else list(changed)
            for change in replacements:
                if change.old not in files[change.file]:
                    raise SystemExit(f"FAIL: {name}: {change.old!r} is not in "
                                     f"selftest/good/{change.file}")
                files[change.file] = files[change.file].replace(change.old, change.new)
            found.append((name, options, (files["main.cf"], files["master.cf"])))
    return found


def claim_slots(wanted):
    """Worker slots no other run of this suite on the machine holds: one lock file per slot,
    held until this process exits, and the slot's ports must be free. Concurrent runs (a
    developer and CI, say) then never probe each other's instances."""
    held = []
    for slot in range(instance.MAX_SLOTS):
        if len(held) == wanted:
            break
        lock = open(os.path.join(tempfile.gettempdir(), f"postfix-tls-slot-{slot}.lock"), "w")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            continue
        if any(instance.listening(p) for p in instance.slot_ports(slot)):
            lock.close()
            continue
        held.append((slot, lock))
    if not held:
        sys.exit("FAIL: every worker slot is taken by other runs or busy ports")
    return held


def ensure_postfix():
    """Postfix and the tools must be here: the (idempotent) installer adds what is missing and
    fails with its reason otherwise. The suite never skips."""
    installer = os.path.join(REPO, "scripts", "install-postfix.sh")
    if subprocess.run(["sh", installer], timeout=900).returncode != 0:
        sys.exit("FAIL: Postfix is not installed and scripts/install-postfix.sh could not "
                 "install it (its reason is above); the suite cannot run")
    if os.geteuid() != 0:
        sys.exit("FAIL: the Postfix suite must run as root (it starts Postfix instances)")
    version = subprocess.run(["postconf", "-d", "-h", "mail_version"], capture_output=True,
                             text=True, timeout=30).stdout.strip()
    if not version:
        sys.exit("FAIL: `postconf -d mail_version` printed nothing; is Postfix installed?")
    try:
        found = postfixes.ensure()
    except postfixes.Unavailable as e:
        sys.exit(f"FAIL: a real Postfix version the suite needs is not here: {e}")
    return version, found


def build_generator():
    print("building the generator: cargo build --bin postfix-tls", flush=True)
    result = subprocess.run(["cargo", "build", "--quiet", "--bin", "postfix-tls"], cwd=REPO,
                            timeout=BUILD_TIMEOUT)
    if result.returncode != 0:
        sys.exit("FAIL: the generator does not build")


class Steps:
    """Wall-clock time of each step of the run, printed at the end."""

    def __init__(self):
        self.start = self.last = time.monotonic()
        self.times = []

    def done(self, what):
        now = time.monotonic()
        self.times.append((what, now - self.last))
        self.last = now


def print_table(results):
    width = max(len(r.name) for r in results)
    print(f"\n{'case':<{width}}  postfix  static  started  checks  seconds  result")
    for r in results:
        total = len(r.checks)
        verdict = "pass" if r.passed() else "FAIL"
        if r.expect_failure:
            verdict += " (expected to fail every stage)"
        if r.expect_refusal:
            verdict += " (Postfix must refuse it, the linter must say so)"
        print(f"{r.name:<{width}}  {r.series:<7}  {r.static:<6}  {r.started:<7}  "
              f"{r.passed_checks:>2}/{total:<3}  {r.seconds:>7.1f}  {verdict}")


def print_times(results, steps):
    print("\ntime per step: " + ", ".join(f"{what} {t:.0f}s" for what, t in steps.times))
    per_version = {}
    for r in results:
        if r.series != "-":
            count, seconds = per_version.get(r.series, (0, 0.0))
            per_version[r.series] = (count + 1, seconds + r.seconds)
    print("cases per Postfix (count, summed case time): " + ", ".join(
        f"{series}: {count}, {seconds:.0f}s" for series, (count, seconds) in per_version.items()))


def print_details(results, verbose):
    for r in results:
        failing = [c for c in r.checks if not c.ok]
        if not (verbose or (not r.passed()) or r.notes):
            continue
        show_details = r.details and (verbose or not r.passed())
        if not (failing or r.problems or r.notes or show_details):
            continue
        print(f"\n== {r.name}")
        for line in r.details if show_details else []:
            print(f"  {line}")
        for note in r.notes:
            print(f"  note: {note}")
        for problem in r.problems:
            print(f"  {problem}")
        for c in r.checks if verbose and r.refusal_judged else []:
            if c.ok:
                print(f"  check passed: {c.name}: {c.detail}")
        for c in failing:
            print(f"  check failed: {c.name}: {c.detail}")


def _interrupt(signum, frame):
    # Once is enough: a second signal must not cut the cleanup short.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt(f"signal {signum}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=3, help="cases run at once (default 3)")
    parser.add_argument("--only", nargs="*", help="run only these cases")
    parser.add_argument("--list", action="store_true", help="print the cases and exit")
    parser.add_argument("--keep", action="store_true", help="keep instance directories")
    parser.add_argument("--no-build", action="store_true", help="use the built generator")
    parser.add_argument("--generator", help="use this postfix-tls binary (implies --no-build)")
    parser.add_argument("--verbose", action="store_true", help="details for every case")
    args = parser.parse_args()

    all_cases = [(n, matrix.options(c), None) for n, c in matrix.cases()]
    all_cases += [(n, matrix.options(c, VERSION_CASE_TABLE.get(n)), None)
                  for n, (_, c) in matrix.VERSION_CASES.items()]
    all_cases = selftest_cases() + value_cases() + all_cases
    realworld_cases = realworld.started_cases()
    if args.list:
        for name, options, _ in all_cases:
            print(name, json.dumps(options, sort_keys=True))
        for name, folder, _, _, series in realworld_cases:
            print(f"{name} (tests/realworld/{folder} started in Postfix {series})")
        for name, what, _ in ROWS:
            print(f"{name} ({what})")
        return 0
    rows_wanted = [(name, checks) for name, _, checks in ROWS
                   if not args.only or name in args.only]
    if args.only:
        all_cases = [c for c in all_cases if c[0] in args.only]
        realworld_cases = [c for c in realworld_cases if c[0] in args.only]
    unknown = (({o.get("postfix") for _, o, _ in all_cases} | {c[4] for c in realworld_cases})
               - set(postfixes.BY_SERIES))
    if unknown:
        sys.exit(f"FAIL: cases target Postfix {sorted(unknown)}, which the suite does not have")
    steps = Steps()
    harness_tests = subprocess.run([sys.executable, os.path.join(HERE, "test_harness.py")],
                                   capture_output=True, text=True, timeout=120)
    if harness_tests.returncode != 0:
        sys.exit(f"FAIL: the harness's own tests fail:\n{harness_tests.stderr}")
    steps.done("harness unit tests")

    version, mail_versions = ensure_postfix()
    steps.done("Postfix versions present")
    global GENERATOR
    if args.generator:
        GENERATOR = os.path.abspath(args.generator)
    elif not args.no_build and (rows_wanted or realworld_cases
                                or any(s is None for _, _, s in all_cases)):
        build_generator()
        steps.done("generator build")
    work_root = tempfile.mkdtemp(prefix="postfix-tls-suite-")
    os.chmod(work_root, 0o755)
    if not args.keep:
        atexit.register(shutil.rmtree, work_root, True)
    held = claim_slots(args.jobs)
    wanted_series = ({o["postfix"] for _, o, _ in all_cases}
                     | {c[4] for c in realworld_cases})
    if any(name == "fixes" for name, _ in rows_wanted):
        # The fixes row starts the seed snippets in every version.
        wanted_series |= set(postfixes.BY_SERIES)
    used = [p for p in postfixes.ALL if p.series in wanted_series]
    print(f"Postfix {', '.join(mail_versions[p.series] for p in used) or version}; "
          f"{len(all_cases) + len(realworld_cases)} cases, {len(held)} at a time in slots "
          f"{[slot for slot, _ in held]}; work in {work_root}", flush=True)
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    # Daemons in a root need /proc, /dev and /dev/pts; unmounted at exit, also after a
    # failure or a signal (which raises KeyboardInterrupt, so atexit still runs). With --keep
    # the kept instances still run in the roots, so the mounts stay.
    if args.keep:
        atexit.register(print, "kept: the roots stay mounted; stop each instance with `chroot "
                        "ROOT postfix -c DIR/conf stop`, then `umount ROOT/dev/pts ROOT/dev "
                        "ROOT/proc`")
    else:
        atexit.register(postfixes.unmount_all)
    for postfix in used:
        postfixes.mount(postfix)
    test_pki = pki.Pki(os.path.join(work_root, "pki"))
    steps.done("mounts and test PKI")
    slots = queue.Queue()
    for slot, _ in held:
        slots.put(slot)
    # The fixes row starts instances too, in the same slots as the cases.
    global SLOTS, TEST_PKI, JOBS
    SLOTS, TEST_PKI, JOBS = slots, test_pki, len(held)
    # The catalogue, versions, realworld and stock rows only ask postconf: they run beside the
    # cases, one thread, instead of adding their minutes after them.
    rows = ThreadPoolExecutor(max_workers=1)
    row_futures = []
    for name, checks in rows_wanted:
        row_futures.append(rows.submit(static_row, name,
                                       lambda checks=checks: checks(mail_versions)))
    with ThreadPoolExecutor(max_workers=len(held)) as pool:
        # The real-world configurations first: they take longest (postscreen's greeting).
        futures = [pool.submit(run_realworld_case, c, slots, test_pki, args.keep)
                   for c in realworld_cases]
        futures += [pool.submit(run_case, n, o, s, slots, test_pki, work_root, args.keep)
                    for n, o, s in all_cases]
        results = []
        try:
            for future in futures:
                r = future.result()
                print(f"  {r.name}: {'pass' if r.passed() else 'FAIL'}", flush=True)
                results.append(r)
        except KeyboardInterrupt:
            # Let the running cases stop and remove their instances; start no new ones.
            print("interrupted: stopping the running instances", flush=True)
            pool.shutdown(wait=True, cancel_futures=True)
            rows.shutdown(wait=True, cancel_futures=True)
            raise
    steps.done(f"{len(all_cases) + len(realworld_cases)} cases (the rows beside them)")
    try:
        results += [future.result() for future in row_futures]
    finally:
        rows.shutdown(wait=True, cancel_futures=True)
    steps.done("rows after the cases")
    print_details(results, args.verbose)
    print_table(results)
    print_times(results, steps)
    passed = sum(1 for r in results if r.passed())
    checks = [c for r in results if not (r.expect_failure or r.expect_refusal)
              for c in r.checks]
    print(f"checks: {sum(c.ok for c in checks)} of {len(checks)} passed "
          f"(self-test-broken and the values Postfix must refuse not counted)")
    print(f"elapsed {time.monotonic() - steps.start:.0f}s")
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit("interrupted: the running instances were stopped and removed; 0 passed")
