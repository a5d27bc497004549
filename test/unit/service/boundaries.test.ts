/**
 * The boundaries of docs/architecture.md hold because the lint fails when they are crossed: a probe
 * file placed in each folder imports across a boundary, and ESLint (with the repository's own
 * eslint.config.mjs) must report it; the imports each folder may make must pass.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { must } from '../../helpers/must';

const REPO = path.resolve(__dirname, '../../../..');

interface Probe {
  folder: string;
  from: string;
  /** A fragment of the message expected; undefined: the import is allowed. */
  refused?: RegExp;
}

const PROBES: Probe[] = [
  { folder: 'server/src/core/rules', from: 'vscode-languageserver/node', refused: /protocol-free/ },
  { folder: 'server/src/core/rules', from: '../../lsp/convert', refused: /imports no front end/ },
  { folder: 'server/src/core/engine', from: '../../cli/output', refused: /imports no front end/ },
  { folder: 'server/src/core/rules', from: 'yaml', refused: /Only server\/src\/core\/registry/ },
  { folder: 'server/src/core/rules', from: 'fs', refused: /node: prefix/ },
  { folder: 'server/src/core/registry', from: 'yaml' },
  { folder: 'server/src/core/registry', from: 'vscode-uri', refused: /protocol-free/ },
  { folder: 'server/src/lsp', from: '../core/registry', refused: /through core\/service/ },
  { folder: 'server/src/lsp/features', from: '../../core/engine/flagIndex', refused: /through core\/service/ },
  { folder: 'server/src/lsp', from: '../core/service/session', refused: /through core\/service/ },
  { folder: 'server/src/lsp', from: '../core/service' },
  { folder: 'server/src/lsp', from: '../core/model' },
  { folder: 'server/src/cli/commands', from: '../../core/remove', refused: /through core\/service/ },
  { folder: 'server/src/cli/commands', from: '../../core/report' },
  { folder: 'client/src', from: '../../server/src/core/service', refused: /only over LSP/ },
  { folder: 'client/src', from: 'yaml', refused: /The extension imports only/ },
  { folder: 'client/src', from: '../../protocol/src' },
  { folder: 'client/src', from: 'vscode-languageclient/node' },
  { folder: 'protocol/src', from: 'vscode', refused: /depends on neither/ },
];

describe('lint boundaries (eslint.config.mjs)', function () {
  this.timeout(120_000);
  const eslint = new ESLint({ cwd: REPO });
  const written: string[] = [];

  afterEach(() => {
    for (const file of written.splice(0)) fs.rmSync(file, { force: true });
  });

  for (const probe of PROBES) {
    const verdict = probe.refused ? 'refuses' : 'allows';
    it(`${verdict} ${probe.from} in ${probe.folder}`, async () => {
      const file = path.join(REPO, probe.folder, `boundaryProbe${process.pid}.ts`);
      written.push(file);
      fs.writeFileSync(file, `import * as probe from '${probe.from}';\n\nexport const used = probe;\n`);
      const [result] = await eslint.lintFiles([file]);
      assert.ok(
        !must(result).messages.some((m) => m.ruleId === null),
        `the probe was not linted: ${JSON.stringify(must(result).messages)}`,
      );
      const refusals = must(result)
        .messages.filter((m) => m.ruleId === 'no-restricted-imports')
        .map((m) => m.message);
      if (probe.refused) {
        assert.ok(
          refusals.some((m) => probe.refused!.test(m)),
          `expected a refusal matching ${probe.refused}, got: ${JSON.stringify(must(result).messages.map((m) => m.message))}`,
        );
      } else {
        assert.deepEqual(refusals, [], 'an allowed import');
      }
    });
  }
});
