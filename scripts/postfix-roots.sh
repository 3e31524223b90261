#!/bin/sh
# Builds, once, a Debian root for each other Postfix series the real-Postfix suite runs:
#
#   bullseye  Postfix 3.5  OpenSSL 1.1.1
#   trixie    Postfix 3.10 OpenSSL 3.5
#   sid       Postfix 3.11 OpenSSL 3.6
#
# (The machine itself, bookworm, gives 3.7 with OpenSSL 3.0.) Each root is built by mmdebstrap
# from the mirror in this machine's own apt sources, into a cache folder outside the repository
# ($POSTFIX_ROOTS, default /var/cache/postfix-tls/roots), and kept between runs: a root whose
# `.complete` stamp is there is not touched again. The suite runs Postfix inside a root with
# chroot, mounting /proc, /dev and /dev/pts itself and unmounting them when done.
#
# Idempotent. Exits non-zero with the reason when a root cannot be built, so the suite fails
# instead of silently running fewer versions.
set -eu

ROOTS="${POSTFIX_ROOTS:-/var/cache/postfix-tls/roots}"
SUITES="bullseye trixie sid"
PACKAGES="postfix,openssl,ssl-cert,ca-certificates,sasl2-bin,libsasl2-modules,python3"

fail() {
    echo "postfix-roots: $*" >&2
    exit 1
}

# The mirror of Debian's main archive, as this machine's apt sources name it (deb822 or one-line
# format). No host name is written into the repository.
mirror() {
    {
        cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ { print $2 }'
        cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
            | awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; break } }'
    } | grep -E '/debian/?$' | head -n 1
}

missing=""
for suite in $SUITES; do
    [ -f "$ROOTS/$suite/.complete" ] || missing="$missing $suite"
done
if [ -z "$missing" ]; then
    echo "postfix-roots: all present in $ROOTS:$(for s in $SUITES; do printf ' %s (%s)' "$s" "$(cat "$ROOTS/$s/.complete")"; done)"
    exit 0
fi

[ "$(id -u)" -eq 0 ] || fail "must run as root to build$missing (try: sudo sh scripts/postfix-roots.sh)"
if ! command -v mmdebstrap >/dev/null 2>&1; then
    echo "postfix-roots: installing mmdebstrap"
    apt-get update -qq || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null \
        || fail "cannot install mmdebstrap"
fi
MIRROR="$(mirror)"
[ -n "$MIRROR" ] || fail "no Debian mirror in this machine's apt sources"

mkdir -p "$ROOTS"
for suite in $missing; do
    target="$ROOTS/$suite"
    echo "postfix-roots: building $suite in $target (about a minute)"
    rm -rf "$target" "$target.tmp"
    # The registry serves a dated snapshot: sid's Release file is past its Valid-Until date.
    # "No configuration": no system main.cf, no instance; the suite writes its own.
    mmdebstrap --variant=apt --include="$PACKAGES" \
        --aptopt='Acquire::Check-Valid-Until "false"' \
        --essential-hook='echo "postfix postfix/main_mailer_type select No configuration" | chroot "$1" debconf-set-selections' \
        --customize-hook='rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*_Packages' \
        "$suite" "$target.tmp" "$MIRROR" >"$ROOTS/$suite.log" 2>&1 \
        || fail "mmdebstrap $suite failed; see $ROOTS/$suite.log"
    version="$(chroot "$target.tmp" postconf -d -h mail_version 2>/dev/null)" \
        || fail "$suite: postconf does not run in the new root"
    mv "$target.tmp" "$target"
    echo "$version" >"$target/.complete"
    echo "postfix-roots: $suite has Postfix $version"
done
