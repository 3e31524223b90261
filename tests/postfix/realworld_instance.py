"""The real-world configurations of tests/realworld/ started in the real Postfix of their
version (`realworld.TARGETS`), the dynamic half of the `realworld` row.

For one configuration: copy its main.cf and master.cf into a private instance, stand in every
file it names and every program it talks to that is not here, rewrite only what must change to
run privately (each change is a `Rewrite`, printed with the case), start it, speak real SMTP to
every smtpd and postscreen service (EHLO, STARTTLS where offered, a TLS handshake first on a
wrapper-mode port), and read the instance's log. Then both directions:

- every error the linter reports for the configuration (the lint of the static row) is one the
  running Postfix agrees with: the refusal, the log line or the SMTP dialogue it predicts;
- every refusal Postfix shows (`postfix start` failing, a fatal or panic in the log, a service
  that does not greet, a failed or refused TLS handshake) is matched by a linter error, or is a
  known gap listed in `KNOWN_GAPS` with its reason (and in FINDINGS.md).

All edits go through the version's own `postconf` (`-e`, `-X`, `-P`, `-F`, `-M`), so the
rewritten files are Postfix's reading of the originals. Everything runs on loopback, every
socket and command has a timeout."""

import json
import os
import re
import shutil
import smtplib
import socket
import ssl
import subprocess
import time
from typing import NamedTuple

import dovecot_auth
import instance
import pki
import probes

COMMAND_TIMEOUT = 60
# postscreen's pregreet test (postscreen_greet_wait, 6 s by default) delays the greeting.
SMTP_TIMEOUT = 15
SETTLE_SECONDS = 1.0

# Installation parameters: where this build keeps its programs and which users it runs as.
# A configuration written for another build (Alpine's /usr/libexec/postfix, upstream's own
# main.cf) would not start here; they are removed so that the version's own defaults apply.
INSTALLATION = ("command_directory", "daemon_directory", "meta_directory", "shlib_directory",
                "sendmail_path", "newaliases_path", "mailq_path", "html_directory",
                "manpage_directory", "readme_directory", "sample_directory", "mail_owner",
                "setgid_group")

# Map types whose file postmap builds, and the types that read the text file itself.
INDEXED = ("hash", "btree", "lmdb", "cdb", "dbm", "sdbm")
TEXT = ("texthash", "regexp", "pcre", "cidr")
# Types that name a server or a client configuration (a database here would be a program we
# do not have): stood in by an empty texthash: table, which answers "not found" to everything.
REMOTE = ("mysql", "pgsql", "ldap", "sqlite", "memcache")
MAP_TOKEN = re.compile(r"(?<![\w.-])(proxy:)?(" + "|".join(INDEXED + TEXT + REMOTE)
                       + r"):(/[^\s,}]+)")
# socketmap:unix:/path:name, socketmap:inet:host:port:name, tcp:host:port
SOCKET_MAP = re.compile(r"(?<![\w.-])(?:proxy:)?(?:socketmap:(?:unix|inet):[^\s,}]+|"
                        r"tcp:[^\s,}]+)")
# Parameters whose value is a cache Postfix writes itself (no file to make).
CACHE = re.compile(r"(_session_cache_database|_cache_map|^address_verify_map)$")
MILTERS = re.compile(r"^(smtpd|non_smtpd)_milters$")
MILTER_ENDPOINT = re.compile(r"(?<![\w.-])(?:inet|unix):[^\s,}]+")
# Files the TLS library opens, by parameter name.
FILE_KINDS = [
    (re.compile(r"_(cert|dcert|eccert)_file$"), "cert"),
    (re.compile(r"_(key|dkey|eckey)_file$"), "key"),
    (re.compile(r"_chain_files$"), "chain"),
    (re.compile(r"_dh(1024|512)_param_file$"), "dh"),
    (re.compile(r"_CAfile$"), "ca"),
    (re.compile(r"_CApath$"), "dir"),
]
ABSOLUTE = re.compile(r"(?<![\w:$}/.-])(/[^\s,]+)")

# The name in the stand-in for /etc/mailname (myorigin = /etc/mailname).
MAILNAME = "mail.example.test"

