#!/usr/bin/env bash
# Bundles the extension and language server (scripts/bundle.mjs) and packages them as flaglint.vsix
# at the repository root (or at the path given as $1). .vscodeignore decides what goes in.
# Runs offline and without prompts: vsce only prompts when README.md, LICENSE or `repository` is
# missing, so those are checked first.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/flaglint.vsix}"
cd "$ROOT"

if [ ! -f LICENSE ]; then
  echo "package-vsix: LICENSE missing" >&2
  exit 1
fi
if [ ! -f README.md ]; then
  echo "package-vsix: README.md missing (vsce would stop to ask)" >&2
  exit 1
fi
node -e 'const p = require("./package.json"); if (!p.repository) { console.error("package-vsix: package.json has no repository (vsce would stop to ask)"); process.exit(1); }'

rm -rf dist
node scripts/bundle.mjs --minify
# The README's images are relative (docs/images/); vsce needs an absolute base for them when the
# repository is not on GitHub or GitLab: the repository URL's raw files.
BASE="$(node -p 'require("./package.json").repository.url.replace(/\.git$/, "")')/raw/HEAD/"
node node_modules/@vscode/vsce/vsce package --no-dependencies --no-update-package-json --baseContentUrl "$BASE" --baseImagesUrl "$BASE" --out "$OUT" </dev/null
echo "package-vsix: $(du -h "$OUT" | cut -f1) $OUT"
