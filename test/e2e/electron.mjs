#!/usr/bin/env node
// The same extension-host suite (test/e2e/suite) in desktop VS Code, through @vscode/test-electron,
// for machines that can download VS Code (a developer's laptop, a CI runner with internet). This
// project's own machines cannot; there test/e2e/run.mjs runs the suite in code-server instead.
//
// Needs a dev dependency that is not installed by default:  npm i -D @vscode/test-electron@2.5.2
// (2.x is the line that runs on Node 20; 3.x needs Node 22). Then:
//   node scripts/bundle.mjs && node node_modules/typescript/bin/tsc -p test/e2e/tsconfig.json
//   node test/e2e/electron.mjs [--vscode-version 1.100.3]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './lib/paths.mjs';

const { values: opts } = parseArgs({
  options: { 'vscode-version': { type: 'string', default: '1.100.3' }, grep: { type: 'string' } },
});

let runTests;
try {
  ({ runTests } = await import('@vscode/test-electron'));
} catch {
  console.error('test/e2e/electron.mjs needs @vscode/test-electron: npm i -D @vscode/test-electron@2.5.2');
  process.exit(2);
}

for (const built of ['dist/extension.js', 'dist/server.js', 'dist/compiler.js', 'out/test/e2e/suite/index.js']) {
  if (!fs.existsSync(path.join(repoRoot, built))) {
    console.error(`${built} is missing: run node scripts/bundle.mjs and tsc -p test/e2e/tsconfig.json first`);
    process.exit(2);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-electron-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(repoRoot, 'examples', 'shop'), workspace, {
  recursive: true,
  filter: (from) => path.basename(from) !== '.flaglint-cache',
});

let exitCode = 1;
try {
  await runTests({
    version: opts['vscode-version'],
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js'),
    extensionTestsEnv: opts.grep ? { FLAGLINT_E2E_GREP: opts.grep } : {},
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions; the development extension still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(tmp, 'user-data')}`,
      `--extensions-dir=${path.join(tmp, 'extensions')}`,
    ],
  });
  exitCode = 0;
} catch (error) {
  console.error(`extension-host tests failed: ${error instanceof Error ? error.message : error}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
