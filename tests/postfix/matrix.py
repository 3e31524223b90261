"""The case matrix: a deterministic pairwise covering array over the generator's options.

Every option the generator has is a factor with a few values. A greedy covering-array
construction (in the spirit of AETG/IPOG, but with no randomness) builds cases until every pair
of values of two different factors appears together in at least one case, skipping pairs that
the constraints forbid. The result depends only on FACTORS and CONSTRAINTS, so the same commit
always tests the same cases; run `python3 tests/postfix/run.py --list` to see them.
"""

import itertools

import postfixes

# The Postfix series the suite runs and the OpenSSL each one's distribution links
# (postfixes.ALL; the `versions` row checks it in each root): the generator is told that pair.
GENERATOR_OPENSSL = {p.series: p.openssl for p in postfixes.ALL}

# Factor name -> its values, in the order the construction tries them. The Postfix version is
# first, so the pairs of every other value with each version are sought from the first case on.
FACTORS = [
    ("postfix", list(GENERATOR_OPENSSL)),
    ("outbound", ["none", "may", "encrypt", "dane", "verify", "secure"]),
    ("cert", ["snakeoil", "lets-encrypt", "custom", "custom-single-file"]),
    ("inbound_profile", ["postfix-default", "intermediate", "modern", "scanner-clean"]),
    ("submission_profile", ["postfix-default", "intermediate", "modern", "scanner-clean"]),
    ("outbound_profile", ["postfix-default", "intermediate", "modern", "scanner-clean"]),
    ("relayhost", ["off", "587-auth", "465-auth", "587-noauth"]),
    ("role", ["public-mx", "relay", "null-client"]),
    ("inbound", ["none", "may", "encrypt"]),
    ("sasl", ["dovecot", "cyrus"]),
    ("submission", [True, False]),
    ("submissions", [True, False]),
    ("layout", ["chain-files", "cert-and-key"]),
    ("ecdsa", [False, True]),
    ("harden_logjam", [True, False]),
    ("no_renegotiation", [False, True]),
    ("tls_logging", [True, False]),
    ("received_header", [True, False]),
    ("comments", [False, True]),
]

MINIMUM_CASES = 40


def allowed(case):
    """False when a (partial) case combines values not worth a Postfix instance: `encrypt` on
    port 25 of a public MX is written as chosen (with the RFC 3207 warning) exactly as on a
    relay, which the relay cases start; and a null client receives nothing, so it has no
    inbound TLS and no submission services."""
    role = case.get("role")
    if role == "public-mx" and case.get("inbound") == "encrypt":
        return False
    if role == "null-client":
        if case.get("inbound") not in (None, "none"):
            return False
        if case.get("submission") is True or case.get("submissions") is True:
            return False
    return True


def _pairs_of(case):
    names = [n for n, _ in FACTORS if n in case]
    return {((a, case[a]), (b, case[b])) for a, b in itertools.combinations(names, 2)}


def covering_array(factors):
    """The cases, each a dict factor -> value, for factors in FACTORS' shape."""
    names = [n for n, _ in factors]
    values = dict(factors)
    uncovered = []
    for a, b in itertools.combinations(names, 2):
        for va in values[a]:
            for vb in values[b]:
                if allowed({a: va, b: vb}):
                    uncovered.append(((a, va), (b, vb)))
    remaining = set(uncovered)
    cases = []
    while remaining:
        # Seed the case with the first uncovered pair (list order: deterministic).
        (a, va), (b, vb) = next(p for p in uncovered if p in remaining)
        case = {a: va, b: vb}
        for name in names:
            if name in case:
                continue
            best, best_gain = None, -1
            for value in values[name]:
                trial = dict(case, **{name: value})
                if not allowed(trial):
                    continue
                gain = len(_pairs_of(trial) & remaining)
                if gain > best_gain:
                    best, best_gain = value, gain
            case[name] = best
        ordered = {n: case[n] for n in names}
        cases.append(ordered)
        remaining -= _pairs_of(ordered)
    return cases


def cases():
    """The covering array, topped up to MINIMUM_CASES by a second covering array seeded from
    the other end of each factor's values (so the extra cases differ from the first ones)."""
    found = covering_array(FACTORS)
    seen = {tuple(c.items()) for c in found}
    for case in covering_array([(n, list(reversed(v))) for n, v in FACTORS]):
        key = tuple(case.items())
        if len(found) >= MINIMUM_CASES:
            break
        if key not in seen:
            found.append(case)
            seen.add(key)
    return [(f"c{i:02d}", case) for i, case in enumerate(found, 1)]


def uncovered_pairs(found):
    """Pairs that constraints allow but no case covers (must be empty)."""
    names = [n for n, _ in FACTORS]
    values = dict(FACTORS)
    covered = set()
    for case in found:
        covered |= _pairs_of(case)
    missing = []
    for a, b in itertools.combinations(names, 2):
        for va in values[a]:
            for vb in values[b]:
                pair = ((a, va), (b, vb))
                if allowed({a: va, b: vb}) and pair not in covered:
                    missing.append(pair)
    return missing


# ------------------------------------------------------------------ case -> options JSON

