#!/usr/bin/env bash
# Installs the Debian packages the end-to-end tests need (a real editor in a real browser):
#   chromium           the browser that playwright-core drives (playwright's own browsers cannot be downloaded here)
#   ripgrep            code-server's search needs rg; @vscode/ripgrep would download it from GitHub
#   libkrb5-dev        headers for code-server's native `kerberos` module
#   python3 make g++ pkg-config   node-gyp's toolchain for code-server's native modules
# Idempotent: does nothing when every package is already installed. Needs root (CI runs as root).
set -euo pipefail

packages=(chromium ripgrep libkrb5-dev python3 make g++ pkg-config)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-system: all packages present (${packages[*]})"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "install-system: need root to install: ${missing[*]}" >&2
    exit 1
  fi
else
  SUDO=
fi

echo "install-system: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-system: done"
