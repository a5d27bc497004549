import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PRESETS } from '../../../server/src/core/detect/presets';
import { REPO_ROOT } from '../../helpers/workspace';
import { must } from '../../helpers/must';

/**
 * The extension starts where there is a registry or a flag SDK installed. VS Code has no event for
 * "package.json depends on X", so each SDK package the presets know is an exact-path
 * `workspaceContains` (cheap: no glob search) under the root node_modules, where npm, yarn and pnpm
 * workspaces hoist or link them.
 */
describe('extension activation', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { activationEvents: string[] };

  it('activates for every SDK package a preset knows', () => {
    const packages = new Set<string>();
    for (const preset of PRESETS) {
      for (const spec of preset.packages) {
        const parts = spec.split('/');
        packages.add(must(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]));
      }
    }
    const missing = [...packages].filter((p) => !manifest.activationEvents.includes(`workspaceContains:node_modules/${p}/package.json`));
    assert.deepEqual(missing, []);
  });

  it('activates for a registry and on its own commands and view, and not on every workspace', () => {
    for (const e of ['workspaceContains:**/flags.yaml', 'workspaceContains:**/flags.yml', 'onView:flaglint.explorer', 'onCommand:flaglint.createRegistry']) {
      assert.ok(manifest.activationEvents.includes(e), e);
    }
    assert.ok(!manifest.activationEvents.includes('*') && !manifest.activationEvents.includes('onStartupFinished'));
  });
});
