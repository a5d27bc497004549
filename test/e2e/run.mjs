#!/usr/bin/env node
// End-to-end tests of Flaglint in a real VS Code build (code-server 4.100.3 = VS Code 1.100.3) driven
// by Debian's chromium through playwright-core. One run:
//   1. installs chromium and the editor if needed (.ci/install-system.sh, .ci/install-editor.sh),
//      bundles and packages flaglint.vsix (scripts/package-vsix.sh),
//      compiles the extension-host suite (test/e2e/tsconfig.json);
//   2. starts ONE code-server with its own config, user data and extensions folders in a temp dir,
//      installs the vsix as a user would;
//   3. extension-host tests: test/e2e/suite/**/*.test.ts under mocha inside the extension host;
//   4. UI tests: test/e2e/ui/**/*.test.mjs under mocha here, driving the workbench like a user;
//   4b. the HTML report (`flaglint report`) in the same chromium: test/e2e/report/report.e2e.mjs;
//   5. stops code-server by killing its process group, whatever happened.
// Usage: node test/e2e/run.mjs [--only host|ui|report] [--grep RE] [--no-build] [--vsix FILE]
//        [--extension DIR] [--host-suite FILE] [--ui-suite DIR] [--workspace DIR] [--keep]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Editor } from './lib/editor.mjs';
import { launchBrowser, newPage, chromiumPath } from './lib/browser.mjs';
import { runHostTests } from './lib/hostTests.mjs';
import { runUiTests } from './lib/uiTests.mjs';
import { runReportTests } from './report/report.e2e.mjs';
import { repoRoot, e2eDir, artifactsDir } from './lib/paths.mjs';
import { Workbench } from './ui/workbench.mjs';

const { values: opts } = parseArgs({
  options: {
    only: { type: 'string' },
    grep: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    vsix: { type: 'string' },
    extension: { type: 'string' },
    'host-suite': { type: 'string' },
    'ui-suite': { type: 'string' },
    workspace: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'timeout-minutes': { type: 'string', default: '15' },
  },
});
if (opts.only && !['host', 'ui', 'report'].includes(opts.only)) {
  console.error(`--only must be "host", "ui" or "report", not "${opts.only}"`);
  process.exit(2);
}
const runHost = !opts.only || opts.only === 'host';
const runUi = !opts.only || opts.only === 'ui';
const runReport = !opts.only || opts.only === 'report';

const started = Date.now();
const timings = [];
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
function step(name) {
  const at = Date.now();
  console.log(`e2e: ${name}`);
  return () => timings.push(`${name}: ${((Date.now() - at) / 1000).toFixed(1)} s`);
}

