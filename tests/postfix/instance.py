"""A private Postfix instance built from Debian's stock configuration plus a generated snippet.

An instance belongs to one real Postfix (postfixes.py): its folder lies inside that Postfix's
root (`/tmp` there), its files are written through paths on this machine, the text of its
configuration names the paths that Postfix sees (`postfix.inner`), its commands run in the root
(`postfix.run`), and file owners are the root's own `postfix` user and group.

Layout under the instance root (removed by `destroy()`):
    conf/   main.cf, master.cf, sasl/smtpd.conf, sasldb2, sasl_passwd(.db), openssl.cnf
    queue/  queue_directory (private/auth is the Dovecot stand-in's socket)
    data/   data_directory
    tls/    key material copied from the suite's test PKI
    maillog the instance's log (`maillog_file` via the `postlog` service)

Every external command has a timeout, and every wait is bounded.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import time

import pki
import stock

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMMAND_TIMEOUT = 60
START_TIMEOUT = 30
STOP_TIMEOUT = 20

# Well-known service ports and the base of their unprivileged loopback stand-ins: a worker in
# slot s serves port 25 on 2525+s, 587 on 2587+s and 465 on 2465+s, so parallel cases never
# collide as long as there are fewer than 60 slots.
PORT_BASE = {"25": 2525, "587": 2587, "465": 2465}
# Harness-only ports per slot: an injection smtpd (plaintext, relays anything, loopback only)
# that hands a message to Postfix's SMTP client, and the stand-in relayhost (relay_sink.py).
INJECT_BASE = 2825
SINK_BASE = 2925
SERVICE_PORTS = {"smtp": "25", "submission": "587", "submissions": "465", "smtps": "465"}

# Slots 0..MAX_SLOTS-1 keep every port block apart (2465+s stays below 2525, 2525+s below 2587).
MAX_SLOTS = 60
# A real-world configuration (realworld_instance.py) has up to a dozen inet services (mailcow:
# 11): slot s serves them on REALWORLD_BASE + s * REALWORLD_PORTS and up, 3100 to 4299.
REALWORLD_BASE = 3100
REALWORLD_PORTS = 20


def slot_ports(slot):
    """Every loopback port an instance in this slot uses."""
    realworld = REALWORLD_BASE + slot * REALWORLD_PORTS
    return [*(base + slot for base in PORT_BASE.values()), INJECT_BASE + slot, SINK_BASE + slot,
            *range(realworld, realworld + REALWORLD_PORTS)]


TEST_USER = "testuser"
TEST_PASSWORD = "Test-Passw0rd"


class SetupError(Exception):
    """The instance could not be built from the generated snippets (a harness finding)."""


def parse_main(text):
    """main.cf as an ordered list of (name, value); continuation lines joined. Comments and
    blank lines are dropped. Raises SetupError on a line that is not `name = value`."""
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[0].isspace():
            if not entries:
                raise SetupError(f"main.cf line {number}: continuation without a parameter")
            name, value = entries[-1]
            entries[-1] = (name, f"{value} {stripped}".strip())
            continue
        match = re.match(r"^([A-Za-z0-9_.-]+)\s*=\s*(.*)$", line)
        if not match:
            raise SetupError(f"main.cf line {number}: not `name = value`: {line!r}")
        entries.append((match.group(1), match.group(2).strip()))
    return entries


def parse_master(text):
    """master.cf as a list of entries; each entry is a list of its physical lines (the service
    line first, then its indented continuation lines). Comments and blank lines are dropped."""
    entries = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[0].isspace():
            if not entries:
                raise SetupError(f"master.cf: continuation without a service: {line!r}")
            entries[-1].append(line)
        else:
            entries.append([line])
    return entries


def service_key(entry):
    fields = entry[0].split()
    if len(fields) < 8:
        raise SetupError(f"master.cf: service line with fewer than 8 fields: {entry[0]!r}")
    return fields[0], fields[1]


def remap_service(name, slot):
    """The loopback port a well-known inet service name or port is served on, and the
    well-known port it stands for (None when the name is not one we remap)."""
    host, _, port = name.rpartition(":")
    well_known = SERVICE_PORTS.get(port, port if port in PORT_BASE else None)
    if well_known is None:
        return name, None
    remapped = str(PORT_BASE[well_known] + slot)
    return (f"{host}:{remapped}" if host else remapped), well_known


class Instance:
    """One Postfix instance for one case. Use `build()`, then `static_check()`, `start()`, the
    probes, and always `destroy()`."""

    def __init__(self, postfix, root, slot, test_pki, main_snippet, master_snippet):
        self.postfix = postfix
        self.root = root
        self.slot = slot
        self.pki = test_pki
        self.main_snippet = main_snippet
        self.master_snippet = master_snippet
        self.conf = os.path.join(root, "conf")
        self.queue = os.path.join(root, "queue")
        self.data = os.path.join(root, "data")
        self.tls = os.path.join(root, "tls")
        self.maillog = os.path.join(root, "maillog")
        self.syslog_name = f"pfxtest{slot}"
        # well-known port -> loopback port, for the services the generated master.cf defines
        self.ports = {}
        # substitutions done in the generated text: original path -> instance path
        self.substitutions = {}
        self.notes = []
        self.main = {}
        self.dovecot = None
        self.sink = None
        self.started = False
        self.inject_port = INJECT_BASE + slot
        self.sink_port = SINK_BASE + slot
        # the generated relayhost before it was pointed at the sink
        self.relayhost = None

    def inner(self, path):
        """A path of the instance as its Postfix sees it (inside its root)."""
        return self.postfix.inner(path)

    def run(self, args, check=True, timeout=COMMAND_TIMEOUT, input_text=None):
        """A command in this instance's Postfix root."""
        result = self.postfix.run(args, timeout=timeout, input_text=input_text)
        if check and result.returncode != 0:
            raise SetupError(f"`{' '.join(args)}` ({self.postfix}) exited {result.returncode}: "
                             f"{result.stderr.strip()}")
        return result

    # ---------------------------------------------------------------- building

    def build(self, sasl_type):
        for d in (self.conf, self.queue, self.data, self.tls):
            os.makedirs(d, exist_ok=True)
        os.chmod(self.root, 0o755)
        os.chown(self.data, *self.postfix.ids("postfix"))
        main_snippet = self._substitute_paths(self.main_snippet)
        master_snippet = self._substitute_paths(self.master_snippet)
        self._write_main(main_snippet)
        self._write_master(master_snippet)
        self._write_sasl(sasl_type)
        self._write_openssl_cnf()

    def _substitute_paths(self, text):
        def replace(match):
            path = match.group(1)
            if path in self.substitutions:
                return self.substitutions[path]
            target = self._instance_file_for(path)
            self.substitutions[path] = target
            return target

        return pki.PATH_PATTERN.sub(replace, text)

    def _instance_file_for(self, path):
        # Tables and directories the harness provides itself.
        if path.rstrip("/") == "/etc/ssl/certs":
            return path
        if re.search(r"/sasl_passwd$", path):
            return self.inner(os.path.join(self.conf, "sasl_passwd"))
        kind = pki.classify(path)
        if kind is None:
            raise SetupError(f"generated path {path} matches no row of the path table (pki.py)")
        kind, algorithm = kind
        source = self.pki.path(pki.SOURCE_FILE[kind].format(alg=algorithm))
        target = os.path.join(self.tls, re.sub(r"[^A-Za-z0-9.-]", "_", path.strip("/")))
        shutil.copyfile(source, target)
        os.chmod(target, 0o600 if kind in ("key", "combined") else 0o644)
        return self.inner(target)

    def harness_main(self):
        """The instance settings the harness owns: directories, logging, loopback, and a
        mail domain whose mail stays in the queue so its Received: header can be read."""
        return [
            ("queue_directory", self.inner(self.queue)),
            ("data_directory", self.inner(self.data)),
            ("maillog_file", self.inner(self.maillog)),
            ("maillog_file_prefixes", self.inner(self.root)),
            ("syslog_name", self.syslog_name),
            ("inet_interfaces", "loopback-only"),
            ("inet_protocols", "ipv4"),
            ("myhostname", pki.HOSTNAME),
            ("myorigin", pki.HOSTNAME),
            ("mydestination", pki.HOSTNAME),
            # Loopback is NOT in mynetworks: the probes must be treated like strangers from
            # the Internet, or "unauthenticated relaying refused" could not fail.
            ("mynetworks", "192.0.2.0/24"),
            ("alias_maps", ""),
            ("alias_database", ""),
            ("local_recipient_maps", ""),
            ("defer_transports", "local"),
            ("cyrus_sasl_config_path", self.inner(os.path.join(self.conf, "sasl"))),
            ("import_environment",
             "MAIL_CONFIG MAIL_DEBUG MAIL_LOGTAG TZ LANG=C "
             f"OPENSSL_CONF={self.inner(os.path.join(self.conf, 'openssl.cnf'))}"),
        ]

    # Harness settings a generated snippet may not change: they keep the instance private.
    PROTECTED = {"queue_directory", "data_directory", "maillog_file", "maillog_file_prefixes",
                 "syslog_name", "inet_protocols", "import_environment", "cyrus_sasl_config_path"}

    def _write_main(self, snippet):
        with open(os.path.join(stock.folder(self.postfix.series), "main.cf"),
                  encoding="utf-8") as f:
            base = parse_main(f.read())
        merged = dict(base)
        order = [name for name, _ in base]

        def put(name, value):
            if name not in merged:
                order.append(name)
            merged[name] = value

        for name, value in self.harness_main():
            put(name, value)
        generated = parse_main(snippet)
        for name, value in generated:
            if name in self.PROTECTED:
                self.notes.append(f"generated main.cf sets harness-owned `{name}`; kept ours")
                continue
            if name == "inet_interfaces" and value not in ("loopback-only", "127.0.0.1"):
                self.notes.append(f"generated inet_interfaces={value}: kept loopback-only")
                continue
            if name == "relayhost" and value:
                # Point the smarthost at the stand-in on loopback, keeping only the brackets
                # (no MX lookup) that a relayhost with a port needs.
                self.relayhost = value
                value = f"[127.0.0.1]:{self.sink_port}"
            put(name, value)
        self.main = dict(generated)
        if self.relayhost:
            self.main["relayhost"] = merged["relayhost"]
        with open(os.path.join(self.conf, "main.cf"), "w", encoding="utf-8") as f:
            for name in order:
                f.write(f"{name} = {merged[name]}\n")

    def _write_master(self, snippet):
        with open(os.path.join(stock.folder(self.postfix.series), "master.cf"),
                  encoding="utf-8") as f:
            base = parse_master(f.read())
        generated = parse_master(snippet)
        generated_keys = {service_key(e) for e in generated}
        entries = []
        for entry in base:
            key = service_key(entry)
            if key in generated_keys:
                continue
            if key[1] == "inet":
                # The stock port-25 smtpd: keep it (on its loopback port) unless the generated
                # master.cf defines its own, so the instance behaves like a stock host.
                if any(remap_service(k[0], 0)[1] == remap_service(key[0], 0)[1]
                       for k in generated_keys if k[1] == "inet"):
                    continue
            entries.append(entry)
        entries += generated
        out = []
        for entry in entries:
            fields = entry[0].split()
            name, kind = fields[0], fields[1]
            if kind == "inet":
                name, well_known = remap_service(name, self.slot)
                if well_known is None:
                    raise SetupError(f"master.cf inet service {fields[0]!r} is not 25/587/465")
                if well_known in self.ports:
                    raise SetupError(f"two inet services for port {well_known}")
                self.ports[well_known] = int(name.rpartition(":")[2])
            # Debian chroots services; the instance's files live outside any chroot.
            fields[0], fields[4] = name, "n"
            out.append(" ".join(fields))
            out.extend(entry[1:])
        # The injection service: how the harness hands mail to the SMTP client without
        # sendmail (which would need alternate_config_directories in /etc/postfix/main.cf).
        out.append(f"127.0.0.1:{self.inject_port} inet n - n - - smtpd")
        out.extend(f"  -o {o}" for o in (
            "syslog_name=postfix-inject", "smtpd_tls_security_level=none",
            "smtpd_sasl_auth_enable=no", "smtpd_client_restrictions=",
            "smtpd_helo_restrictions=", "smtpd_sender_restrictions=",
            "mynetworks=127.0.0.0/8", "smtpd_relay_restrictions=permit_mynetworks,reject",
            "smtpd_recipient_restrictions="))
        with open(os.path.join(self.conf, "master.cf"), "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")

    def append_pasted(self, name, text):
        """Appends text to conf/main.cf or conf/master.cf as a person pasted it, unparsed (a
        stray file name or an `-o` line that continues nothing is what Postfix must judge):
        only paths the path table knows become stand-ins, and a well-known service name at
        the start of a line is served on this slot's port."""
        def path(match):
            return (self._substitute_paths(match.group(1)) if pki.classify(match.group(1))
                    else match.group(1))

        lines = []
        for line in pki.PATH_PATTERN.sub(path, text).splitlines(keepends=True):
            first = line.split(maxsplit=1)
            if name == "master.cf" and first and not line[0].isspace():
                remapped, well_known = remap_service(first[0], self.slot)
                if well_known is not None:
                    line = remapped + line[len(first[0]):]
            lines.append(line)
        with open(os.path.join(self.conf, name), "a", encoding="utf-8") as f:
            f.write("".join(lines))

    def _write_sasl(self, sasl_type):
        sasl_dir = os.path.join(self.conf, "sasl")
        os.makedirs(sasl_dir, exist_ok=True)
        sasldb = os.path.join(self.conf, "sasldb2")
        with open(os.path.join(sasl_dir, "smtpd.conf"), "w", encoding="ascii") as f:
            f.write("pwcheck_method: auxprop\nauxprop_plugin: sasldb\n"
                    f"mech_list: PLAIN LOGIN\nsasldb_path: {self.inner(sasldb)}\n")
        if sasl_type == "cyrus":
            self.run(["saslpasswd2", "-f", self.inner(sasldb), "-c", "-p", "-u", pki.HOSTNAME,
                      TEST_USER], input_text=TEST_PASSWORD)
            os.chown(sasldb, 0, self.postfix.gid("postfix"))
            os.chmod(sasldb, 0o640)
        # Client credentials for a relayhost with SASL: postmap the table the snippet names.
        passwd = os.path.join(self.conf, "sasl_passwd")
        if self.inner(passwd) in self.substitutions.values():
            relayhost = self.main.get("relayhost", "[smtp.example.net]:587")
            with open(passwd, "w", encoding="ascii") as f:
                f.write(f"{relayhost} {TEST_USER}:{TEST_PASSWORD}\n")
            os.chmod(passwd, 0o600)
            # The table type the snippet names (hash:, lmdb:, cdb:...), not the version's
            # default_database_type (cdb in sid's stock main.cf).
            self.run(["postmap", "-c", self.inner(self.conf),
                      f"{self.table_type(self.inner(passwd))}:{self.inner(passwd)}"])

    def service_option(self, well_known, name):
        """The `-o name=value` of the generated service for a well-known port, or None."""
        for entry in parse_master(self.master_snippet):
            fields = entry[0].split()
            if fields[1] != "inet" or remap_service(fields[0], 0)[1] != well_known:
                continue
            for line in entry[1:]:
                match = re.match(r"^\s+-o\s+" + re.escape(name) + r"=(\S*)\s*$", line)
                if match:
                    return match.group(1)
        return None

    def table_type(self, path):
        """The map type the generated main.cf gives the table at `path` (Postfix's view)."""
        for value in self.main.values():
            match = re.search(r"([a-z0-9]+):" + re.escape(path) + r"(?![^\s,])", value)
            if match:
                return match.group(1)
        raise SetupError(f"no main.cf value names the table {path}")

    def _write_openssl_cnf(self):
        # The host's system-wide OpenSSL settings (crypto policies raise the floor to TLS 1.2
        # on RHEL) must not decide "lower protocol versions refused": at level 0 the
        # generated configuration alone does. With Debian's openssl.cnf Postfix 3.7.11
        # accepts TLS 1.0 and 1.1 all the same (checked); it is OpenSSL 3.0's *client* that
        # refuses them at its default level ("legacy sigalg disallowed"), so the probes
        # connect with `@SECLEVEL=0` themselves.
        with open(os.path.join(self.conf, "openssl.cnf"), "w", encoding="ascii") as f:
            f.write(
                "openssl_conf = openssl_init\n[openssl_init]\nssl_conf = ssl_sect\n"
                "[ssl_sect]\nsystem_default = system_default_sect\n"
                "[system_default_sect]\nCipherString = DEFAULT:@SECLEVEL=0\n"
            )

    def start_dovecot_stand_in(self):
        import dovecot_auth

        path_value = self.main.get("smtpd_sasl_path", "private/auth")
        path = (self.postfix.outer(path_value) if path_value.startswith("/")
                else os.path.join(self.queue, path_value))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        self.dovecot = dovecot_auth.DovecotAuth(path, TEST_USER, TEST_PASSWORD,
                                                *self.postfix.ids("postfix"))

    def start_relay_sink(self, implicit_tls):
        import relay_sink

        self.sink = relay_sink.RelaySink(self.sink_port, self.pki.path("rsa-fullchain.pem"),
                                         self.pki.path("rsa-key.pem"), implicit_tls,
                                         TEST_USER, TEST_PASSWORD)

    # ---------------------------------------------------------------- checks and lifecycle

    def static_check(self):
        """Warnings from `postconf -n` and `postfix check`, one line each."""
        warnings = []
        conf = self.inner(self.conf)
        for args in (["postconf", "-c", conf, "-n"], ["postfix", "-c", conf, "check"]):
            result = self.run(args, check=False)
            for line in result.stderr.splitlines():
                if line.strip() and line not in warnings:
                    warnings.append(line)
            if result.returncode != 0:
                warnings.append(f"`{' '.join(args)}` exited {result.returncode}")
        return warnings

    def start(self):
        busy = [p for p in [*self.ports.values(), self.inject_port, self.sink_port]
                if listening(p) and not (self.sink and p == self.sink_port)]
        if busy:
            # Probing someone else's server would judge the wrong config.
            return f"ports {busy} already in use (a stale instance?); not starting"
        result = self.run(["postfix", "-c", self.inner(self.conf), "start"], check=False,
                          timeout=START_TIMEOUT)
        self.started = result.returncode == 0
        if not self.started:
            tail = list(dict.fromkeys(result.stderr.strip().splitlines()))[-3:]
            return f"postfix start exited {result.returncode}: {' | '.join(tail)}"
        deadline = time.monotonic() + START_TIMEOUT
        for port in self.ports.values():
            while not listening(port):
                if time.monotonic() > deadline:
                    return f"nothing listens on 127.0.0.1:{port} after {START_TIMEOUT}s"
                time.sleep(0.1)
        return None

    def log(self):
        try:
            with open(self.maillog, encoding="utf-8", errors="replace") as f:
                return f.read()
        except FileNotFoundError:
            return ""

    def log_problems(self):
        """Log lines that say something went wrong: fatal, panic, error, warning."""
        pattern = re.compile(r"\b(fatal|panic|error|warning):", re.I)
        return [line for line in self.log().splitlines() if pattern.search(line)]

    def queue_file(self, queue_id):
        return self.run(["postcat", "-c", self.inner(self.conf), "-q", queue_id],
                        check=False).stdout

    def destroy(self):
        """Stops the instance (bounded) and removes every file. Safe to call twice."""
        if self.dovecot is not None:
            self.dovecot.close()
            self.dovecot = None
        if self.sink is not None:
            self.sink.close()
            self.sink = None
        if self.started:
            try:
                self.run(["postfix", "-c", self.inner(self.conf), "stop"], check=False,
                         timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                pass  # a loaded machine: the master is then stopped by its pid below
            self._wait_master_gone()
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)

    def _master_pid(self):
        try:
            with open(os.path.join(self.queue, "pid", "master.pid"), encoding="ascii") as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None

    def _wait_master_gone(self):
        pid = self._master_pid()
        if pid is None:
            return
        deadline = time.monotonic() + STOP_TIMEOUT
        while _alive(pid):
            if time.monotonic() > deadline:
                # Only the master we started, by its own pid file; never by name.
                os.kill(pid, signal.SIGKILL)
                return
            time.sleep(0.1)


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def listening(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0

