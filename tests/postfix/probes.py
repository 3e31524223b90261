"""Runtime checks over loopback: SMTP dialogues with smtplib and TLS handshakes with
`openssl s_client`. Each check returns a Check(name, ok, detail); none raises on a server
that misbehaves, and every socket and process has a timeout."""

import re
import smtplib
import socket
import ssl
import subprocess
from dataclasses import dataclass

import pki

TIMEOUT = 6
CLIENT_NAME = "probe.example.test"
FOREIGN_RCPT = "someone@elsewhere.example.net"
# The second outbound message, sent when the stand-in smarthost stops offering STARTTLS.
FOREIGN_RCPT_NO_TLS = "someone-else@elsewhere.example.net"
# The message sent when the stand-in smarthost shows a certificate of no trusted CA.
FOREIGN_RCPT_UNTRUSTED = "nobody@elsewhere.example.net"
LOCAL_RCPT = f"postmaster@{pki.HOSTNAME}"
SENDER = "sender@probe.example.test"

# s_client flag per protocol version, oldest first.
VERSIONS = [("TLSv1", "-tls1"), ("TLSv1.1", "-tls1_1"), ("TLSv1.2", "-tls1_2"),
            ("TLSv1.3", "-tls1_3")]


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""


def tls_context(ca_file):
    ctx = ssl.create_default_context(cafile=ca_file)
    ctx.check_hostname = True
    return ctx


def _smtp(port, ctx, implicit):
    if implicit:
        return smtplib.SMTP_SSL("127.0.0.1", port, local_hostname=CLIENT_NAME, timeout=TIMEOUT,
                                context=_named(ctx))
    return smtplib.SMTP("127.0.0.1", port, local_hostname=CLIENT_NAME, timeout=TIMEOUT)


class _named:
    """An SSLContext wrapper that always asks for mail.example.test (SNI and name check),
    because the probes connect to 127.0.0.1."""

    def __init__(self, ctx):
        self.ctx = ctx

    def wrap_socket(self, sock, server_hostname=None, **kwargs):
        return self.ctx.wrap_socket(sock, server_hostname=pki.HOSTNAME, **kwargs)


def _starttls(client, ctx):
    code, reply = client.starttls(context=_named(ctx))
    client.ehlo(CLIENT_NAME)
    return code, reply


def _quietly_quit(client):
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()


def _guard(name, body):
    """Runs one check; a connection problem is a failed check with its reason, not a crash."""
    try:
        return body()
    except (smtplib.SMTPException, OSError, ssl.SSLError, ValueError) as e:
        return Check(name, False, f"{type(e).__name__}: {e}")


# ------------------------------------------------------------------ port 25


def smtp_no_auth_in_clear(port):
    """Port 25 never offers AUTH before TLS: SASL belongs to the submission services, and a
    password sent in clear on port 25 is exposed."""
    def body():
        c = _smtp(port, None, False)
        try:
            c.ehlo(CLIENT_NAME)
            return Check("25: no AUTH offered before TLS", not c.has_extn("auth"),
                         c.esmtp_features.get("auth", ""))
        finally:
            _quietly_quit(c)
    return _guard("25: no AUTH before TLS", body)


def smtp_opportunistic(port, ctx):
    """Port 25 `may`: STARTTLS offered, handshake works, plaintext MAIL accepted."""
    def body():
        c = _smtp(port, ctx, False)
        try:
            c.ehlo(CLIENT_NAME)
            if not c.has_extn("starttls"):
                return Check("25 may: STARTTLS offered", False, c.ehlo_resp.decode())
            code, _ = c.mail(SENDER)
            if code != 250:
                return Check("25 may: plaintext MAIL accepted", False, f"MAIL -> {code}")
            c.rset()
            code, reply = _starttls(c, ctx)
            return Check("25 may: STARTTLS offered, handshake ok, plaintext MAIL accepted",
                         code == 220, reply.decode())
        finally:
            _quietly_quit(c)
    return _guard("25 may", body)


def smtp_required(port, ctx):
    """Port 25 `encrypt`: plaintext MAIL refused with 530, STARTTLS works."""
    def body():
        c = _smtp(port, ctx, False)
        try:
            c.ehlo(CLIENT_NAME)
            code, reply = c.mail(SENDER)
            if code != 530:
                return Check("25 encrypt: plaintext MAIL refused with 530", False,
                             f"MAIL -> {code} {reply.decode()}")
            code, reply = _starttls(c, ctx)
            code_after, _ = c.mail(SENDER)
            return Check("25 encrypt: plaintext MAIL 530, MAIL after STARTTLS 250",
                         code == 220 and code_after == 250, f"STARTTLS {code}, MAIL {code_after}")
        finally:
            _quietly_quit(c)
    return _guard("25 encrypt", body)


def smtp_no_tls(port):
    """Port 25 `none`: STARTTLS not offered."""
    def body():
        c = _smtp(port, None, False)
        try:
            c.ehlo(CLIENT_NAME)
            return Check("25 none: STARTTLS not offered", not c.has_extn("starttls"),
                         c.ehlo_resp.decode().replace("\n", " "))
        finally:
            _quietly_quit(c)
    return _guard("25 none", body)


