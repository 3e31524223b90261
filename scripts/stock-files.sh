#!/bin/sh
# Writes src/stock/<distribution>/{main.cf,master.cf}: what Debian's postfix package writes
# for a fresh "Internet Site" install with the host name mail.example.test, replayed with
# each release's own files and its own postconf (see src/stock/README.md):
#
#   debian11  the bullseye root (Postfix 3.5)   scripts/postfix-roots.sh
#   debian12  this machine (Postfix 3.7)        tests/fixtures/debian-stock (same steps)
#   debian13  the trixie root (Postfix 3.10)    scripts/postfix-roots.sh
#
# The postinst ("mailer != No configuration", new main.cf) copies main.cf.debian, appends
# main.cf.tls when the snakeoil key exists, sets smtpd_relay_restrictions, then the debconf
# answers with postconf -e; master.cf is master.cf.dist. Run as root from the repository.
set -eu
ROOTS="${POSTFIX_ROOTS:-/var/cache/postfix-tls/roots}"

replay() { # name root-or-empty
    name=$1 root=$2
    out="src/stock/$name"
    mkdir -p "$out"
    work="$root/tmp/stock-files.$$"
    mkdir -p "$work"
    cp "$root/usr/share/postfix/main.cf.debian" "$work/main.cf"
    cat "$root/usr/share/postfix/main.cf.tls" >> "$work/main.cf"
    cp "$root/usr/share/postfix/master.cf.dist" "$work/master.cf"
    pc() { if [ -n "$root" ]; then chroot "$root" postconf -c "/tmp/stock-files.$$" -e "$1"; else postconf -c "$work" -e "$1"; fi; }
    pc "smtpd_relay_restrictions=permit_mynetworks permit_sasl_authenticated defer_unauth_destination"
    pc "relayhost="
    pc "mailbox_size_limit=0"
    pc "mydestination=\$myhostname, mail.example.test, localhost.example.test, localhost"
    pc "alias_maps=hash:/etc/aliases"
    pc "myhostname=mail.example.test"
    pc "myorigin=/etc/mailname"
    pc "mynetworks=127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128"
    pc "recipient_delimiter=+"
    pc "inet_protocols=all"
    pc "inet_interfaces=all"
    pc "alias_database=hash:/etc/aliases"
    cp "$work/main.cf" "$work/master.cf" "$out/"
    rm -rf "$work"
}

replay debian11 "$ROOTS/bullseye"
replay debian12 ""
replay debian13 "$ROOTS/trixie"
