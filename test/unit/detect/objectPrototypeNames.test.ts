import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import { NOW } from '../../helpers/workspace';

/** Names that Object.prototype also has must mean the code's own declarations, never crash the scan. */
describe('detection: names shared with Object.prototype', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-proto-'));
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(
      path.join(root, 'src/unleash.ts'),
      "import { initialize } from 'unleash-client';\n\nexport const unleash = initialize({ url: 'http://unleash.internal/api', appName: 'billing' });\n",
    );
    fs.writeFileSync(
      path.join(root, 'src/toggles.ts'),
      [
        "import { unleash } from './unleash';",
        '',
        '// Wrappers whose names are also Object.prototype members.',
        'export function valueOf(toggle: string): boolean {',
        '  return unleash.isEnabled(toggle);',
        '}',
        'export function constructor(toggle: string): boolean {',
        '  return unleash.isEnabled(toggle);',
        '}',
        '',
        "export const invoicesV2 = valueOf('invoices-v2');",
        "export const dunning = constructor('dunning-emails');",
        'export const unknown = unleash.isEnabled(toString);',
        '',
      ].join('\n'),
    );
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('resolves wrappers named valueOf and constructor, and calls toString an undeclared name', async () => {
    const result = await new FlagIndex({ root, cacheDir: false, now: NOW }).scan();
    assert.deepEqual(result.references.map((r) => `${r.key}:${r.location.range.start.line + 1}:${r.kind}`).sort(), [
      'dunning-emails:12:wrapper-call',
      'invoices-v2:11:wrapper-call',
    ]);
    assert.deepEqual(
      result.dynamic.map((d) => `${d.location.range.start.line + 1} ${d.reason}`),
      ["13 'toString' is not declared in this file"],
    );
  });
});