function sh(command, args, what) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal})`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-e2e-'));
const editor = new Editor(path.join(tmp, 'editor'), { log: (line) => console.log(`e2e: ${line}`) });
let browser;

// Whatever ends this process, the editor's process group goes with it.
process.on('exit', () => editor.killNow());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`e2e: ${signal}, stopping the editor`);
    editor.killNow();
    if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  });
}
const watchdog = setTimeout(
  () => {
    console.error(`e2e: gave up after ${opts['timeout-minutes']} minutes`);
    editor.killNow();
    if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(1);
  },
  Number(opts['timeout-minutes']) * 60_000,
);
watchdog.unref();

/** The example workspace the tests open, copied so that quick fixes never touch the repository. */
function copyWorkspace(name) {
  const source = path.resolve(opts.workspace ?? path.join(repoRoot, 'examples', 'shop'));
  if (!fs.existsSync(source)) throw new Error(`the e2e workspace ${source} does not exist`);
  const target = path.join(tmp, name);
  // As a fresh checkout has it: no caches or installed packages from earlier runs in the source.
  const skipped = new Set(['.flaglint-cache', 'node_modules']);
  fs.cpSync(source, target, { recursive: true, filter: (from) => !skipped.has(path.basename(from)) });
  return target;
}

async function main() {
  // Screenshots and logs describe this run only.
  fs.rmSync(artifactsDir, { recursive: true, force: true });
  fs.mkdirSync(artifactsDir, { recursive: true });

  // Both scripts return at once when everything is in place.
  let done = step('install chromium and code-server');
  sh(
    'bash',
    [path.join(repoRoot, '.ci', 'install-system.sh')],
    'installing the Debian packages (chromium, ripgrep, build tools)',
  );
  sh('bash', [path.join(repoRoot, '.ci', 'install-editor.sh')], 'installing code-server');
  chromiumPath();
  done();

  const totals = { passes: 0, failures: 0, pending: 0 };
  const add = (stats) => {
    totals.passes += stats.passes;
    totals.failures += stats.failures;
    totals.pending += stats.pending;
  };

  // The report needs no editor: it runs first, in its own browser, and alone with --only report.
  if (runReport) {
    done = step('HTML report in chromium');
    add(await runReportTests({ log: (line) => console.log(line) }));
    done();
    if (!runHost && !runUi) return totals;
  }

  let vsix = opts.vsix && path.resolve(opts.vsix);
  if (!vsix) {
    vsix = path.join(repoRoot, 'flaglint.vsix');
    if (!opts['no-build']) {
      done = step('bundle and package flaglint.vsix');
      sh('bash', [path.join(repoRoot, 'scripts', 'package-vsix.sh')], 'packaging the extension');
      done();
    }
  }
  if (!fs.existsSync(vsix)) throw new Error(`no extension package at ${vsix}`);

  const hostSuite = path.resolve(opts['host-suite'] ?? path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js'));
  if (runHost && !opts['host-suite'] && !opts['no-build']) {
    done = step('compile the extension-host suite');
    sh(
      process.execPath,
      [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(e2eDir, 'tsconfig.json')],
      'compiling test/e2e/suite',
    );
    done();
  }

  done = step('start code-server and install the extension');
  editor.prepare();
  const installed = await editor.installExtension(vsix);
  console.log(`e2e: installed ${installed.map((dir) => path.basename(dir)).join(', ')}`);
  await editor.start({ env: opts.grep ? { FLAGLINT_E2E_GREP: opts.grep } : {} });
  console.log(`e2e: code-server on ${editor.url}`);
  browser = await launchBrowser();
  done();

  if (runHost) {
    done = step('extension-host tests');
    if (!fs.existsSync(hostSuite)) throw new Error(`no extension-host suite at ${hostSuite}`);
    // The development path overrides the installed copy; by default it IS the installed copy, so the
    // tests run what the vsix ships.
    const extensionPath = path.resolve(opts.extension ?? installed[0]);
    const page = await newPage(browser);
    const result = await runHostTests({
      page,
      editor,
      workspace: copyWorkspace('host-workspace'),
      extensionPath,
      testsPath: hostSuite,
      timeoutMs: 8 * 60_000,
      logFile: path.join(artifactsDir, 'host-workbench.log'),
    });
    if (result.exitCode !== 0) {
      await page.screenshot({ path: path.join(artifactsDir, 'host-tests.png') }).catch(() => {});
    }
    await page.context().close();
    add(result);
    done();
  }

  if (runUi) {
    done = step('UI tests');
    const page = await newPage(browser);
    const workspace = copyWorkspace('ui-workspace');
    const workbench = new Workbench(page, { workspace, editorUrl: editor.url });
    await workbench.open();
    const openWindow = async (folder) => {
      const window = new Workbench(await newPage(browser), { workspace: folder, editorUrl: editor.url });
      await window.open();
      return window;
    };
    add(
      await runUiTests({
        dir: path.resolve(opts['ui-suite'] ?? path.join(e2eDir, 'ui')),
        workbench,
        workspace,
        copyWorkspace,
        openWindow,
        artifactsDir,
        grep: opts.grep,
      }),
    );
    await page.context().close();
    done();
  }
  return totals;
}

let exitCode = 1;
try {
  const totals = await main();
  exitCode = totals.failures > 0 || totals.passes === 0 ? 1 : 0;
  console.log(`\ne2e timings: ${timings.join(', ')}; total ${elapsed()}`);
  console.log(
    `e2e: ${totals.passes} passed, ${totals.failures} failed${totals.pending ? `, ${totals.pending} skipped` : ''}`,
  );
} catch (error) {
  console.error(`e2e: ${error.stack ?? error}`);
  console.error(`e2e: code-server log (last lines):\n${editor.tailLog()}`);
} finally {
  await browser?.close().catch(() => {});
  if (fs.existsSync(editor.logFile)) fs.copyFileSync(editor.logFile, path.join(artifactsDir, 'code-server.log'));
  await editor.stop();
  if (opts.keep) console.log(`e2e: kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
