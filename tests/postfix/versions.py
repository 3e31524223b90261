"""What each real Postfix version brings that the version cases rely on, asked of that Postfix
itself (the `versions` row of run.py):

- the stored stock files (`tests/fixtures/debian-stock*/`) are what the version's own postinst
  inputs give (stock.replay) and its `master.cf.dist`;
- the OpenSSL in the root is the one the suite claims for the version (postfixes.ALL), since
  the generator is told that one;
- `smtp_tls_security_level` defaults: empty (= none) up to 3.10, and in 3.11 `may` at
  `compatibility_level = 3.11` but still empty below it (RELEASE_NOTES-3.11). A snippet for
  3.11 that leaves the client level unsaid therefore gets `may`, which the generator's `none`
  must say out loud (the `v3.11-outbound-none` case proves it at runtime).
"""

import os

import instance
import probes
import stock


def _parsed(text):
    return sorted(instance.parse_main(text))


def _default(postfix, name, compatibility_level):
    main_cf = f"compatibility_level = {compatibility_level}\n" if compatibility_level else ""
    with postfix.config_dir(main_cf=main_cf) as config:
        done = postfix.run(["postconf", "-c", config, "-x", "-h", name], timeout=30)
    return done.stdout.strip(), done.stderr.strip()


# (compatibility_level or None for the built-in one, expected smtp_tls_security_level)
CLIENT_LEVEL = {
    "3.5": [(None, ""), ("2", "")],
    "3.7": [(None, ""), ("3.6", "")],
    "3.10": [(None, ""), ("3.10", "")],
    "3.11": [(None, ""), ("3.10", ""), ("3.11", "may")],
}


def checks(postfix):
    found = []
    label = f"{postfix.series}"
    with open(os.path.join(stock.folder(postfix.series), "main.cf"), encoding="utf-8") as f:
        stored = f.read()
    replayed = stock.replay(postfix)
    found.append(probes.Check(
        f"{label}: stored stock main.cf is what the postinst writes",
        _parsed(stored) == _parsed(replayed),
        f"stored only {sorted(set(_parsed(stored)) - set(_parsed(replayed)))[:3]}, "
        f"postinst only {sorted(set(_parsed(replayed)) - set(_parsed(stored)))[:3]}"))
    with open(os.path.join(stock.folder(postfix.series), "master.cf"), encoding="utf-8") as f:
        same = f.read() == stock.stock_master(postfix)
    found.append(probes.Check(f"{label}: stored stock master.cf is master.cf.dist", same,
                              "" if same else "differs"))
    done = postfix.run(["openssl", "version"], timeout=30)
    found.append(probes.Check(f"{label}: OpenSSL {postfix.openssl} in the root",
                              done.stdout.startswith(f"OpenSSL {postfix.openssl}"),
                              done.stdout.strip() or done.stderr.strip()))
    for level, want in CLIENT_LEVEL[postfix.series]:
        got, err = _default(postfix, "smtp_tls_security_level", level)
        found.append(probes.Check(
            f"{label}: smtp_tls_security_level default {want or '(empty)'} at "
            f"compatibility_level {level or 'built-in'}", got == want and not err,
            f"postconf -h says {got!r} {err}".strip()))
    return found
