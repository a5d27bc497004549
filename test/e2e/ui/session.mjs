// What the e2e runner hands the UI tests: one browser page on one workbench window, opened on a
// scratch copy of the example workspace, and ways to open more. Set by test/e2e/run.mjs before
// mocha loads the tests.
import * as path from 'node:path';

export const session = {
  /** @type {import('./workbench.mjs').Workbench | undefined} */
  workbench: undefined,
  /** Absolute path of the scratch workspace the main window has open. */
  workspace: undefined,
  /** @type {((name: string) => string) | undefined} a fresh copy of the example workspace */
  copyWorkspace: undefined,
  /** @type {((folder: string) => Promise<import('./workbench.mjs').Workbench>) | undefined} a new window on a folder */
  openWindow: undefined,
  /** The window a test drives, when not the main one (for the failure screenshot). */
  current: undefined,
  /** Where screenshots go (test/e2e/artifacts). */
  artifactsDir: undefined,
};

/**
 * Saves a named picture of what the user sees (the README and the evidence use them):
 * test/e2e/artifacts/shot-<name>.png.
 */
export async function shot(window, name) {
  if (!session.artifactsDir) return;
  // Off any tree row, so no leftover tooltip covers the picture.
  await window.page.mouse.move(1100, 12);
  await window.page.screenshot({ path: path.join(session.artifactsDir, `shot-${name}.png`) });
}

export function workbench() {
  if (!session.workbench) throw new Error('UI tests run only under test/e2e/run.mjs');
  return session.workbench;
}
