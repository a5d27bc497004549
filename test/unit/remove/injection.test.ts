import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { removeFlag, unifiedDiff } from '../../../server/src/core/remove';
import { scanned } from './fixtureWorkspace';
import { must } from '../../helpers/must';

/**
 * A property test on real code: flag checks are injected around statements and expressions of
 * this repository's own core sources (a real, varied TypeScript code base), the flag is removed
 * keeping `true`, and every file must come back as the original program (same AST, comments
 * included) while the whole project still type-checks.
 */
const REPO = path.resolve(__dirname, '../../../..');
const FLAG = 'fuzz-flag';
const CHECK = `unleash.isEnabled('${FLAG}')`;

/** An injection in terms of a condition that holds (`on`) and one that fails (`off`) once the flag is kept. */
type Injection = (
  s: ts.Statement,
  sf: ts.SourceFile,
  n: number,
  on: string,
  off: string,
  kept: boolean,
) => string | undefined;

const isDeclaration = (s: ts.Statement): boolean =>
  ts.isVariableStatement(s) || ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s);

const injections: Injection[] = [
  // if (on) { S }
  (s, sf, _n, on) => (isDeclaration(s) ? undefined : `if (${on}) { ${s.getText(sf)} }`),
  // if (off) { legacy } else { S }
  (s, sf, _n, _on, off) =>
    isDeclaration(s) ? undefined : `if (${off}) { console.warn('legacy path'); } else { ${s.getText(sf)} }`,
  // E;  →  on ? E : legacy();
  (s, sf, _n, on) =>
    ts.isExpressionStatement(s) ? `${on} ? ${s.expression.getText(sf)} : console.warn('legacy path');` : undefined,
  // return X;  →  return on ? (X) : undefined;
  (s, sf, _n, on) =>
    ts.isReturnStatement(s) && s.expression ? `return ${on} ? (${s.expression.getText(sf)}) : undefined;` : undefined,
  // if (C)  →  if (on && (C))
  (s, sf, _n, on) =>
    ts.isIfStatement(s)
      ? `if (${on} && (${s.expression.getText(sf)})) ${sf.text.slice(s.thenStatement.getStart(sf), s.end)}`
      : undefined,
  // a variable holding the flag, then a guarded statement
  (s, sf, n, _on, _off, kept) =>
    ts.isExpressionStatement(s) || ts.isReturnStatement(s)
      ? `const fuzzOn${n} = ${CHECK};\n${indentOf(sf, s)}if (${kept ? '' : '!'}fuzzOn${n}) { ${s.getText(sf)} }`
      : undefined,
  // off && legacy();  before S
  (s, sf, _n, _on, off) =>
    ts.isExpressionStatement(s)
      ? `(${off}) && console.warn('legacy path');\n${indentOf(sf, s)}${s.getText(sf)}`
      : undefined,
];

function indentOf(sf: ts.SourceFile, node: ts.Node): string {
  const start = node.getStart(sf);
  const lineStart = sf.text.lastIndexOf('\n', start - 1) + 1;
  return /^[ \t]*/.exec(sf.text.slice(lineStart))![0];
}

/** Statements inside function bodies, none inside another, in source order. */
function candidates(sf: ts.SourceFile): ts.Statement[] {
  const out: ts.Statement[] = [];
  const visit = (node: ts.Node, inFunction: boolean): void => {
    if (ts.isBlock(node) && inFunction) {
      for (const s of node.statements) {
        out.push(s);
      }
      return;
    }
    node.forEachChild((c) => visit(c, inFunction || ts.isFunctionLike(node)));
  };
  visit(sf, false);
  return out;
}