# Refusals real Postfix shows that the linter does not (yet) report, with the reason; the
# same in FINDINGS.md. Key: (configuration, series), value: (text in the refusal, reason).
KNOWN_GAPS = {}


class Rewrite(NamedTuple):
    """One change made to run a configuration privately."""
    where: str
    name: str
    old: str
    new: str
    why: str

    def __str__(self):
        return f"{self.where}: {self.name}: {self.old!r} -> {self.new!r} ({self.why})"


class NotStarted(Exception):
    """The configuration cannot be stood in; the message says why."""


class Seen(NamedTuple):
    """What one smtpd/postscreen service said over loopback."""
    service: str
    port: int
    wrapper: bool
    greeting: str
    starttls: bool
    auth_in_clear: str
    tls: str
    tls_error: str
    auth_after_tls: str
    error: str

    def refusal(self):
        """Why this service refused to work, or '' when it greeted and did TLS as offered."""
        if self.error:
            return f"{self.service} (port {self.port}) {self.error}"
        if not self.greeting.startswith("220"):
            return f"{self.service} (port {self.port}) greeted {self.greeting!r}"
        if self.tls_error:
            return f"{self.service} (port {self.port}) TLS handshake failed: {self.tls_error}"
        return ""

    def __str__(self):
        mode = "TLS first" if self.wrapper else (
            "STARTTLS offered" if self.starttls else "no STARTTLS")
        return (f"{self.service} on {self.port}: {self.greeting[:40]!r}, {mode}, "
                f"AUTH before TLS: {self.auth_in_clear or '-'}, TLS: "
                f"{self.tls or self.tls_error or '-'}, AUTH after TLS: "
                f"{self.auth_after_tls or '-'}{', ' + self.error if self.error else ''}")


def ports(slot):
    """The loopback ports of a slot's real-world instance, one per inet service."""
    base = instance.REALWORLD_BASE + slot * instance.REALWORLD_PORTS
    return list(range(base, base + instance.REALWORLD_PORTS))


def master_entries(text):
    """(service, type, first line, last line) of each master.cf entry, as Postfix reads the
    file: a line that starts with whitespace continues the entry, comment and blank lines in
    between are skipped."""
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[0].isspace():
            if entries:
                entries[-1][3] = number
            continue
        fields = stripped.split()
        entries.append([fields[0], fields[1] if len(fields) > 1 else "", number, number])
    return [tuple(e) for e in entries]


