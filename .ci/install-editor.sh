#!/usr/bin/env bash
# Installs a real VS Code build for the end-to-end tests: code-server 4.100.3 (VS Code 1.100.3, a web
# workbench with a real Node extension host) into .tools/editor inside the repository.
#
# code-server's own postinstall cannot work on these machines (it wants --unsafe-perm as root, npm 11
# blocks dependency install scripts, and @vscode/ripgrep downloads a binary from GitHub), so this
# script installs with --ignore-scripts and redoes that postinstall by hand, building the native
# modules against the local Node headers (/usr/include/node) instead of downloading them.
# See shared/notes/real-editor-testing.md.
#
# Idempotent: a stamp records a finished install; a later run only smoke-tests it.
# Needs the apt packages from .ci/install-system.sh (ripgrep, libkrb5-dev, python3, make, g++).
# Override the folder with FLAGLINT_EDITOR_DIR.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EDITOR_DIR="${FLAGLINT_EDITOR_DIR:-$ROOT/.tools/editor}"
STAMP="$EDITOR_DIR/.installed"
BIN="$EDITOR_DIR/node_modules/.bin/code-server"
STAMP_TEXT="code-server@$CODE_SERVER_VERSION node-$(node -p 'process.versions.modules')"

# node-gyp must use the machine's Node headers; downloading them is impossible here.
export npm_config_nodedir=/usr
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
NODE_GYP="$(dirname "$(dirname "$(command -v npm)")")/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$NODE_GYP" ] || NODE_GYP="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
export npm_config_node_gyp="$NODE_GYP"

log() { echo "install-editor: $*"; }

smoke_test() {
  # --config keeps code-server from writing ~/.config/code-server/config.yaml
  "$BIN" --config "$EDITOR_DIR/smoke-config.yaml" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "
}

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_TEXT" ] && smoke_test; then
  log "code-server $CODE_SERVER_VERSION already installed in $EDITOR_DIR"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  log "code-server $CODE_SERVER_VERSION needs Node 20, found $(node -v)" >&2
  exit 1
fi
for tool in rg make g++ python3; do
  command -v "$tool" >/dev/null || { log "missing $tool: run .ci/install-system.sh first" >&2; exit 1; }
done
[ -f /usr/include/node/node.h ] || { log "missing Node headers in /usr/include/node" >&2; exit 1; }
[ -f "$NODE_GYP" ] || { log "cannot find npm's bundled node-gyp" >&2; exit 1; }

started=$SECONDS
log "installing code-server $CODE_SERVER_VERSION into $EDITOR_DIR"
case "$EDITOR_DIR" in
  /|"$ROOT"|"$HOME") log "refusing to install into $EDITOR_DIR" >&2; exit 1 ;;
esac
rm -rf "$EDITOR_DIR"
mkdir -p "$EDITOR_DIR"
LOGS="$EDITOR_DIR/logs"
mkdir -p "$LOGS"
echo '{ "name": "flaglint-e2e-editor", "private": true }' > "$EDITOR_DIR/package.json"
printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' > "$EDITOR_DIR/smoke-config.yaml"

# Runs a command quietly, showing its log only when it fails.
run_logged() {
  local name="$1"; shift
  if ! "$@" >"$LOGS/$name.log" 2>&1; then
    log "step '$name' failed; its output:" >&2
    tail -n 60 "$LOGS/$name.log" >&2
    exit 1
  fi
}

cd "$EDITOR_DIR"
run_logged npm-install npm install --ignore-scripts --no-package-lock "code-server@$CODE_SERVER_VERSION"

# argon2 (password hashing) is loaded at start-up even with --auth none.
cd "$EDITOR_DIR/node_modules/argon2"
run_logged argon2 node ../@mapbox/node-pre-gyp/bin/node-pre-gyp install --build-from-source

# code-server's postinstall, by hand.
VSCODE="$EDITOR_DIR/node_modules/code-server/lib/vscode"
cd "$VSCODE"
run_logged vscode-npm-install npm install --omit=dev --ignore-scripts
for module in kerberos @vscode/spdlog native-watchdog @vscode/deviceid node-pty; do
  # @parcel/watcher ships a prebuilt binary; these do not.
  (cd "node_modules/$module" && run_logged "gyp-${module//\//-}" node "$NODE_GYP" rebuild --nodedir=/usr -j max)
done
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
cd "$VSCODE/extensions"
run_logged extensions-npm-install npm install --omit=dev --ignore-scripts
run_logged extensions-postinstall node postinstall.mjs

if ! smoke_test; then
  log "code-server does not start: $("$BIN" --config "$EDITOR_DIR/smoke-config.yaml" --version 2>&1 | tail -n 20)" >&2
  exit 1
fi
echo "$STAMP_TEXT" > "$STAMP"
log "installed code-server $CODE_SERVER_VERSION in $((SECONDS - started)) s ($(du -sh "$EDITOR_DIR" | cut -f1))"