function inject(file: string, text: string, seed: number, kept: boolean): { text: string; count: number } {
  const on = kept ? CHECK : `!${CHECK}`;
  const off = kept ? `!${CHECK}` : CHECK;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const all = candidates(sf);
  const edits: { start: number; end: number; text: string }[] = [];
  let n = 0;
  for (let i = seed % 5; i < all.length && edits.length < 6; i += 5) {
    const s = must(all[i]);
    const injected = must(injections[(i + seed) % injections.length])(s, sf, n, on, off, kept);
    if (injected === undefined) continue;
    edits.push({ start: s.getStart(sf), end: s.end, text: injected });
    n++;
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  const depth = path.relative(path.dirname(file), 'src').split(path.sep).join('/') || '.';
  return { text: `import { unleash } from '${depth}/fuzzUnleash';\n${out}`, count: edits.length };
}

function printed(file: string, text: string): string {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return ts.createPrinter().printFile(sf);
}

describe('remove: injected flag checks on real code come out as the original', function () {
  this.timeout(300_000);
  let root: string;
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-remove-injection-')));
    // detect/ is left out: scanning it crashes the engine today (a local function named `valueOf` is
    // looked up on a plain object of imports; reported to the engine's owner).
    fs.cpSync(path.join(REPO, 'server/src/core'), path.join(root, 'src/core'), {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}detect`),
    });
    fs.writeFileSync(
      path.join(root, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(REPO, 'tsconfig.base.json'),
        compilerOptions: { rootDir: '.', outDir: 'out', composite: false, declaration: false, noEmit: true },
        include: ['src'],
      }),
    );
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
    fs.writeFileSync(
      path.join(root, 'src/fuzzUnleash.ts'),
      `import { initialize } from 'unleash-client';\n\nexport const unleash = initialize({ url: 'http://localhost:4242/api', appName: 'fuzz' });\n`,
    );
    fs.writeFileSync(
      path.join(root, 'flags.yaml'),
      `flags:\n  ${FLAG}:\n    owner: "@qa"\n    type: release\n    valueType: boolean\n`,
    );
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const kept of [true, false])
    it(`rewrites dozens of injected checks in several files back to the original code (kept ${kept})`, async () => {
      const sources = ['registry', 'rules', 'report', 'resolve', 'engine']
        .flatMap((dir) =>
          fs
            .readdirSync(path.join(root, 'src/core', dir))
            .filter((f) => f.endsWith('.ts'))
            // Generated modules are skipped by the scan on purpose (engine/generatedFiles.ts): a check
            // injected there is not an evaluation anyone would remove.
            .filter((f) => !f.includes('.generated.'))
            .map((f) => path.join(root, 'src/core', dir, f)),
        )
        .sort();
      const chosen = sources.filter((_, i) => i % 2 === (kept ? 0 : 1));
      const originals = new Map<string, string>();
      let injected = 0;
      chosen.forEach((file, i) => {
        const text = fs.readFileSync(file, 'utf8');
        const result = inject(path.relative(root, file), text, i + 1, kept);
        if (result.count === 0) return;
        originals.set(file, text);
        injected += result.count;
        fs.writeFileSync(file, result.text);
      });
      assert.ok(injected >= 30, `only ${injected} injections`);

      const index = await scanned(root);
      const result = await removeFlag({ index, key: FLAG, value: kept });
      assert.equal(result.references, injected, 'every injected check is a reference');
      assert.deepEqual(result.verification.newErrors, []);
      const mismatches: string[] = [];
      for (const [file, original] of originals) {
        const change = result.changes.find((c) => c.file === file);
        assert.ok(change?.after !== undefined, `${file} was not rewritten`);
        if (printed(file, change.after) !== printed(file, original)) {
          mismatches.push(
            unifiedDiff(
              `original/${path.relative(root, file)}`,
              `rewritten/${path.relative(root, file)}`,
              original,
              change.after,
            ),
          );
        }
      }
      assert.equal(mismatches.length, 0, mismatches.join('\n'));
      const untouched = result.files.filter((f) => !originals.has(f) && !f.endsWith('flags.yaml'));
      assert.deepEqual(untouched, [], 'no other file changes');
    });
});