class RealWorld:
    """One real-world configuration in a private instance of one Postfix. Use `build()`,
    `start()`, `probe()`, and always `destroy()`."""

    def __init__(self, postfix, main, master, root, slot, test_pki):
        self.postfix = postfix
        self.main_source = main
        self.master_source = master
        self.root = root
        self.slot = slot
        self.pki = test_pki
        self.conf = os.path.join(root, "conf")
        self.queue = os.path.join(root, "queue")
        self.data = os.path.join(root, "data")
        self.stand = os.path.join(root, "stand-in")
        self.clean = os.path.join(root, "empty-conf")
        self.maillog = os.path.join(root, "maillog")
        self.rewrites = []
        self.notes = []
        self.services = []  # (name, type, port, command, wrapper, proxy)
        self.stand_ins = {}  # original path or endpoint -> instance path (Postfix's view)
        self.cert_keys = {}  # stood-in certificate (Postfix's view) -> the pki file of its key
        self.sasl_paths = set()
        self.dovecots = []
        self.started = False
        self.map_types = None

    def inner(self, path):
        return self.postfix.inner(path)

    def postconf(self, *args, check=True):
        done = self.postfix.run(["postconf", "-c", self.inner(self.conf), *args],
                                timeout=COMMAND_TIMEOUT)
        if check and done.returncode != 0:
            raise NotStarted(f"`postconf {' '.join(args)}` exited {done.returncode}: "
                             f"{done.stderr.strip()}")
        return done

    def _pairs(self, *flags):
        """`postconf -n`, `-P`, `-d` or `-n -x` as (name, value) in Postfix's order."""
        out = []
        for line in self.postconf(*flags).stdout.splitlines():
            name, sep, value = line.partition(" = ")
            if sep:
                out.append((name, value))
            elif line.endswith(" ="):
                out.append((line[:-2], ""))
        return out

    # ---------------------------------------------------------------- building

    def build(self):
        for d in (self.conf, self.queue, self.data, self.stand):
            os.makedirs(d, exist_ok=True)
        os.chmod(self.root, 0o755)
        os.chown(self.data, *self.postfix.ids("postfix"))
        shutil.copyfile(self.main_source, os.path.join(self.conf, "main.cf"))
        shutil.copyfile(self.master_source, os.path.join(self.conf, "master.cf"))
        # postconf -m and postmap read main.cf: an empty one, until the real one is rewritten.
        os.makedirs(self.clean, exist_ok=True)
        open(os.path.join(self.clean, "main.cf"), "w", encoding="ascii").close()
        self.map_types = set(self.postfix.run(["postconf", "-c", self.inner(self.clean),
                                               "-m"]).stdout.split())
        self._rewrite_main()
        self._rewrite_overrides()
        self._rewrite_services()
        self._stand_in_expanded()

    def _rewrite_main(self):
        settings = self._pairs("-n")
        names = {n for n, _ in settings}
        edits, removed = [], []
        for name in INSTALLATION:
            if name in names:
                removed.append(name)
                old = dict(settings)[name]
                self.rewrites.append(Rewrite("main.cf", name, old, "(removed)",
                                             "an installation parameter: this build's own"))
        dovecot = self._uses_dovecot(settings)
        for name, value in settings:
            if name in INSTALLATION:
                continue
            new = self._rewrite_value("main.cf", name, value, dovecot)
            if new != value:
                edits.append(f"{name}={new}")
        # Defaults that name a file outside the instance (alias_maps = hash:/etc/aliases).
        for name, value in self._pairs("-d"):
            if name in names or name in INSTALLATION:
                continue
            new = self._rewrite_value("main.cf (default)", name, value, dovecot)
            if new != value:
                edits.append(f"{name}={new}")
        harness = [
            ("queue_directory", self.inner(self.queue)),
            ("data_directory", self.inner(self.data)),
            ("maillog_file", self.inner(self.maillog)),
            ("maillog_file_prefixes", self.inner(self.root)),
            ("syslog_name", f"pfxrw{self.slot}"),
            ("inet_interfaces", "loopback-only"),
            ("inet_protocols", "ipv4"),
        ]
        current = dict(settings)
        for name, value in harness:
            self.rewrites.append(Rewrite("main.cf", name, current.get(name, "(default)"), value,
                                         "private instance on loopback, its own log"))
            edits.append(f"{name}={value}")
        if removed:
            self.postconf("-X", *removed)
        self.postconf("-e", *edits)

    def _rewrite_overrides(self):
        overrides = self._pairs("-P")
        dovecot = self._uses_dovecot(overrides, by_service=True)
        edits = []
        for key, value in overrides:
            service, _, name = key.rpartition("/")
            new = self._rewrite_value(f"master.cf {service}", name, value, dovecot)
            if new != value:
                edits.append(f"{key}={new}")
        if edits:
            self.postconf("-P", *edits)

    def _uses_dovecot(self, pairs, by_service=False):
        if by_service:
            main_type = self.postconf("-h", "smtpd_sasl_type").stdout.strip()
            return main_type == "dovecot" or any(
                n.endswith("/smtpd_sasl_type") and v == "dovecot" for n, v in pairs)
        return dict(pairs).get("smtpd_sasl_type") == "dovecot"

    def _rewrite_services(self):
        overrides = dict(self._pairs("-P"))
        main = dict(self._pairs("-n"))
        free = iter(ports(self.slot))
        fields, has_postlog = [], False
        for line in self.postconf("-M").stdout.splitlines():
            parts = line.split(None, 8)
            if len(parts) < 8:
                continue
            service, kind, chroot, command = parts[0], parts[1], parts[4], parts[7]
            key = f"{service}/{kind}"
            has_postlog |= command == "postlogd"
            if chroot != "n":
                fields.append(f"{key}/chroot=n")
                self.rewrites.append(Rewrite("master.cf", key, f"chroot {chroot}", "chroot n",
                                             "the instance is not laid out as a chroot jail"))
            if kind != "inet":
                continue
            port = next(free, None)
            if port is None:
                raise NotStarted(f"more than {instance.REALWORLD_PORTS} inet services")
            address = f"127.0.0.1:{port}"
            fields.append(f"{key}/service={address}")
            self.rewrites.append(Rewrite("master.cf", key, service, address,
                                         "loopback port of this slot"))

            def setting(name, service=service, kind=kind):
                return overrides.get(f"{service}/{kind}/{name}", main.get(name, ""))

            wrapper = setting("smtpd_tls_wrappermode").lower() == "yes"
            proxy = setting(f"{'postscreen' if command == 'postscreen' else 'smtpd'}"
                            "_upstream_proxy_protocol")
            self.services.append((service, kind, port, command, wrapper, bool(proxy)))
        if fields:
            self.postconf("-F", *fields)
        if not has_postlog:
            entry = "postlog unix-dgram n - n - 1 postlogd"
            self.postconf("-M", f"postlog/unix-dgram={entry}")
            self.rewrites.append(Rewrite("master.cf", "postlog/unix-dgram", "(none)", entry,
                                         "maillog_file needs the postlog service"))

    def _rewrite_value(self, where, name, value, dovecot):
        new = value
        if name == "smtpd_sasl_path" and dovecot:
            if value.startswith(("inet:", "unix:", "/")):
                new = "private/auth"
                self.rewrites.append(Rewrite(where, name, value, new,
                                             "the Dovecot auth stand-in (dovecot_auth.py)"))
            self.sasl_paths.add(new)
            return new
        if name == "myorigin" and value.startswith("/"):
            # Debian's /etc/mailname: Postfix reads the name from the file.
            target = os.path.join(self.stand, "mailname")
            with open(target, "w", encoding="ascii") as f:
                f.write(f"{MAILNAME}\n")
            self.rewrites.append(Rewrite(where, name, value, self.inner(target),
                                         f"a file holding {MAILNAME}"))
            return self.inner(target)
        if MILTERS.match(name) and MILTER_ENDPOINT.search(value):
            # Not a socket nobody listens on: with milter_default_action = tempfail (mailcow,
            # Mailu) smtpd then answers STARTTLS with "454 4.3.0 Try again later" (seen),
            # which is about the milter, not about TLS.
            self.rewrites.append(Rewrite(where, name, value, "",
                                         "no milter here: left out (a dead one can refuse "
                                         "STARTTLS with tempfail)"))
            return ""
        new = MAP_TOKEN.sub(lambda m: self._map(where, name, m), new)
        new = SOCKET_MAP.sub(lambda m: self._remote_map(where, name, m.group(0)), new)
        kind = next((k for pattern, k in FILE_KINDS if pattern.search(name)), None)
        if kind is not None:
            new = ABSOLUTE.sub(lambda m: self._file(where, name, kind, m.group(1)), new)
        return new

    def _map(self, where, name, match):
        proxy, kind, path = match.group(1) or "", match.group(2), match.group(3)
        original = match.group(0)
        if original in self.stand_ins:
            return self.stand_ins[original]
        cache = CACHE.search(name) is not None
        stand_kind, why = self._stand_in_type(kind, cache)
        if proxy:
            why = "; ".join(filter(None, ["proxymap only serves approved tables", why]))
        base = re.sub(r"[^A-Za-z0-9.-]", "_", path.strip("/"))
        target = os.path.join(self.data if cache else self.stand, base)
        if not cache:
            self._make_table(stand_kind, target)
        replacement = f"{stand_kind}:{self.inner(target)}"
        self.stand_ins[original] = replacement
        self.rewrites.append(Rewrite(where, name, original, replacement,
                                     why or "an empty table of the same type in the instance"))
        return replacement

    def _remote_map(self, where, name, original):
        if original in self.stand_ins:
            return self.stand_ins[original]
        target = os.path.join(self.stand, f"remote-{len(self.stand_ins)}")
        if original.endswith(":"):
            # A prefix that other values complete (Mailu: `${podop}alias`): the tables are
            # made once the values are expanded (_stand_in_expanded).
            target += "-"
        else:
            self._make_table("texthash", target)
        replacement = f"texthash:{self.inner(target)}"
        self.stand_ins[original] = replacement
        self.rewrites.append(Rewrite(where, name, original, replacement,
                                     "a server that is not here: an empty texthash: table"))
        return replacement

    def _stand_in_expanded(self):
        """Files the expanded values name inside the instance that no literal path gave: a
        table completed from a prefix, a file under $config_directory (modoboa's DH file)."""
        root = self.inner(self.root)
        for name, value in self._pairs("-n", "-x"):
            for match in MAP_TOKEN.finditer(value):
                path = self.postfix.outer(match.group(3))
                # Caches (in data/) are Postfix's own to make.
                if (match.group(3).startswith(root + "/") and not CACHE.search(name)
                        and not match.group(3).startswith(self.inner(self.data) + "/")
                        and not os.path.exists(path)):
                    self._make_table(match.group(2), path)
                    self.rewrites.append(Rewrite("main.cf", name, match.group(0), "(made)",
                                                 "an empty table the expanded value names"))
            kind = next((k for pattern, k in FILE_KINDS if pattern.search(name)), None)
            if kind is None:
                continue
            if kind == "key" and value in self.cert_keys:
                # `smtpd_tls_key_file = $smtpd_tls_cert_file` (Proxmox): one file holds the
                # certificate and its key, so the stood-in certificate gets its key appended.
                with open(self.pki.path(self.cert_keys.pop(value)), encoding="ascii") as key, \
                        open(self.postfix.outer(value), "a", encoding="ascii") as combined:
                    combined.write(key.read())
                self.rewrites.append(Rewrite("main.cf (expanded)", name, value, "(key appended)",
                                             "the certificate file also holds the key"))
                continue
            for path in ABSOLUTE.findall(value):
                if path.startswith(root + "/") and not os.path.exists(self.postfix.outer(path)):
                    self._file("main.cf (expanded)", name, kind, path, self.postfix.outer(path))

    def _stand_in_type(self, kind, cache):
        """The map type Postfix gets instead of `kind`, and why it differs ('' when not)."""
        if kind in self.map_types and kind not in REMOTE:
            return kind, ""
        if kind in REMOTE:
            return "texthash", f"no {kind} server here: an empty texthash: table"
        if kind == "pcre":
            return "regexp", "no pcre map in this build: regexp:, the same syntax"
        # An indexed type this build lacks (lmdb, cdb): the nearest it has. A cache must be
        # writable (cdb is not).
        order = ("lmdb", "btree") if cache else ("cdb", "lmdb", "hash")
        found = next(t for t in order if t in self.map_types)
        return found, f"no {kind} in this build: {found}"

    def _make_table(self, kind, target):
        with open(target, "w", encoding="ascii"):
            pass
        if kind in INDEXED:
            done = self.postfix.run(["postmap", "-c", self.inner(self.clean),
                                     f"{kind}:{self.inner(target)}"], timeout=COMMAND_TIMEOUT)
            if done.returncode != 0:
                raise NotStarted(f"postmap {kind}: exited {done.returncode}: "
                                 f"{done.stderr.strip()}")

    def _file(self, where, name, kind, path, target=None):
        if path in self.stand_ins:
            return self.stand_ins[path]
        target = target or os.path.join(self.stand,
                                        re.sub(r"[^A-Za-z0-9.-]", "_", path.strip("/")))
        ecdsa = re.search(r"ecdsa|ecc|_ec(cert|key)_", f"{name} {path}") is not None
        if kind == "chain":
            guessed = chain_file_kind(path)
            if guessed is None:
                raise NotStarted(f"{name}: cannot tell whether {path} is a key or a certificate")
            kind = guessed
        if kind == "dir":
            os.makedirs(target, exist_ok=True)
            why = "an empty directory"
        else:
            source = {
                "cert": "ecdsa-fullchain.pem" if ecdsa else "untrusted-cert.pem",
                "key": "ecdsa-key.pem" if ecdsa else "untrusted-key.pem",
                "dh": "dh2048.pem",
                "ca": "ca.pem",
            }[kind]
            shutil.copyfile(self.pki.path(source), target)
            os.chmod(target, 0o600 if kind == "key" else 0o644)
            why = {"cert": "a throw-away self-signed certificate",
                   "key": "the key of that certificate", "dh": "ffdhe2048 parameters",
                   "ca": "a CA bundle"}[kind]
        self.stand_ins[path] = self.inner(target)
        if kind == "cert":
            self.cert_keys[self.inner(target)] = "ecdsa-key.pem" if ecdsa else "untrusted-key.pem"
        self.rewrites.append(Rewrite(where, name, path, self.inner(target), why))
        return self.inner(target)

    # ---------------------------------------------------------------- running

    def start(self):
        """Starts the instance; returns why it failed, or None."""
        owner = self.postfix.ids("postfix")
        for path in sorted(self.sasl_paths):
            socket_path = os.path.join(self.queue, path)
            folder = os.path.dirname(socket_path)
            os.makedirs(folder, exist_ok=True)
            # postfix-script refuses a queue subfolder that postfix does not own.
            os.chown(folder, *owner)
            os.chmod(folder, 0o700)
            self.dovecots.append(dovecot_auth.DovecotAuth(
                socket_path, instance.TEST_USER, instance.TEST_PASSWORD, *owner))
        busy = [p for *_, p, _, _, _ in self.services if listening(p)]
        if busy:
            return f"ports {busy} already in use (a stale instance?); not starting"
        done = self.postfix.run(["postfix", "-c", self.inner(self.conf), "start"],
                                timeout=instance.START_TIMEOUT)
        self.started = done.returncode == 0
        if not self.started:
            return f"postfix start exited {done.returncode}: {done.stderr.strip()[-400:]}"
        deadline = time.monotonic() + instance.START_TIMEOUT
        for service, _, port, *_ in self.services:
            while not listening(port):
                if time.monotonic() > deadline:
                    return f"nothing listens for {service} on 127.0.0.1:{port}"
                time.sleep(0.1)
        return None

    def probe(self):
        """Every smtpd and postscreen service, once, and every service whose command column
        holds an option (the command left out: whatever the line meant to serve, a client
        meets what master does with it). The other inet services (a spawn of the mail suite's
        own program, qmqpd) are noted as not spoken to."""
        for service, _, port, command, _, _ in self.services:
            if not spoken_to(command):
                self.notes.append(f"not spoken to: {service} (port {port}) runs {command}, "
                                  "not an SMTP server")
        return [talk(service, port, wrapper, proxy)
                for service, _, port, command, wrapper, proxy in self.services
                if spoken_to(command)]

    def log(self):
        time.sleep(SETTLE_SECONDS)  # postlogd writes asynchronously
        try:
            with open(self.maillog, encoding="utf-8", errors="replace") as f:
                return f.read()
        except FileNotFoundError:
            return ""

    def destroy(self):
        for stand_in in self.dovecots:
            stand_in.close()
        self.dovecots = []
        if self.started:
            self.postfix.run(["postfix", "-c", self.inner(self.conf), "stop"],
                             timeout=instance.STOP_TIMEOUT)
            _wait_gone(os.path.join(self.queue, "pid", "master.pid"))
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)