# ------------------------------------------------------------------ 587 and 465


def submission(port, ctx, implicit, user, password):
    """587 (STARTTLS) or 465 (implicit TLS): TLS before AUTH, AUTH works, relaying only for
    authenticated clients. Returns a list of checks."""
    label = "465" if implicit else "587"
    checks = []

    def before_tls():
        c = _smtp(port, ctx, False)
        try:
            c.ehlo(CLIENT_NAME)
            offered = c.has_extn("starttls")
            auth_in_clear = c.has_extn("auth")
            code, reply = c.mail(SENDER)
            ok = offered and not auth_in_clear and code == 530
            return Check(f"{label}: STARTTLS offered, no AUTH before TLS, MAIL before TLS 530",
                         ok, f"starttls={offered} auth={auth_in_clear} MAIL -> {code}")
        finally:
            _quietly_quit(c)

    def first_byte():
        # A plaintext client gets no banner: the server waits for a ClientHello.
        with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as s:
            s.settimeout(2)
            try:
                data = s.recv(64)
            except socket.timeout:
                data = b""
        c = _smtp(port, ctx, True)
        try:
            version = c.sock.version()
            return Check(f"{label}: TLS from the first byte (no plaintext banner)",
                         not data.startswith(b"220") and version is not None,
                         f"plaintext read {data[:20]!r}, TLS {version}")
        finally:
            _quietly_quit(c)

    checks.append(_guard(f"{label}: TLS first", first_byte if implicit else before_tls))

    def after_tls():
        c = _smtp(port, ctx, implicit)
        try:
            if implicit:
                c.ehlo(CLIENT_NAME)
            else:
                _starttls(c, ctx)
            results = []
            results.append(Check(f"{label}: AUTH offered after TLS", c.has_extn("auth"),
                                 c.esmtp_features.get("auth", "")))
            c.mail(SENDER)
            code, reply = c.rcpt(FOREIGN_RCPT)
            results.append(Check(f"{label}: unauthenticated relaying refused",
                                 code >= 400, f"RCPT -> {code} {reply.decode()}"))
            c.rset()
            try:
                c.login(user, password + "-wrong")
                results.append(Check(f"{label}: wrong password refused", False, "235"))
            except smtplib.SMTPAuthenticationError as e:
                results.append(Check(f"{label}: wrong password refused", e.smtp_code == 535,
                                     str(e.smtp_code)))
            code, reply = c.login(user, password)
            results.append(Check(f"{label}: AUTH works after TLS", code == 235, str(code)))
            c.mail(SENDER)
            code, reply = c.rcpt(FOREIGN_RCPT)
            results.append(Check(f"{label}: authenticated relaying accepted", code == 250,
                                 f"RCPT -> {code} {reply.decode()}"))
            c.rset()
            return results
        finally:
            _quietly_quit(c)

    try:
        checks.extend(after_tls())
    except (smtplib.SMTPException, OSError, ssl.SSLError, ValueError) as e:
        checks.append(Check(f"{label}: AUTH after TLS", False, f"{type(e).__name__}: {e}"))
    return checks


# ------------------------------------------------------------------ TLS details


