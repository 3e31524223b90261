"""A stand-in smarthost on a loopback port: the relayhost of a generated config is pointed here
so that Postfix's SMTP client really runs with the generated outbound settings.

It speaks just enough ESMTP: STARTTLS (port-587 style) or TLS from the first byte (465 style),
AUTH PLAIN/LOGIN after TLS, MAIL, RCPT, DATA, RSET, QUIT. It records for each session whether
TLS was used, the protocol, the authenticated user and the delivered messages.
"""

import base64
import socket
import ssl
import threading

IO_TIMEOUT = 10


class Session:
    def __init__(self):
        self.tls_version = None
        self.user = None
        self.messages = 0


class RelaySink:
    def __init__(self, port, cert_file, key_file, implicit_tls, user, password):
        self.port = port
        self.implicit_tls = implicit_tls
        self.user = user
        self.password = password
        self.sessions = []
        # False makes the sink a smarthost without STARTTLS, to prove mandatory levels.
        self.offer_starttls = True
        self.use_certificate(cert_file, key_file)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(8)
        self.sock.settimeout(0.5)
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def use_certificate(self, cert_file, key_file):
        """Serves this certificate from the next session on (a new context: no session of the
        old one can be resumed)."""
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert_file, key_file)
        self.ctx = ctx
        self.certificate = (cert_file, key_file)

    def close(self):
        self._stop.set()
        self.thread.join(timeout=5)
        self.sock.close()

    def delivered(self):
        return [s for s in self.sessions if s.messages]

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn):
        session = Session()
        self.sessions.append(session)
        conn.settimeout(IO_TIMEOUT)
        try:
            if self.implicit_tls:
                conn = self.ctx.wrap_socket(conn, server_side=True)
                session.tls_version = conn.version()
            self._dialogue(conn, session)
        except (OSError, ssl.SSLError, ValueError):
            return
        finally:
            conn.close()

    def _dialogue(self, conn, session):
        reader = conn.makefile("rb")
        send = conn.sendall
        send(b"220 relay-sink.example.test ESMTP\r\n")
        while True:
            line = reader.readline(4096)
            if not line:
                return
            verb = line.split(b" ", 1)[0].strip().upper()
            arg = line[len(verb):].strip()
            if verb in (b"EHLO", b"HELO"):
                features = [b"250-relay-sink.example.test", b"250-PIPELINING"]
                if session.tls_version is None and self.offer_starttls:
                    features.append(b"250-STARTTLS")
                else:
                    features.append(b"250-AUTH PLAIN LOGIN")
                features.append(b"250 8BITMIME")
                send(b"\r\n".join(features) + b"\r\n")
            elif verb == b"STARTTLS" and session.tls_version is None and self.offer_starttls:
                send(b"220 2.0.0 go ahead\r\n")
                conn = self.ctx.wrap_socket(conn, server_side=True)
                session.tls_version = conn.version()
                reader = conn.makefile("rb")
                send = conn.sendall
            elif verb == b"AUTH" and session.tls_version is not None:
                session.user = self._auth(arg, reader, send)
                send(b"235 2.7.0 ok\r\n" if session.user else b"535 5.7.8 bad\r\n")
            elif verb in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                send(b"250 2.0.0 ok\r\n")
            elif verb == b"DATA":
                send(b"354 go on\r\n")
                while True:
                    data = reader.readline(65536)
                    if not data or data in (b".\r\n", b".\n"):
                        break
                session.messages += 1
                send(b"250 2.0.0 queued at the sink\r\n")
            elif verb == b"QUIT":
                send(b"221 2.0.0 bye\r\n")
                return
            else:
                send(b"502 5.5.2 not here\r\n")

    def _auth(self, arg, reader, send):
        parts = arg.split()
        mechanism = parts[0].upper() if parts else b""
        if mechanism == b"PLAIN":
            if len(parts) > 1:
                response = parts[1]
            else:
                send(b"334 \r\n")
                response = reader.readline(4096).strip()
            fields = _unb64(response).split("\0")
            user, password = (fields[1], fields[2]) if len(fields) == 3 else ("", None)
        elif mechanism == b"LOGIN":
            send(b"334 " + base64.b64encode(b"Username:") + b"\r\n")
            user = _unb64(reader.readline(4096).strip())
            send(b"334 " + base64.b64encode(b"Password:") + b"\r\n")
            password = _unb64(reader.readline(4096).strip())
        else:
            return None
        return user if (user, password) == (self.user, self.password) else None


def _unb64(data):
    try:
        return base64.b64decode(data).decode("utf-8", "replace")
    except ValueError:
        return ""
