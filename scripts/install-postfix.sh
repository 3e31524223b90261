#!/bin/sh
# Installs what the real-Postfix test suite (tests/postfix/run.py) needs, and only what is
# missing: Debian's postfix (debconf "No configuration", so no /etc/postfix/main.cf and no
# running system instance), openssl, sasl2-bin (saslpasswd2), libsasl2-modules (PLAIN/LOGIN)
# and ssl-cert. Idempotent: a second run installs nothing. Exits non-zero with a message saying
# why when it cannot install, so the suite fails instead of silently skipping.
set -eu

PACKAGES="postfix openssl sasl2-bin libsasl2-modules ssl-cert"

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done

if [ -z "$missing" ]; then
    echo "install-postfix: all present:$(for p in $PACKAGES; do printf ' %s' "$p"; done)"
    exit 0
fi

fail() {
    echo "install-postfix: cannot install$missing: $*" >&2
    exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get not found (the suite needs a Debian-based system)"
if [ "$(id -u)" -ne 0 ]; then
    fail "must run as root (try: sudo sh scripts/install-postfix.sh)"
fi

echo "install-postfix: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# "No configuration": the package installs without writing main.cf or starting a system
# instance; the suite runs its own private instances.
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections \
    || fail "debconf-set-selections failed"
apt-get update -qq || fail "apt-get update failed (no network or no package mirror?)"
# shellcheck disable=SC2086 # word splitting of the package list is intended
apt-get install -y -qq --no-install-recommends $missing \
    || fail "apt-get install failed"

for tool in postconf postfix postcat postmap saslpasswd2 openssl make-ssl-cert; do
    command -v "$tool" >/dev/null 2>&1 || fail "installed, but $tool is still not on PATH"
done
echo "install-postfix: installed$missing ($(postconf -d -h mail_version 2>/dev/null))"
