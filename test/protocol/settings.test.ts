/** package.json's contributes.configuration and the server's settings table must describe the same settings. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules';
import { CLIENT_SETTINGS, SERVER_SETTINGS, readSettings } from '../../server/src/core/service';
import { REPO } from './lspSession';
import { must } from '../helpers/must';

interface Manifest {
  contributes: {
    configuration: {
      properties: Record<string, { type: string; default: unknown; properties?: Record<string, unknown> }>;
    };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Manifest;
const declared = manifest.contributes.configuration.properties;

describe('settings: package.json and the server agree', function () {
  it('declares exactly the settings the server and client read', function () {
    const manifestKeys = Object.keys(declared)
      .map((k) => k.replace(/^flaglint\./, ''))
      .sort();
    const codeKeys = [...Object.keys(SERVER_SETTINGS), ...CLIENT_SETTINGS].sort();
    assert.deepEqual(manifestKeys, codeKeys);
    assert.ok(Object.keys(declared).every((k) => k.startsWith('flaglint.')));
  });

  it('gives each server setting the same type and default', function () {
    for (const [key, spec] of Object.entries(SERVER_SETTINGS)) {
      const entry = must(declared[`flaglint.${key}`]);
      assert.equal(entry.type, spec.type, `type of flaglint.${key}`);
      assert.deepEqual(entry.default, spec.default, `default of flaglint.${key}`);
    }
  });

  it('lists every rule under flaglint.severity', function () {
    const ruleIds = RULES.map((r) => r.id).sort();
    assert.deepEqual(Object.keys(must(declared['flaglint.severity']).properties ?? {}).sort(), ruleIds);
  });

  it('reads VS Code’s nested section and reports values of the wrong type', function () {
    const { settings, problems } = readSettings({
      registryPath: 'config/flags.yaml',
      codeLens: { enable: false },
      include: 'src/**',
      severity: { 'stale-flag': 'error', 'unused-flag': 'loud' },
    });
    assert.equal(settings.registryPath, 'config/flags.yaml');
    assert.equal(settings.codeLensEnable, false);
    assert.deepEqual(settings.include, []);
    assert.deepEqual(settings.severity, { 'stale-flag': 'error' });
    assert.deepEqual(problems, [
      'flaglint.include: expected an array, got string "src/**"; using the default',
      'flaglint.severity.unused-flag: expected one of error, warning, info, hint, off, got string "loud"',
    ]);
  });
});
