// What the e2e runner hands the UI tests: one browser page on one workbench window, opened on a
// scratch copy of the example workspace. Set by test/e2e/run.mjs before mocha loads the tests.
export const session = {
  /** @type {import('./workbench.mjs').Workbench | undefined} */
  workbench: undefined,
  /** Absolute path of the scratch workspace the window has open. */
  workspace: undefined,
};

export function workbench() {
  if (!session.workbench) throw new Error('UI tests run only under test/e2e/run.mjs');
  return session.workbench;
}
