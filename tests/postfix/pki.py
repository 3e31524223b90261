"""The test PKI: one CA, an RSA and an ECDSA server certificate for mail.example.test, and the
table that maps the paths a generated config names to files made from them.

Generated configs name real-world paths (Debian's snakeoil pair, certbot's live directory, the
tool's default custom paths). A test instance must never read the host's own files there, so
every absolute path in a generated snippet is looked up in PATH_TABLE and replaced by a file of
the same kind inside the instance directory. A path that matches no row fails the case: the
harness never guesses.
"""

import os
import re
import subprocess

HOSTNAME = "mail.example.test"
OPENSSL_TIMEOUT = 60


def _openssl(*args, cwd):
    subprocess.run(
        ["openssl", *args],
        cwd=cwd,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=OPENSSL_TIMEOUT,
    )


class Pki:
    """Key material made once per suite run in `directory` and copied into each instance."""

    def __init__(self, directory):
        self.directory = directory
        os.makedirs(directory, exist_ok=True)
        self._make_ca()
        for algorithm in ("rsa", "ecdsa"):
            self._make_server(algorithm)
        # A self-signed certificate for the same name, which no test client trusts.
        _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                 "-subj", f"/CN={HOSTNAME}", "-addext",
                 f"subjectAltName=DNS:{HOSTNAME},DNS:127.0.0.1,IP:127.0.0.1",
                 "-keyout", "untrusted-key.pem", "-out", "untrusted-cert.pem", cwd=directory)
        # RFC 7919 ffdhe2048: instant, unlike `openssl dhparam`, and a sane group.
        _openssl(
            "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048",
            "-out", "dh2048.pem", cwd=directory,
        )

    def path(self, name):
        return os.path.join(self.directory, name)

    def read(self, name):
        with open(self.path(name), encoding="ascii") as f:
            return f.read()

    def _make_ca(self):
        _openssl(
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=postfix-tls test CA", "-keyout", "ca-key.pem", "-out", "ca.pem",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            cwd=self.directory,
        )

    def _make_server(self, algorithm):
        d = self.directory
        if algorithm == "rsa":
            _openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
                     "-out", "rsa-key.pem", cwd=d)
        else:
            _openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                     "-out", "ecdsa-key.pem", cwd=d)
        _openssl("req", "-new", "-key", f"{algorithm}-key.pem", "-subj", f"/CN={HOSTNAME}",
                 "-out", f"{algorithm}.csr", cwd=d)
        ext = f"{algorithm}.ext"
        with open(os.path.join(d, ext), "w", encoding="ascii") as f:
            f.write(
                # DNS:127.0.0.1 lets Postfix's `verify` level (match `hostname`) accept the
                # relay sink reached as [127.0.0.1]. `secure` matches the nexthop and refuses
                # it whatever the SANs say (see run.py outbound_checks).
                f"subjectAltName=DNS:{HOSTNAME},DNS:127.0.0.1,IP:127.0.0.1\n"
                "extendedKeyUsage=serverAuth\n"
                "basicConstraints=critical,CA:FALSE\n"
            )
        _openssl("x509", "-req", "-in", f"{algorithm}.csr", "-CA", "ca.pem",
                 "-CAkey", "ca-key.pem", "-CAcreateserial", "-days", "2",
                 "-extfile", ext, "-out", f"{algorithm}-cert.pem", cwd=d)
        cert, ca, key = (self.read(f"{algorithm}-cert.pem"), self.read("ca.pem"),
                         self.read(f"{algorithm}-key.pem"))
        contents = {
            f"{algorithm}-fullchain.pem": cert + ca,
            f"{algorithm}-combined.pem": key + cert + ca,
        }
        for name, text in contents.items():
            with open(os.path.join(d, name), "w", encoding="ascii") as f:
                f.write(text)


# What a file named in a generated config must contain, by its path. First match wins; the
# algorithm is ECDSA when the path says so (`ecdsa`, `ecc`), RSA otherwise. `{alg}` is filled in.
# Kinds: key, cert (leaf only), fullchain (leaf + CA), chain (CA only), combined (key + leaf +
# CA), ca (the CA bundle a client verifies with), dh (DH parameters).
PATH_TABLE = [
    # Debian ssl-cert snakeoil pair (self-signed there; here signed by the test CA).
    (r"^/etc/ssl/certs/ssl-cert-snakeoil\.pem$", "fullchain"),
    (r"^/etc/ssl/private/ssl-cert-snakeoil\.key$", "key"),
    # certbot: /etc/letsencrypt/live/DOMAIN/{privkey,fullchain,cert,chain}.pem
    (r"^/etc/letsencrypt/live/[^/]+/privkey\.pem$", "key"),
    (r"^/etc/letsencrypt/live/[^/]+/fullchain\.pem$", "fullchain"),
    (r"^/etc/letsencrypt/live/[^/]+/cert\.pem$", "cert"),
    (r"^/etc/letsencrypt/live/[^/]+/chain\.pem$", "chain"),
    # The client CA bundle for verify/secure.
    (r"^/etc/ssl/certs/ca-certificates\.crt$", "ca"),
    # Custom paths (the tool's defaults and the matrix's single-file variant).
    (r"combined[^/]*\.pem$", "combined"),
    (r"(^|/)[^/]*dh[^/]*\.pem$", "dh"),
    (r"(^|/)[^/]*(key|privkey)[^/]*\.(pem|key)$", "key"),
    (r"(^|/)[^/]*fullchain[^/]*\.(pem|crt)$", "fullchain"),
    (r"(^|/)[^/]*(cert|crt)[^/]*\.(pem|crt)$", "fullchain"),
]

SOURCE_FILE = {
    "key": "{alg}-key.pem",
    "cert": "{alg}-cert.pem",
    "fullchain": "{alg}-fullchain.pem",
    "chain": "ca.pem",
    "combined": "{alg}-combined.pem",
    "ca": "ca.pem",
    "dh": "dh2048.pem",
}

# An absolute path in a generated snippet (not one after `$name` or `}`, which is relative to
# a Postfix directory parameter).
PATH_PATTERN = re.compile(r"(?<![\w$}])(/(?:etc|var|usr|opt|srv|home)/[^\s,;]+)")


def algorithm_of(path):
    return "ecdsa" if re.search(r"ecdsa|ecc|(^|[-_/])ec[-_.]", path) else "rsa"


def classify(path):
    """The (kind, algorithm) of a generated path, or None when no row matches."""
    for pattern, kind in PATH_TABLE:
        if re.search(pattern, path):
            return kind, algorithm_of(path)
    return None