CERT_PATHS = {
    "custom": ("/etc/postfix/tls/rsa-fullchain.pem", "/etc/postfix/tls/rsa-key.pem",
               "/etc/postfix/tls/ecdsa-fullchain.pem", "/etc/postfix/tls/ecdsa-key.pem"),
    "custom-single-file": ("/etc/postfix/tls/rsa-combined.pem",
                           "/etc/postfix/tls/rsa-combined.pem",
                           "/etc/postfix/tls/ecdsa-combined.pem",
                           "/etc/postfix/tls/ecdsa-combined.pem"),
}


# The relayhost password table type: `hash:` (Berkeley DB) where every version's Debian has it
# built in, `lmdb:` from 3.11 on, where Berkeley DB is deprecated (the generator's
# `berkeley_db_table` warning; the `v3.11-password-map` case keeps `hash:` to show both).
def table_type(series):
    return "lmdb" if series == "3.11" else "hash"


def options(case, table=None):
    """The generator's options JSON (src/options.rs) for a case, for the case's Postfix version
    and the OpenSSL that version's distribution links."""
    source = "custom" if case["cert"].startswith("custom") else case["cert"]
    certificate = {
        "source": source,
        "domain": "mail.example.test",
        "layout": case["layout"],
        "ecdsa": case["ecdsa"],
    }
    if case["cert"] in CERT_PATHS:
        cert, key, ecert, ekey = CERT_PATHS[case["cert"]]
        certificate.update(cert_file=cert, key_file=key, ecdsa_cert_file=ecert,
                           ecdsa_key_file=ekey)
    relay = case["relayhost"]
    return {
        "postfix": case["postfix"],
        "openssl": GENERATOR_OPENSSL[case["postfix"]],
        "role": case["role"],
        "certificate": certificate,
        "inbound": case["inbound"],
        "submission": case["submission"],
        "submissions": case["submissions"],
        "sasl": case["sasl"],
        "outbound": case["outbound"],
        "ca_file": "/etc/ssl/certs/ca-certificates.crt",
        "relayhost": {
            "enabled": relay != "off",
            "host": "smtp.example.net",
            "port": "submissions" if relay.startswith("465") else "submission",
            "auth": relay.endswith("-auth"),
            # A table given by a version case is one the user typed (another path than the
            # default, which the generator itself turns into the version's table type).
            "password_maps": (f"{table}:/etc/postfix/typed/sasl_passwd" if table else
                              f"{table_type(case['postfix'])}:/etc/postfix/sasl_passwd"),
        },
        "inbound_profile": case["inbound_profile"],
        "submission_profile": case["submission_profile"],
        "outbound_profile": case["outbound_profile"],
        "harden_logjam": case["harden_logjam"],
        "no_renegotiation": case["no_renegotiation"],
        "tls_logging": case["tls_logging"],
        "received_header": case["received_header"],
        "comments": case["comments"],
    }


# ------------------------------------------------------------------ cases one version shows

_BASE = {
    "postfix": "3.7", "outbound": "may", "cert": "lets-encrypt",
    "inbound_profile": "postfix-default", "submission_profile": "intermediate",
    "outbound_profile": "postfix-default", "relayhost": "off", "role": "public-mx",
    "inbound": "may", "sasl": "dovecot", "submission": True, "submissions": True,
    "layout": "chain-files", "ecdsa": False, "harden_logjam": True, "no_renegotiation": False,
    "tls_logging": True,
    "received_header": True, "comments": False,
}

# Name -> (what it proves, the case). Each shows something only one version can.
VERSION_CASES = {
    # 3.5 has no `>=TLSv1.2` (3.6): every profile's protocol lists must be `!` exclusions
    # (run.py version_syntax_checks) and still give each profile its floor: TLSv1.2 on 25,
    # TLSv1.3 on 587/465, for the client too (relayhost over TLS).
    "v3.5-exclusions": (
        "3.5: protocol lists as `!SSLv2, !SSLv3, ...` exclusions, floors TLSv1.2 and TLSv1.3",
        dict(_BASE, postfix="3.5", inbound_profile="intermediate", submission_profile="modern",
             outbound_profile="intermediate", relayhost="587-auth", outbound="encrypt")),
    # OpenSSL 1.1.1 still speaks TLS 1.0 and 1.1: the Postfix default profile must accept them
    # on 25, the intermediate one refuse them on 587/465, with Debian 11's own OpenSSL.
    "v3.5-openssl-1.1.1-legacy-protocols": (
        "3.5: with OpenSSL 1.1.1, TLSv1/TLSv1.1 accepted by postfix-default, refused by "
        "intermediate",
        dict(_BASE, postfix="3.5", cert="custom", layout="cert-and-key", ecdsa=True,
             sasl="cyrus")),
    # 3.11's smtp_tls_security_level defaults to `may` at compatibility_level 3.11 (the
    # `versions` row shows it with postconf): outbound `none` must reach the smarthost in clear
    # although it offers STARTTLS.
    "v3.11-outbound-none": (
        "3.11: outbound none stays plaintext although the built-in default is may",
        dict(_BASE, postfix="3.11", outbound="none", relayhost="587-noauth")),
    # Debian's 3.11 deprecates hash:/btree: tables (Berkeley DB): a `hash:` password map makes
    # the SMTP client warn at each delivery, and the generator must say so first
    # (run.py EXPECTED_WARNINGS); the other 3.11 cases use `lmdb:` without a warning.
    "v3.11-password-map": (
        "3.11: a hash: password map draws Postfix's deprecation warning, which the generator "
        "gave first",
        dict(_BASE, postfix="3.11", relayhost="465-auth", outbound="verify",
             outbound_profile="modern")),
}