def spoken_to(command):
    """Whether a service of this command gets an SMTP session: smtpd, postscreen, or an
    option where the command belongs (`smtp inet n - n - - -o content_filter=...`)."""
    return command in ("smtpd", "postscreen") or command.startswith("-")


def listening(port):
    """Whether something listens on 127.0.0.1:port, read from /proc/net/tcp: connecting to
    find out would start the service (a spawn of a program that is not here, a proxy-protocol
    smtpd that logs the empty connection)."""
    wanted = f"0100007F:{port:04X}"
    with open("/proc/net/tcp", encoding="ascii") as f:
        return any(fields[1] == wanted and fields[3] == "0A"
                   for fields in (line.split() for line in f) if len(fields) > 3)


def chain_file_kind(path):
    """key or cert for a file of `*_chain_files`, by its name (the pki path table)."""
    found = pki.classify(path)
    if found is None:
        return None
    return "key" if found[0] == "key" else "cert"


def _wait_gone(pid_file):
    try:
        with open(pid_file, encoding="ascii") as f:
            pid = int(f.read().strip())
    except (OSError, ValueError):
        return
    deadline = time.monotonic() + instance.STOP_TIMEOUT
    while os.path.exists(f"/proc/{pid}"):
        if time.monotonic() > deadline:
            os.kill(pid, 9)  # only the master this instance started, by its pid file
            return
        time.sleep(0.1)


