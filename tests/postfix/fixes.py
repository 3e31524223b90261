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
import smtplib
import ssl
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

import instance
import pki
import postfixes
import probes
import stock

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(os.path.dirname(HERE), "fixtures")

# The seed snippets: file, the stock file it is pasted into, and the fatal error with which
# Postfix refuses the result today, the same in 3.5, 3.7, 3.10 and 3.11 (None:
# seed-classic-main.cf is a policy error, port 25 requiring TLS, which Postfix runs as
# written and --fix leaves to a person, as a choice).
PASTED_NAME = "missing '=' after attribute name: \"/etc/postfix/main.cf\""
CASES = [
    ("seed-receive-main.cf", "main.cf", PASTED_NAME),
    ("seed-send-main.cf", "main.cf", PASTED_NAME),
    ("seed-classic-main.cf", "main.cf", None),
    ("seed-classic-master.cf", "master.cf", "bad field count"),
    ("seed-smtps-master.cf", "master.cf", "invalid type field \"smtps\""),
    ("seed-submission-master.cf", "master.cf", "bad field count"),
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


def _case(generator, postfix, snippet, into, refusal):
    refused_today = refusal is not None
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


def _fixed_alone(generator, series, snippet, into):
    """The snippet alone after `lint --fix`, as the file it belongs to."""
    folder = tempfile.mkdtemp(prefix="fixes-alone-")
    try:
        path = os.path.join(folder, into)
        shutil.copy(os.path.join(FIXTURES, snippet), path)
        subprocess.run([generator, "lint", "--postfix-version", series, "--fix", "--no-backup",
                        path], capture_output=True, text=True, timeout=60)
        with open(path, encoding="utf-8") as f:
            return f.read()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# The wiki's placeholder folders stand for the reader's own certificate: the stand-ins.
PLACEHOLDERS = re.compile(r"/(?:Pfad/zu|path/to)/")


def _tls_ports(into, text):
    """The well-known ports the snippet turns TLS on for, and whether implicitly (465)."""
    wanted = {}
    if into == "main.cf":
        main = dict(instance.parse_main(text))
        if (main.get("smtpd_tls_security_level") in ("may", "encrypt")
                or main.get("smtpd_use_tls") == "yes" or main.get("smtpd_enforce_tls") == "yes"):
            wanted["25"] = False
        return wanted
    for entry in instance.parse_master(text):
        fields = entry[0].split()
        well_known = instance.remap_service(fields[0], 0)[1]
        # Every `-o name=value` of the entry, several on a line as the seed writes them.
        options = dict(re.findall(r"-o\s+([\w.]+)=(\S*)", " ".join(entry[1:])))
        if well_known is None or fields[1] != "inet":
            continue
        if options.get("smtpd_tls_wrappermode") == "yes":
            wanted[well_known] = True
        elif options.get("smtpd_tls_security_level") in ("may", "encrypt"):
            wanted[well_known] = False
    return wanted


def _session(port, ctx, implicit, starttls):
    """EHLO, and the TLS handshake (implicit, or STARTTLS) where wanted; what happened."""
    named = ctx.wrap_socket

    class Named:
        def wrap_socket(self, sock, server_hostname=None, **kwargs):
            return named(sock, server_hostname=pki.HOSTNAME, **kwargs)

    try:
        client = (smtplib.SMTP_SSL("127.0.0.1", port, local_hostname=probes.CLIENT_NAME,
                                   timeout=probes.TIMEOUT, context=Named()) if implicit
                  else smtplib.SMTP("127.0.0.1", port, local_hostname=probes.CLIENT_NAME,
                                    timeout=probes.TIMEOUT))
        try:
            code, _ = client.ehlo(probes.CLIENT_NAME)
            if code != 250:
                return f"EHLO -> {code}"
            if implicit:
                return f"EHLO 250 over {client.sock.version()}"
            if not starttls:
                return "EHLO 250"
            code, reply = client.starttls(context=Named())
            if code != 220:
                return f"STARTTLS -> {code} {reply.decode(errors='replace')}"
            code, _ = client.ehlo(probes.CLIENT_NAME)
            return f"EHLO 250, STARTTLS, {client.sock.version()}, EHLO {code}"
        finally:
            try:
                client.quit()
            except (smtplib.SMTPException, OSError):
                client.close()
    except (smtplib.SMTPException, OSError, ssl.SSLError) as e:
        return f"{type(e).__name__}: {e}"


def _started(postfix, slots, test_pki, text, into, fixed):
    """One private instance with the snippet applied (the broken one pasted as it is, the
    fixed one as the instance writes a snippet); (start failure or None, fatal lines of the
    start and the log, {well-known port: session}, the instance's ports with TLS)."""
    slot = slots.get(timeout=600)
    root = postfix.tempdir(prefix="fixes-started-")
    os.chmod(root, 0o755)
    text = PLACEHOLDERS.sub("/etc/ssl/", text)
    snippets = (text, "") if into == "main.cf" else ("", text)
    inst = instance.Instance(postfix, os.path.join(root, "pfx"), slot, test_pki,
                             *(snippets if fixed else ("", "")))
    try:
        inst.build("cyrus")
        if not fixed:
            inst.append_pasted(into, text)
        # `postfix start` runs these first; 3.5 and 3.7 say why they stop only to syslog.
        fatal = []
        for args in (["postconf", "-n"], ["postconf", "-M"], ["postfix", "check"]):
            done = inst.run([args[0], "-c", inst.inner(inst.conf), *args[1:]], check=False)
            fatal += [line for line in done.stderr.splitlines()
                      if "fatal:" in line and line not in fatal]
        failure = inst.start()
        tls = _tls_ports(into, text) if fixed else {}
        # The certificate Postfix is set to serve (a stand-in, or the root's own self-signed
        # snakeoil that a stock main.cf names) is what the handshake is checked against.
        cert = inst.run(["postconf", "-c", inst.inner(inst.conf), "-h", "smtpd_tls_cert_file"],
                        check=False).stdout.strip()
        ctx = ssl.create_default_context(cafile=postfix.outer(cert) if cert else None)
        ctx.check_hostname = False
        sessions = {} if failure else {
            port: _session(local, ctx, tls.get(port, False), port in tls)
            for port, local in inst.ports.items()}
        fatal += [line for line in inst.log_problems() if "fatal:" in line or "panic:" in line]
        return failure, fatal, sessions, tls
    except instance.SetupError as e:
        return f"setup: {e}", [], {}, {}
    finally:
        inst.destroy()
        shutil.rmtree(root, ignore_errors=True)
        slots.put(slot)


def _started_case(generator, postfix, slots, test_pki, snippet, into, refusal):
    """The snippet started twice in a private instance: as pasted, `postfix start` stops
    with the fatal error the table names (nothing listens), or starts it where the table
    names none; after `--fix` it starts, every service answers EHLO, and STARTTLS (or the
    implicit TLS of 465) completes where the snippet turns TLS on. (The seed targets no
    Postfix version: every one is started.)"""
    label = f"fixes {postfix.series}: {snippet} started"
    with open(os.path.join(FIXTURES, snippet), encoding="utf-8") as f:
        broken = f.read()
    failure, fatal, sessions, _ = _started(postfix, slots, test_pki, broken, into, False)
    if refusal:
        refused_as_said = (failure is not None and failure.startswith("postfix start exited")
                           and not sessions and any(refusal in line for line in fatal))
    else:
        refused_as_said = failure is None and not fatal and bool(sessions)
    found = [probes.Check(
        f"{label} as pasted: postfix start stops: {refusal}" if refusal
        else f"{label} as pasted: Postfix starts it",
        refused_as_said,
        "; ".join([failure or "started", *fatal, *sessions.values()]))]
    fixed = _fixed_alone(generator, postfix.series, snippet, into)
    failure, fatal, sessions, tls = _started(postfix, slots, test_pki, fixed, into, True)
    answered = sessions and all(s.startswith("EHLO 250") for s in sessions.values())
    secured = all("TLSv1" in sessions.get(port, "") for port in tls)
    found.append(probes.Check(
        f"{label} after --fix: starts, answers EHLO, completes TLS on "
        f"{', '.join(sorted(tls)) or 'no port (TLS not turned on)'}",
        not failure and not fatal and answered and secured,
        "; ".join([failure or "started", *fatal,
                   *(f"{port}: {s}" for port, s in sorted(sessions.items()))])))
    return found


def checks(generator, slots=None, test_pki=None, jobs=3):
    """Every seed snippet on every real Postfix: statically, and, given worker slots and the
    test PKI, started before and after --fix (the seed targets no version: all four)."""
    found = [check for postfix in postfixes.ALL for snippet, into, refusal in CASES
             for check in _case(generator, postfix, snippet, into, refusal)]
    if slots is None:
        return found
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_started_case, generator, postfix, slots, test_pki, *case)
                   for postfix in postfixes.ALL for case in CASES]
        return found + [check for future in futures for check in future.result()]
