"""Debian's stock configuration of each Postfix version, as the suite's instances start from it.

`tests/fixtures/debian-stock/` holds Debian 12's (3.7); `debian-stock-3.5/`, `-3.10/` and
`-3.11/` hold bullseye's, trixie's and sid's. Each `main.cf` is what that release's
`postfix.postinst` writes for a fresh "Internet Site" install with the host name
`mail.example.test` and the debconf defaults: it copies `/usr/share/postfix/main.cf.debian`,
appends `main.cf.tls` (ssl-cert is installed), then sets the values below with `postconf -e`, in
the postinst's order (sid's postinst no longer sets `alias_maps`/`alias_database`: its
main.cf.debian has them). `master.cf` is the release's `/usr/share/postfix/master.cf.dist`.

    python3 tests/postfix/stock.py          # rewrites the three fixtures from the roots

`replay(postfix)` is also what the suite compares the stored fixtures against (run.py's
catalogue row), so a rebuilt root with a changed postinst input shows up.
"""

import os
import sys

import postfixes

REPO = postfixes.REPO
FIXTURES = os.path.join(REPO, "tests", "fixtures")

# The debconf defaults for "Internet Site" with mailname mail.example.test (the values of
# Debian 12's fixture, tests/fixtures/debian-stock/README.md).
DESTINATIONS = "$myhostname, mail.example.test, localhost.example.test, localhost"
MYNETWORKS = "127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128"

# What each postinst sets for a new main.cf, in its order (postfix.postinst, "NEWCONF=yes").
_ALIASES = [("alias_maps", "hash:/etc/aliases"), ("alias_database", "hash:/etc/aliases")]
_REST = [("myorigin", "/etc/mailname"), ("mydestination", DESTINATIONS), ("relayhost", ""),
         ("mynetworks", MYNETWORKS), ("mailbox_size_limit", "0"), ("recipient_delimiter", "+"),
         ("inet_interfaces", "all"), ("inet_protocols", "all")]
RELAY_RESTRICTIONS = ("smtpd_relay_restrictions",
                      "permit_mynetworks permit_sasl_authenticated defer_unauth_destination")
POSTINST = {
    "3.5": [RELAY_RESTRICTIONS, ("myhostname", "mail.example.test"), *_ALIASES, *_REST],
    "3.7": [RELAY_RESTRICTIONS, ("myhostname", "mail.example.test"), *_ALIASES, *_REST],
    "3.10": [RELAY_RESTRICTIONS, ("myhostname", "mail.example.test"), *_ALIASES, *_REST],
    "3.11": [RELAY_RESTRICTIONS, ("myhostname", "mail.example.test"), *_REST],
}


def folder(series):
    """The fixture folder of a series."""
    name = "debian-stock" if series == "3.7" else f"debian-stock-{series}"
    return os.path.join(FIXTURES, name)


def replay(postfix):
    """main.cf as this version's postinst writes it, made with the version's own postconf."""
    share = postfix.outer("/usr/share/postfix")
    text = ""
    for name in ("main.cf.debian", "main.cf.tls"):
        with open(os.path.join(share, name), encoding="utf-8") as f:
            text += f.read()
    with postfix.config_dir(main_cf=text) as config:
        for name, value in POSTINST[postfix.series]:
            postfix.run(["postconf", "-c", config, "-e", f"{name}={value}"], check=True,
                        timeout=30)
        with open(postfix.outer(os.path.join(config, "main.cf")), encoding="utf-8") as f:
            return f.read()


def stock_master(postfix):
    with open(postfix.outer("/usr/share/postfix/master.cf.dist"), encoding="utf-8") as f:
        return f.read()


def main():
    for postfix in postfixes.ALL:
        if postfix.series == "3.7":
            continue  # Debian 12's fixture predates this script; replay() reproduces it
        os.makedirs(folder(postfix.series), exist_ok=True)
        for name, text in (("main.cf", replay(postfix)), ("master.cf", stock_master(postfix))):
            with open(os.path.join(folder(postfix.series), name), "w", encoding="utf-8") as f:
                f.write(text)
        print(f"wrote {folder(postfix.series)}")


if __name__ == "__main__":
    sys.exit(main())
