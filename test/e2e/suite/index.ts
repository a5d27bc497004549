// Entry point that VS Code's extension host calls for the extension-host tests (the
// @vscode/test-electron convention: `extensionTestsPath` names a module exporting `run()`).
// It runs every *.test.js beside it under mocha, inside the real extension host, so the tests use the
// real `vscode` API against the installed Flaglint extension.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

// Markers the code-server runner (test/e2e/lib/hostTests.mjs) looks for among the workbench's log
// lines: the web workbench forwards each console argument as a separate message, so every report
// line is formatted here into one string and tagged to tell it from the workbench's own logging.
// Desktop VS Code (test/e2e/electron.mjs) prints the extension host's output as it is.
const OUTPUT_MARKER = '[flaglint-e2e-host] ';
const STATS_MARKER = '[flaglint-e2e-host-stats] ';

export function run(): Promise<void> {
  const web = vscode.env.uiKind === vscode.UIKind.Web;
  if (web) Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(OUTPUT_MARKER + util.format(...args));
  // log-symbols colours ✔ and ✖ itself wherever it guesses a colour terminal (CI=true, say).
  Mocha.reporters.Base.symbols.ok = '✔';
  Mocha.reporters.Base.symbols.err = '✖';
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 60_000,
    // Language features arrive asynchronously; a slow first scan must not be mistaken for a failure.
    slow: 10_000,
  });
  const grep = process.env.FLAGLINT_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of findTestFiles(__dirname)) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      if (web)
        console.log(
          `${STATS_MARKER}${JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending })}`,
        );
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}

function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}
