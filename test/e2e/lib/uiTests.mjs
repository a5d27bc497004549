// Runs the UI tests (test/e2e/ui/**/*.test.mjs) under mocha in this process; they drive one
// workbench window through playwright. A failing test leaves a screenshot in the artifacts folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { session } from '../ui/session.mjs';

function findTests(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.name.endsWith('.test.mjs')) found.push(full);
  }
  return found.sort();
}

const slug = (text) =>
  text
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);

/** @returns {Promise<{passes: number, failures: number, pending: number}>} */
export async function runUiTests({
  dir,
  workbench,
  workspace,
  copyWorkspace,
  openWindow,
  artifactsDir,
  grep,
  timeoutMs = 120_000,
}) {
  Object.assign(session, { workbench, workspace, copyWorkspace, openWindow, artifactsDir });
  const color = Boolean(process.stdout.isTTY);
  if (!color) {
    // log-symbols colours ✔ and ✖ itself wherever it guesses a colour terminal (CI=true, say).
    Mocha.reporters.Base.symbols.ok = '✔';
    Mocha.reporters.Base.symbols.err = '✖';
  }
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: timeoutMs, slow: 15_000, color });
  if (grep) mocha.grep(grep);
  for (const file of findTests(dir)) mocha.addFile(file);
  mocha.suite.afterEach(async function () {
    const test = this.currentTest;
    try {
      // FLAGLINT_E2E_SCREENSHOTS=1 keeps a picture of every test, to look at the product as a user sees it.
      if (test?.state === 'failed' || process.env.FLAGLINT_E2E_SCREENSHOTS) await screenshot(test);
    } finally {
      session.current = undefined;
    }
  });
  async function screenshot(test) {
    const file = path.join(artifactsDir, `ui-${slug(test.fullTitle())}.png`);
    try {
      // The window the test was driving: a test that opened its own records it in session.current.
      await (session.current ?? workbench).screenshot(file);
      console.log(`      screenshot: ${path.relative(process.cwd(), file)}`);
    } catch (error) {
      console.log(`      (no screenshot: ${error.message})`);
    }
  }
  await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run(() =>
      resolve({ passes: runner.stats.passes, failures: runner.stats.failures, pending: runner.stats.pending }),
    );
  });
}
