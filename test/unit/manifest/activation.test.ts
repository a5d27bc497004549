import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sdkPackageRoots } from '../../../server/src/core/sdks';
import { REPO_ROOT } from '../../helpers/workspace';

/**
 * The extension starts where there is a registry or a flag SDK installed. VS Code has no event for
 * "package.json depends on X", so each SDK package an SDK module (core/sdks) declares is an exact-path
 * `workspaceContains` (cheap: no glob search) under the root node_modules, where npm, yarn and pnpm
 * workspaces hoist or link them.
 */
describe('extension activation', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    activationEvents: string[];
  };

  it('activates for every SDK package an SDK module declares', () => {
    const packages = sdkPackageRoots();
    // `posthog-js/react` is installed as posthog-js: the event names the package, not the import path.
    assert.ok(packages.includes('posthog-js') && !packages.includes('posthog-js/react'));
    const missing = packages.filter(
      (p) => !manifest.activationEvents.includes(`workspaceContains:node_modules/${p}/package.json`),
    );
    assert.deepEqual(missing, []);
  });

  it('activates for a registry and on its own commands and view, and not on every workspace', () => {
    for (const e of [
      'workspaceContains:**/flags.yaml',
      'workspaceContains:**/flags.yml',
      'onView:flaglint.explorer',
      'onCommand:flaglint.createRegistry',
    ]) {
      assert.ok(manifest.activationEvents.includes(e), e);
    }
    assert.ok(!manifest.activationEvents.includes('*') && !manifest.activationEvents.includes('onStartupFinished'));
  });
});
