// Runs the extension-host mocha suite inside code-server, the way @vscode/test-electron runs it in
// desktop VS Code: the workbench is opened with extensionDevelopmentPath + extensionTestsPath in its
// `payload`; the extension host calls the suite's run(); the workbench reports log lines through
// window.codeAutomationLog and the exit code through window.codeAutomationExit.
import * as fs from 'node:fs';

// Keep in step with test/e2e/suite/index.ts.
const OUTPUT_MARKER = '[flaglint-e2e-host] ';
const STATS_MARKER = '[flaglint-e2e-host-stats] ';

/**
 * Report lines (tagged by the suite) go to `write`; everything else the workbench logs goes to
 * `logFile`, except errors, which are shown too because they often explain a failure.
 * @returns {Promise<{exitCode: number, passes: number, failures: number, pending: number}>}
 */
export async function runHostTests({
  page,
  editor,
  workspace,
  extensionPath,
  testsPath,
  timeoutMs,
  logFile,
  write = (s) => process.stdout.write(s),
}) {
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  let stats;
  let finished = false;
  let settle;
  const done = new Promise((resolve) => (settle = resolve));

  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const text = String(message);
    log.write(`[${level}] ${text}\n`);
    const stat = text.indexOf(STATS_MARKER);
    if (stat >= 0) {
      try {
        stats = JSON.parse(text.slice(stat + STATS_MARKER.length));
      } catch {
        // a mangled line; the exit code still decides
      }
      return;
    }
    const out = text.indexOf(OUTPUT_MARKER);
    if (out >= 0) write(`${text.slice(out + OUTPUT_MARKER.length)}\n`);
    // After the suite exits the window shuts down, and cancelled reads are logged as errors: noise.
    else if (level === 'error' && !finished) write(`[workbench error] ${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    finished = true;
    settle(Number(code));
  });

  const payload = [
    ['extensionDevelopmentPath', editor.remoteUri(extensionPath)],
    ['extensionTestsPath', editor.remoteUri(testsPath)],
  ];
  const url = `${editor.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);

  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const result = await Promise.race([done, timedOut]);
  clearTimeout(timer);
  await new Promise((resolve) => log.end(resolve));
  if (result === 'timeout') {
    write(`extension-host tests did not finish within ${Math.round(timeoutMs / 1000)} s (workbench log: ${logFile})\n`);
    return {
      exitCode: 1,
      passes: stats?.passes ?? 0,
      failures: (stats?.failures ?? 0) + 1,
      pending: stats?.pending ?? 0,
    };
  }
  const exitCode = result;
  // A suite that crashed before mocha reported (it failed to load, say) still counts as a failure.
  const failures = stats?.failures ?? (exitCode === 0 ? 0 : 1);
  if (exitCode !== 0 && !stats)
    write(`extension-host suite exited with ${exitCode} before reporting (workbench log: ${logFile})\n`);
  return { exitCode, passes: stats?.passes ?? 0, failures, pending: stats?.pending ?? 0 };
}