def s_client(port, starttls, *flags):
    """Runs `openssl s_client` once; returns (handshake completed, output)."""
    args = ["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-servername",
            pki.HOSTNAME, "-brief"]
    if starttls:
        args += ["-starttls", "smtp", "-name", CLIENT_NAME]
    args += list(flags)
    try:
        result = subprocess.run(args, input="", capture_output=True, text=True,
                                timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, "timeout"
    output = result.stdout + result.stderr
    return result.returncode == 0 and "Protocol version:" in output, output


def protocol_floor(port, starttls, floor, label):
    """Every version below the floor is refused; the floor and everything above it (the
    client allows every version at security level 0) completes a handshake."""
    names = [v for v, _ in VERSIONS]
    checks = []
    for version, flag in VERSIONS:
        expected = names.index(version) >= names.index(floor)
        ok, output = s_client(port, starttls, flag, "-cipher", "DEFAULT:@SECLEVEL=0")
        state = "accepted" if ok else "refused"
        want = "accepted" if expected else "refused"
        detail = "" if ok == expected else _last_lines(output)
        checks.append(Check(f"{label}: {version} {want}", ok == expected,
                            f"{state}{' ' + detail if detail else ''}"))
    return checks


def scanner_clean_ciphers(port, starttls, label):
    """At TLS 1.2 no CBC and no static-RSA key exchange is accepted; an AEAD ECDHE suite is."""
    checks = []
    for cipher, want in (("ECDHE-RSA-AES128-SHA", False), ("AES128-GCM-SHA256", False),
                         ("ECDHE-RSA-AES128-GCM-SHA256", True)):
        ok, output = s_client(port, starttls, "-tls1_2", "-cipher", f"{cipher}:@SECLEVEL=0")
        checks.append(Check(f"{label}: TLSv1.2 {cipher} {'accepted' if want else 'refused'}",
                            ok == want, "" if ok == want else _last_lines(output)))
    return checks


def certificates(port, starttls, ca_file, ecdsa, label):
    """The served chain verifies against the test CA for mail.example.test; with an ECDSA
    certificate configured, an ECDSA-only client gets it and an RSA-only client the RSA one."""
    checks = []
    variants = [("RSA", "rsa_pss_rsae_sha256:rsa_pkcs1_sha256")]
    if ecdsa:
        variants.append(("ECDSA", "ecdsa_secp256r1_sha256"))
    for algorithm, sigalgs in variants:
        ok, output = s_client(port, starttls, "-CAfile", ca_file, "-verify_return_error",
                              "-verify_hostname", pki.HOSTNAME, "-sigalgs", sigalgs)
        # `-brief` prints "Signature type: ECDSA" (or RSA-PSS, RSA) for the server's key.
        served = re.search(r"^(?:Peer )?[Ss]ignature type: (\S+)", output, re.M)
        served_type = served.group(1) if served else "?"
        ok = ok and "Verification: OK" in output and served_type.startswith(algorithm)
        checks.append(Check(f"{label}: {algorithm} certificate verifies for {pki.HOSTNAME}",
                            ok, "" if ok else f"peer signature {served_type}; "
                            + _last_lines(output)))
    return checks


def deliver(port, ctx, implicit, starttls, auth):
    """Sends one message to a local recipient (it stays in the queue: `defer_transports =
    local`); returns the queue id or raises."""
    c = _smtp(port, ctx, implicit)
    try:
        c.ehlo(CLIENT_NAME)
        if starttls:
            _starttls(c, ctx)
        if auth:
            c.login(*auth)
        c.mail(SENDER)
        code, reply = c.rcpt(LOCAL_RCPT)
        if code != 250:
            raise smtplib.SMTPRecipientsRefused({LOCAL_RCPT: (code, reply)})
        code, reply = c.data(b"Subject: postfix-tls probe\r\n\r\nprobe\r\n")
        match = re.search(rb"queued as ([0-9A-Za-z]+)", reply)
        if code != 250 or not match:
            raise smtplib.SMTPDataError(code, reply)
        return match.group(1).decode()
    finally:
        _quietly_quit(c)


def received_header(queue_file, wanted, label, hidden=False):
    """The first Received: header shows the TLS protocol and cipher exactly when
    `smtpd_tls_received_header` is on; with `smtpd_hide_client_session = yes` (3.10+
    submission services) it shows no client session at all: no `from` part, no TLS."""
    headers = re.findall(r"^Received: .*(?:\n[ \t].*)*", queue_file, re.M)
    first = " ".join(headers[0].split()) if headers else ""
    has_tls = re.search(r"\(using TLSv1(\.[0-3])? with cipher \S+", first) is not None
    if hidden:
        shows_client = first.startswith("Received: from ") or has_tls
        return Check(f"{label}: Received: header hides the client session "
                     "(smtpd_hide_client_session)", bool(headers) and not shows_client,
                     first[:200] or "no Received: header in the queue file")
    want = "shows" if wanted else "does not show"
    return Check(f"{label}: Received: header {want} TLS details", bool(headers) and
                 has_tls == wanted, first[:200] or "no Received: header in the queue file")


def _last_lines(output, n=2):
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    return " | ".join(lines[-n:])[:200]


def inject(port, rcpt=FOREIGN_RCPT):
    """Hands one message for a foreign domain to the instance's harness-only injection
    service (plaintext, relays for loopback)."""
    c = smtplib.SMTP("127.0.0.1", port, local_hostname=CLIENT_NAME, timeout=TIMEOUT)
    try:
        c.sendmail(SENDER, [rcpt], b"Subject: outbound probe\r\n\r\nprobe\r\n")
    finally:
        _quietly_quit(c)


def status_line(log, rcpt=FOREIGN_RCPT):
    """The SMTP client's delivery status line for a foreign recipient, if logged yet."""
    pattern = re.compile(rf"/(smtp|relay|error)\[\d+\]: .*to=<{re.escape(rcpt)}>.*status=")
    return next((line for line in log.splitlines() if pattern.search(line)), "")


def dh_strength(port, starttls, label):
    """Logjam: a DHE key exchange, if the server offers one at all, uses a group of at least
    2048 bits."""
    ok, output = s_client(port, starttls, "-tls1_2", "-cipher",
                          "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:@SECLEVEL=0")
    if not ok:
        # Refused is fine only if the server does TLS at all (a dead port refuses everything).
        alive, _ = s_client(port, starttls)
        return Check(f"{label}: DHE group >= 2048 bits (or no DHE)", alive,
                     "DHE refused" if alive else "no TLS handshake at all")
    match = re.search(r"Server Temp Key: DH, (\d+) bits", output)
    bits = int(match.group(1)) if match else 0
    return Check(f"{label}: DHE group >= 2048 bits (or no DHE)", bits >= 2048,
                 f"DH {bits} bits" if match else _last_lines(output))
