#!/usr/bin/env bash
# Installs what the end-to-end suite (npm run test:e2e) needs, once:
#  - Debian packages: chromium (the browser playwright-core drives), libkrb5-dev (code-server's
#    native kerberos module), ripgrep (VS Code's search binary; its npm package would download it);
#  - code-server@4.100.3 (VS Code 1.100.3 served to a browser; the newest release that accepts
#    Node 20) into .cache/code-server/ (ignored), never as a project dependency.
# A stamp file makes repeat runs instant. Override the folder with LAYERWISE_E2E_CACHE.
set -euo pipefail
cd "$(dirname "$0")/.."

CS_VERSION=4.100.3
CACHE_DIR="${LAYERWISE_E2E_CACHE:-$PWD/.cache/code-server}"
STAMP="$CACHE_DIR/.installed-v2-$CS_VERSION-node$(node -p 'process.versions.modules')"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# --- Debian packages -------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
{ [ -f /usr/include/gssapi/gssapi.h ] || [ -f /usr/include/krb5.h ] || dpkg -s libkrb5-dev >/dev/null 2>&1; } || missing+=(libkrb5-dev)
if ! command -v make >/dev/null 2>&1 || ! command -v g++ >/dev/null 2>&1; then missing+=(build-essential); fi
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "e2e-setup: missing Debian packages (${missing[*]}) and neither root nor passwordless sudo" >&2
    exit 1
  fi
  echo "e2e-setup: apt-get install ${missing[*]}" >&2
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- code-server -----------------------------------------------------------------------------
if [ -f "$STAMP" ] && [ -x "$CACHE_DIR/node_modules/.bin/code-server" ]; then
  exit 0
fi
echo "e2e-setup: installing code-server@$CS_VERSION into $CACHE_DIR (about two minutes, once)" >&2
rm -rf "$CACHE_DIR"
mkdir -p "$CACHE_DIR"
cd "$CACHE_DIR"
printf '{ "name": "layerwise-e2e-code-server", "private": true }\n' > package.json
# Its postinstall refuses root and @vscode/ripgrep's downloads a binary: skip scripts and do
# their work by hand below.
npm_config_unsafe_perm=true npm install --no-save --ignore-scripts --no-package-lock "code-server@$CS_VERSION" >&2
npm rebuild argon2 --build-from-source >&2
(
  cd node_modules/code-server/lib/vscode
  npm install --omit=dev --ignore-scripts --no-package-lock >&2
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  # The server's native modules (logging, file watching, terminals, the watchdog).
  npm_config_yes=true npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid >&2
  [ -e node_modules.asar ] || ln -s node_modules node_modules.asar
)
XDG_CONFIG_HOME="$CACHE_DIR/.config" "$CACHE_DIR/node_modules/.bin/code-server" --version >&2
touch "$STAMP"
echo "e2e-setup: done" >&2
