"""Debian's stock configuration of each Postfix version, as the suite's instances start from it.

The generator ships the presets' files (`src/stock/debian11/`, `debian12/`, `debian13/`: 3.5,
3.7, 3.10; `tests/fixtures/debian-stock/` is Debian 12's pair too, held equal by a test), and
`tests/fixtures/debian-stock-3.11/` holds sid's, which is no preset. Each `main.cf` is what that release's
`postfix.postinst` writes for a fresh "Internet Site" install with the host name
`mail.example.test` and the debconf defaults: it copies `/usr/share/postfix/main.cf.debian`,
appends `main.cf.tls` (ssl-cert is installed), then sets the values below with `postconf -e`, in
the postinst's order (sid's postinst no longer sets `alias_maps`/`alias_database`: its
main.cf.debian has them). `master.cf` is the release's `/usr/share/postfix/master.cf.dist`.

    python3 tests/postfix/stock.py          # rewrites sid's pair from its root

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


# The folder of each series' stock pair: the generator's own data where it ships one.
FOLDERS = {
    "3.5": os.path.join(REPO, "src", "stock", "debian11"),
    "3.7": os.path.join(REPO, "src", "stock", "debian12"),
    "3.10": os.path.join(REPO, "src", "stock", "debian13"),
    "3.11": os.path.join(FIXTURES, "debian-stock-3.11"),
}


def folder(series):
    """The folder of a series' stock main.cf and master.cf."""
    return FOLDERS[series]


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
        if postfix.series != "3.11":
            # The presets' files are the generator's data, written by scripts/stock-files.sh
            # in the postinst's own order; replay() gives the same settings.
            continue
        os.makedirs(folder(postfix.series), exist_ok=True)
        for name, text in (("main.cf", replay(postfix)), ("master.cf", stock_master(postfix))):
            with open(os.path.join(folder(postfix.series), name), "w", encoding="utf-8") as f:
                f.write(text)
        print(f"wrote {folder(postfix.series)}")


if __name__ == "__main__":
    sys.exit(main())
