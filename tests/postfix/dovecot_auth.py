"""A minimal stand-in for Dovecot's authentication server on Postfix's `private/auth` socket.

It speaks the server side of Dovecot's auth protocol 1.x as Postfix's xsasl_dovecot client uses
it: the handshake (VERSION, MECH, SPID, CUID, COOKIE, DONE), then AUTH requests for PLAIN and
LOGIN, answering OK for the one test user and FAIL for anything else. That makes the Dovecot
variant of a generated config an end-to-end check: smtpd really connects here, lists our
mechanisms in EHLO and relays only after we said OK.
"""

import base64
import os
import socket
import threading

# Postfix filters mechanisms by these flags against smtpd_sasl_security_options
# (`noplaintext` hides PLAIN and LOGIN before TLS), so they must be honest.
MECHANISMS = ("PLAIN\tplaintext", "LOGIN\tplaintext")
IO_TIMEOUT = 10


class DovecotAuth:
    """Serves the auth socket in a daemon thread until `close()`."""

    def __init__(self, path, user, password, owner_uid, owner_gid):
        self.path = path
        self.user = user
        self.password = password
        self.requests = []
        if os.path.exists(path):
            os.unlink(path)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(path)
        os.chown(path, owner_uid, owner_gid)
        os.chmod(path, 0o660)
        self.sock.listen(8)
        self.sock.settimeout(0.5)
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def close(self):
        self._stop.set()
        self.thread.join(timeout=5)
        self.sock.close()
        if os.path.exists(self.path):
            os.unlink(self.path)

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn):
        conn.settimeout(IO_TIMEOUT)
        try:
            with conn, conn.makefile("rw", encoding="utf-8", newline="\n") as stream:
                handshake = ["VERSION\t1\t2"]
                handshake += [f"MECH\t{m}" for m in MECHANISMS]
                handshake += ["SPID\t4242", "CUID\t1", "COOKIE\t" + "0" * 32, "DONE"]
                stream.write("\n".join(handshake) + "\n")
                stream.flush()
                pending = {}
                for line in stream:
                    self._answer(line.rstrip("\n").split("\t"), stream, pending)
        except (OSError, ValueError):
            # A client that hangs up or sends garbage ends its session; the stand-in goes on.
            return

    def _answer(self, fields, stream, pending):
        command = fields[0]
        if command in ("VERSION", "CPID"):
            return
        if command == "AUTH" and len(fields) >= 3:
            request_id, mechanism = fields[1], fields[2].upper()
            args = dict(f.split("=", 1) for f in fields[3:] if "=" in f)
            self.requests.append((mechanism, args.get("service", "")))
            if mechanism == "PLAIN":
                if "resp" in args:
                    self._finish_plain(request_id, args["resp"], stream)
                else:
                    pending[request_id] = ("PLAIN", [])
                    self._send(stream, f"CONT\t{request_id}\t")
            elif mechanism == "LOGIN":
                pending[request_id] = ("LOGIN", [])
                self._send(stream, f"CONT\t{request_id}\t{_b64('Username:')}")
            else:
                self._send(stream, f"FAIL\t{request_id}\treason=unsupported mechanism")
            return
        if command == "CONT" and len(fields) >= 2 and fields[1] in pending:
            request_id = fields[1]
            response = fields[2] if len(fields) > 2 else ""
            mechanism, answers = pending[request_id]
            if mechanism == "PLAIN":
                del pending[request_id]
                self._finish_plain(request_id, response, stream)
                return
            answers.append(_unb64(response))
            if len(answers) == 1:
                self._send(stream, f"CONT\t{request_id}\t{_b64('Password:')}")
            else:
                del pending[request_id]
                self._verdict(request_id, answers[0], answers[1], stream)

    def _finish_plain(self, request_id, response, stream):
        parts = _unb64(response).split("\0")
        if len(parts) == 3:
            self._verdict(request_id, parts[1], parts[2], stream)
        else:
            self._send(stream, f"FAIL\t{request_id}\treason=malformed PLAIN response")

    def _verdict(self, request_id, user, password, stream):
        if user == self.user and password == self.password:
            self._send(stream, f"OK\t{request_id}\tuser={user}")
        else:
            self._send(stream, f"FAIL\t{request_id}\tuser={user}\treason=bad credentials")

    @staticmethod
    def _send(stream, line):
        stream.write(line + "\n")
        stream.flush()


def _b64(text):
    return base64.b64encode(text.encode()).decode()


def _unb64(text):
    try:
        return base64.b64decode(text).decode("utf-8", "replace")
    except ValueError:
        return ""
