"""The "How to verify" page, run as printed against the running instance.

`postfix-tls generate --format verify` is the script the page's "All checks as a script"
offers: every check with its command and the result the page says to expect, stopping at
the first failure. It runs here with only what a private instance on loopback forces to
differ, each a plain text substitution:

- the host name in the commands becomes 127.0.0.1 and each well-known port the instance's
  remapped port (`-connect HOST:25`, `'[HOST]:25'`, `/dev/tcp/HOST/587`); the smarthost
  becomes the stand-in smarthost;
- trust: `openssl s_client` trusts the test CA through `SSL_CERT_FILE` (as it trusts the
  system CAs on a real host), posttls-finger's `-P /etc/ssl/certs` names a directory with the
  test CA, and since the instance is reached by address, the certificate's name is given as
  posttls-finger's match argument;
- `postfix check` and `postconf -n` get `-c` with the instance's configuration directory,
  run in the case's Postfix root by chroot
  (posttls-finger gets it as `MAIL_CONFIG`, since this machine has no /etc/postfix/main.cf),
  `/var/log/mail.log` becomes the instance's log file;
- without DNS, the DANE resolver check (`dig`) is replaced by a note, reported as such, and
  a host with no TLS port and no smarthost has no TLS session to find in the log, so that step is
  left out (also noted).

Everything else, including what counts as success, is the generated script's own.
"""

import os
import shutil
import subprocess

import probes

TIMEOUT = 90
CERT_NAME = "mail.example.test"


def host_of(options):
    """The host the generated commands name (src/verify.rs `host`)."""
    cert = options.get("certificate", {})
    if cert.get("source") == "lets-encrypt" and cert.get("domain"):
        return cert["domain"]
    return "mail.example.com"


def _ca_directory(inst, test_pki):
    """A CApath with the test CA, hashed as `openssl rehash` does for /etc/ssl/certs."""
    directory = os.path.join(inst.root, "capath")
    os.makedirs(directory, exist_ok=True)
    shutil.copy(test_pki.path("ca.pem"), os.path.join(directory, "test-ca.pem"))
    subprocess.run(["openssl", "rehash", directory], check=True, capture_output=True,
                   timeout=30)
    return directory


def without_log_step(script):
    """The script without the mail-log step: a host with no TLS port and no smarthost has no TLS
    session to log here (MX delivery needs DNS), so there is nothing for it to find."""
    start = script.find("\necho '== ")
    while start != -1 and "TLS sessions in the mail log" not in script[start:script.find("\n", start + 1)]:
        start = script.find("\necho '== ", start + 1)
    if start == -1:
        return script
    end = script.find("\necho ", script.find("\n", start + 1))
    return script[:start] + script[end:]


def adapt(script, inst, host, relay, capath, sessions=True):
    """The script with the substitutions of the module doc; returns (script, notes)."""
    notes = []
    if not sessions and "TLS sessions in the mail log" in script:
        script = without_log_step(script)
        notes.append("verify script: the mail-log step was left out: no TLS session here "
                     "(a null client without a smarthost delivers by MX, which needs DNS)")
    for port in ("25", "587", "465"):
        local = inst.ports.get(port)
        if local is None:
            continue
        script = script.replace(f"-connect {host}:{port} ", f"-connect 127.0.0.1:{local} ")
        script = script.replace(f"'[{host}]:{port}'", f"'[127.0.0.1]:{local}' {CERT_NAME}")
        script = script.replace(f"/dev/tcp/{host}/{port};", f"/dev/tcp/127.0.0.1/{local};")
    if relay:
        for port in ("587", "465"):
            script = script.replace(f"-connect {relay}:{port} ",
                                    f"-connect 127.0.0.1:{inst.sink_port} ")
    script = script.replace("-P /etc/ssl/certs ", f"-P {capath} ")
    # The case's own Postfix reads the instance's configuration (in its root, by chroot).
    postfix = inst.postfix
    run_in = "" if postfix.root is None else f"chroot {postfix.root} "
    conf = postfix.inner(inst.conf)
    script = script.replace("\n  postfix check\n", f"\n  {run_in}postfix -c {conf} check\n")
    script = script.replace("\n  postconf -n ", f"\n  {run_in}postconf -c {conf} -n ")
    script = script.replace(" /var/log/mail.log ", f" {inst.maillog} ")
    dig = "dig +dnssec MX ietf.org"
    if dig in script:
        script = script.replace(dig, "echo 'flags: qr rd ra ad; (no DNS in the suite)'")
        notes.append("verify script: the DANE resolver check (dig) was not run: no DNS here")
    return script, notes


def check(generator, options_path, options, inst, test_pki):
    """Runs the adapted script; one check, its output on failure, and notes."""
    name = "the How to verify script passes as printed"
    try:
        result = subprocess.run([generator, "generate", "--options", options_path,
                                 "--format", "verify"], capture_output=True, text=True,
                                timeout=30)
        if result.returncode not in (0, 1) or not result.stdout.startswith("#!/bin/sh"):
            return probes.Check(name, False, f"no script: exit {result.returncode} "
                                f"{result.stderr.strip()[:300]}"), []
        relay = (options.get("relayhost") or {})
        relay_host = relay.get("host") if relay.get("enabled") else None
        # A TLS session the log can show: one with the smarthost, or one a TLS-accepting
        # port of this host had with the probes (a public MX with port 25 off and no
        # submission service has none; mail by MX needs DNS).
        serves_tls = (options.get("inbound", "may") != "none" or options.get("submission")
                      or options.get("submissions"))
        sessions = bool(relay_host) or (options.get("role") != "null-client" and serves_tls)
        script, notes = adapt(result.stdout, inst, host_of(options), relay_host,
                              _ca_directory(inst, test_pki), sessions)
        # This machine has no /etc/postfix/main.cf ("No configuration"); posttls-finger
        # reads the instance's, as it reads the host's own on a real server.
        env = dict(os.environ, SSL_CERT_FILE=test_pki.path("ca.pem"), MAIL_CONFIG=inst.conf)
        run = subprocess.run(["/bin/sh", "-c", script], capture_output=True, text=True,
                             timeout=TIMEOUT, env=env)
        output = (run.stdout + run.stderr).strip()
        passed = run.returncode == 0 and "All checks passed." in run.stdout
        failed_at = [line for line in output.splitlines() if line.startswith("FAILED:")]
        detail = "" if passed else "; ".join(failed_at) + " | " + output[-900:]
        return probes.Check(name, passed, detail), notes
    except (OSError, subprocess.SubprocessError) as e:
        return probes.Check(name, False, f"{type(e).__name__}: {e}"), []