def _context():
    """A client that accepts any certificate and any protocol: the question is whether the
    server completes a handshake at all, not whom it is."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
    ctx.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
    return ctx


def talk(service, port, wrapper, proxy):
    """EHLO, and STARTTLS when offered (or a handshake first in wrapper mode); AUTH before and
    after TLS. With the PROXY protocol the client first says where it comes from, as the
    front proxy would."""
    ctx = _context()
    result = dict(service=service, port=port, wrapper=wrapper, greeting="", starttls=False,
                  auth_in_clear="", tls="", tls_error="", auth_after_tls="", error="")

    class Client(smtplib.SMTP):
        def _get_socket(self, host, p, timeout):
            sock = socket.create_connection((host, p), timeout)
            if proxy:
                sock.sendall(f"PROXY TCP4 127.0.0.1 127.0.0.1 40000 {port}\r\n".encode())
            if wrapper:
                try:
                    sock = ctx.wrap_socket(sock)
                except (ssl.SSLError, OSError) as e:
                    sock.close()
                    result["tls_error"] = f"{type(e).__name__}: {e}"
                    raise
                result["tls"] = f"{sock.version()} {sock.cipher()[0]}"
            return sock

    client = None
    try:
        client = Client(timeout=SMTP_TIMEOUT)
        code, banner = client.connect("127.0.0.1", port)
        result["greeting"] = f"{code} {banner.decode(errors='replace')}"
        if code != 220:
            return Seen(**result)
        client.ehlo(probes.CLIENT_NAME)
        auth = client.esmtp_features.get("auth", "").strip()
        if wrapper:
            result["auth_after_tls"] = auth
            return Seen(**result)
        result["auth_in_clear"] = auth
        result["starttls"] = client.has_extn("starttls")
        if result["starttls"]:
            code, reply = client.docmd("STARTTLS")
            if code != 220:
                result["tls_error"] = f"STARTTLS answered {code} {reply.decode(errors='replace')}"
                return Seen(**result)
            try:
                client.sock = ctx.wrap_socket(client.sock)
            except (ssl.SSLError, OSError) as e:
                result["tls_error"] = f"{type(e).__name__}: {e}"
                return Seen(**result)
            client.file = None
            result["tls"] = f"{client.sock.version()} {client.sock.cipher()[0]}"
            client.ehlo_resp = None
            client.esmtp_features = {}
            client.ehlo(probes.CLIENT_NAME)
            result["auth_after_tls"] = client.esmtp_features.get("auth", "").strip()
    except (smtplib.SMTPException, OSError, ssl.SSLError, ValueError) as e:
        if not result["tls_error"]:
            result["error"] = f"{type(e).__name__}: {e}"
    finally:
        if client is not None:
            try:
                client.quit()
            except (smtplib.SMTPException, OSError, ssl.SSLError):
                client.close()
    return Seen(**result)


# ---------------------------------------------------------------- judging


def log_problems(log):
    return [line for line in log.splitlines()
            if re.search(r"\b(fatal|panic|error|warning):", line)]


def refusals(start_failure, seen, log):
    """Every refusal Postfix showed: start, fatal/panic log lines, services."""
    found = []
    if start_failure:
        found.append(("", f"start: {start_failure}"))
    for line in log.splitlines():
        if re.search(r"\b(fatal|panic):", line):
            found.append(("", f"log: {line}"))
    for s in seen:
        if s.refusal():
            found.append((s.service, s.refusal()))
    return found


def _names(message):
    return re.findall(r"`([^`]+)`", message)


def _concerns(error, service, entries):
    """Whether a linter error is about this master.cf service (by its line)."""
    if os.path.basename(error["file"] or "") != "master.cf":
        return False
    return any(name == service and first <= error["line"] <= last
               for name, _, first, last in entries)


def agreement(error, seen, problems, refused, entries):
    """The evidence in the running Postfix for one linter error, or '' when there is none."""
    in_master = os.path.basename(error["file"] or "") == "master.cf"
    concerned = [s for s in seen if not in_master or _concerns(error, s.service, entries)]
    if error["id"] == "sasl_over_cleartext":
        hits = [s for s in concerned if s.auth_in_clear]
        return "; ".join(f"{s.service} (port {s.port}) offered AUTH {s.auth_in_clear} before "
                         "TLS" for s in hits)
    if error["id"] == "wrappermode_on_submission":
        hits = [s for s in concerned if s.wrapper and s.tls]
        return "; ".join(f"{s.service} (port {s.port}) spoke TLS from the first byte"
                         for s in hits)
    if error["id"] == "submissions_without_wrappermode":
        hits = [s for s in concerned if not s.wrapper and s.greeting.startswith("220")]
        return "; ".join(f"{s.service} (port {s.port}) greeted in plain text before any TLS: "
                         f"{s.greeting[:40]!r}" for s in hits)
    names = [n for n in _names(error["message"]) if len(n) > 2]
    said = [line for line in problems if any(n in line for n in names)]
    said += [text for service, text in refused
             if in_master and service and _concerns(error, service, entries)]
    return "; ".join(said[:3])


def matched(refusal, errors, entries, fatals=()):
    """The linter error that predicted a refusal: one about the refusing service (by its
    master.cf lines), or one naming what the refusal names. A service that does not greet or
    does no TLS is also explained by a fatal of its daemon that an error predicted."""
    service, text = refusal
    # master names the program it failed to run ("master_spawn: exec
    # /usr/lib/postfix/sbin/-o: No such file or directory"): an error naming that program.
    spawned = re.search(r"master_spawn: exec \S*/([^/\s:]+):", text)
    for error in errors:
        if service and _concerns(error, service, entries):
            return error
        if any(n in text for n in _names(error["message"]) if len(n) > 2):
            return error
        if spawned and spawned.group(1) in _names(error["message"]):
            return error
    if service:
        return next((e for f in fatals if (e := matched(("", f), errors, entries))), None)
    return None


def judge(name, series, errors, seen, log, start_failure, master_text):
    """The checks of one configuration: each linter error agreed with, each refusal matched
    (or a known gap, returned as a note)."""
    checks, notes = [], []
    entries = master_entries(master_text)
    problems = log_problems(log)
    refused = refusals(start_failure, seen, log)
    for error in errors:
        evidence = agreement(error, seen, problems, refused, entries)
        where = f"{os.path.basename(error['file'] or '')}:{error['line']}"
        checks.append(probes.Check(
            f"linter error {error['id']} at {where}: real Postfix agrees",
            bool(evidence), evidence or f"nothing in the running Postfix shows it: "
            f"{error['message']}"))
    gaps = KNOWN_GAPS.get((name, series), [])
    unmatched = []
    fatals = [text for service, text in refused if not service]
    for refusal in refused:
        error = matched(refusal, errors, entries, fatals)
        gap = next((reason for text, reason in gaps if text in refusal[1]), None)
        if error is not None:
            continue
        if gap is not None:
            notes.append(f"known gap: {refusal[1]} ({gap})")
            continue
        unmatched.append(refusal[1])
    checks.append(probes.Check(
        f"every refusal of Postfix is a linter error ({len(refused)} refusals, "
        f"{len(seen)} services spoken to)", not unmatched, "; ".join(unmatched)[:800]))
    return checks, notes


def lint(generator, series, files):
    done = subprocess.run([generator, "lint", "--postfix-version", series, "--format", "json",
                           *files], capture_output=True, text=True, timeout=COMMAND_TIMEOUT)
    return [d for d in json.loads(done.stdout) if d["severity"] == "error"]
