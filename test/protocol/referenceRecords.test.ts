/**
 * The editor's references are the JSON report's records: for every flag, "Find All References",
 * the Flag Explorer's rows and the registry lens count list exactly what `flaglint check --format
 * json` lists in `references` (file, line, column, end; and callee, source, form, via, inTest in
 * the Explorer).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CodeLensRequest, ReferencesRequest, type CodeLens, type Location } from 'vscode-languageserver-protocol/node';
import { TreeRequest, type TreeResult } from '../../protocol/src';
import { LspSession, NOW, REPO, copyFixture, uriOf } from './lspSession';

interface JsonReference {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  key: string;
  registryKey?: string;
  source: string;
  callee: string;
  form: string;
  via?: string[];
  inTest: boolean;
}

function jsonReferences(root: string): JsonReference[] {
  const cli = path.join(REPO, 'out/server/src/cli/main.js');
  const run = spawnSync(process.execPath, [cli, 'check', root, '--format', 'json', '--no-cache'], {
    encoding: 'utf8',
    env: { ...process.env, FLAGLINT_NOW: NOW },
  });
  return (JSON.parse(run.stdout) as { references: JsonReference[] }).references;
}

const where = (
  file: string,
  r: { start: { line: number; character: number }; end: { line: number; character: number } },
): string => `${file}:${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
const recordWhere = (r: JsonReference): string => `${r.file}:${r.line}:${r.column}-${r.endLine}:${r.endColumn}`;

for (const fixture of ['app', 'wrapped']) {
  describe(`language server references = the JSON report's records (${fixture})`, function () {
    let session: LspSession;
    let root: string;
    let records: JsonReference[];
    const byFlag = new Map<string, JsonReference[]>();

    before(async function () {
      root = copyFixture(fixture);
      session = await LspSession.start(root);
      await session.ready();
      records = jsonReferences(root);
      for (const r of records) byFlag.set(r.registryKey ?? r.key, [...(byFlag.get(r.registryKey ?? r.key) ?? []), r]);
    });

    after(async function () {
      await session?.stop();
    });

    const relative = (uri: string): string => path.relative(root, new URL(uri).pathname);

    it('answers Find All References with exactly the records of the flag', async function () {
      assert.ok(byFlag.size >= 3, `flags with references: ${[...byFlag.keys()].join(', ')}`);
      for (const [flag, list] of byFlag) {
        // Asked from the flag's first reference in code (unregistered flags have no entry to ask from).
        const first = list[0];
        assert.ok(first, flag);
        const locations = (await session.connection.sendRequest(ReferencesRequest.type, {
          textDocument: { uri: uriOf(session.abs(first.file)) },
          position: { line: first.line - 1, character: first.column - 1 },
          context: { includeDeclaration: false },
        })) as Location[];
        const fromServer = locations
          .filter((l) => !relative(l.uri).endsWith('.yaml'))
          .map((l) => where(relative(l.uri), l.range));
        assert.deepEqual(fromServer.sort(), list.map(recordWhere).sort(), flag);
      }
    });

    it('lists the records in the Flag Explorer, with their form, wrappers and test marks', async function () {
      const tree: TreeResult = await session.connection.sendRequest(TreeRequest, {});
      const rows = tree.folders.flatMap((f) =>
        f.flags.flatMap((flag) =>
          flag.references.map((r) => ({
            flag: flag.key,
            at: where(relative(r.location.uri), r.location.range),
            callee: r.callee,
            source: r.source,
            form: r.form,
            via: r.via,
            inTest: r.inTest,
          })),
        ),
      );
      const expected = records.map((r) => ({
        flag: r.registryKey ?? r.key,
        at: recordWhere(r),
        callee: r.callee,
        source: r.source,
        form: r.form,
        via: r.via,
        inTest: r.inTest,
      }));
      const order = (a: { flag: string; at: string }, b: { flag: string; at: string }): number =>
        `${a.flag} ${a.at}`.localeCompare(`${b.flag} ${b.at}`);
      assert.deepEqual(rows.sort(order), expected.sort(order));
      for (const flag of tree.folders.flatMap((f) => f.flags))
        assert.equal(flag.referenceCount, byFlag.get(flag.key)?.length ?? 0, flag.key);
    });

    it('counts the records in the registry lenses', async function () {
      const lenses = (await session.connection.sendRequest(CodeLensRequest.type, {
        textDocument: { uri: uriOf(session.abs('flags.yaml')) },
      })) as CodeLens[];
      const registered = [...byFlag].filter(([, list]) => list[0]?.registryKey !== undefined);
      assert.ok(registered.length >= 2);
      for (const [flag, list] of registered) {
        const line = session.positionOf('flags.yaml', `  ${flag}:`).line;
        const lens = lenses.find((l) => l.range.start.line === line);
        assert.ok(lens?.command, `a lens above ${flag}`);
        assert.match(lens.command.title, new RegExp(`^${list.length} references?\\b`), flag);
        const shown = (lens.command.arguments?.[0] as { locations: Location[] }).locations.map((l) =>
          where(relative(l.uri), l.range),
        );
        assert.deepEqual(shown.sort(), list.map(recordWhere).sort(), flag);
      }
    });
  });
}
