import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import ignore from 'ignore';
import { walkWorkspace } from '../../../server/src/core/engine/fileWalker';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import { NOW } from '../../helpers/workspace';

/**
 * The walk stays inside the scanned folder whatever symbolic links it meets: a link to `/` must not
 * walk the disk, a link out of the workspace is not followed (so nothing there is read or rewritten),
 * a loop ends, and a link to a folder inside the workspace lists that folder once.
 */
describe('file walker: symbolic links', () => {
  let base: string;
  let root: string;
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  const rel = (file: string): string => path.relative(root, file).split(path.sep).join('/');

  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-walk-'));
    root = path.join(base, 'shop');
    write(
      'src/checkout.ts',
      "import { client } from './client';\nexport const fast = client.getBooleanValue('fast-checkout', false);\n",
    );
    write(
      'src/shared/prices.ts',
      "import { client } from '../client';\nexport const sale = client.getBooleanValue('summer-sale', false);\n",
    );
    // A sibling checkout of another project, outside the scanned folder.
    fs.mkdirSync(path.join(base, 'other-project', 'src'), { recursive: true });
    fs.writeFileSync(
      path.join(base, 'other-project', 'src', 'secret.ts'),
      "client.getBooleanValue('other-team-flag', false);\n",
    );
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it('does not walk a link to the file-system root', () => {
    fs.symlinkSync('/', path.join(root, 'src', 'disk'), 'dir');
    const walk = walkWorkspace(root);
    assert.deepEqual(walk.files.map(rel), ['src/checkout.ts', 'src/shared/prices.ts']);
    const note = walk.notes.find((n) => rel(n.file) === 'src/disk');
    assert.equal(note?.kind, 'symlink-loop');
    assert.match(note.message, /above it/);
  });

  it('does not follow a link to a folder or a file outside the scanned folder', async () => {
    fs.symlinkSync(path.join(base, 'other-project', 'src'), path.join(root, 'src', 'vendor'), 'dir');
    fs.symlinkSync(path.join(base, 'other-project', 'src', 'secret.ts'), path.join(root, 'src', 'secret.ts'), 'file');
    const walk = walkWorkspace(root);
    assert.deepEqual(walk.files.map(rel), ['src/checkout.ts', 'src/shared/prices.ts']);
    assert.deepEqual(
      walk.notes
        .filter((n) => n.kind === 'symlink-outside')
        .map((n) => rel(n.file))
        .sort(),
      ['src/secret.ts', 'src/vendor'],
    );
    const result = await new FlagIndex({ root, cacheDir: false, now: NOW }).scan();
    assert.equal(
      result.references.some((r) => r.key === 'other-team-flag'),
      false,
      'a flag outside the workspace is not reported',
    );
  });

  it('ends a link loop and walks each folder once', () => {
    fs.symlinkSync('../..', path.join(root, 'src', 'shared', 'up'), 'dir');
    fs.symlinkSync('loop-b', path.join(root, 'src', 'loop-a'), 'dir');
    fs.symlinkSync('loop-a', path.join(root, 'src', 'loop-b'), 'dir');
    const walk = walkWorkspace(root);
    assert.deepEqual(walk.files.map(rel), ['src/checkout.ts', 'src/shared/prices.ts']);
    assert.ok(walk.notes.some((n) => rel(n.file) === 'src/shared/up' && n.kind === 'symlink-loop'));
  });

  it('lists a folder reached through an inner link once, under its real path', () => {
    // `aliases` sorts before `shared`: the real folder must still win over the link.
    fs.symlinkSync('shared', path.join(root, 'src', 'aliases'), 'dir');
    const walk = walkWorkspace(root);
    assert.deepEqual(walk.files.map(rel), ['src/checkout.ts', 'src/shared/prices.ts']);
  });

  it('follows a link to a folder inside the workspace that is not otherwise walked', () => {
    write('tools/flags/rollout.ts', "client.getBooleanValue('rollout-tool', false);\n");
    write('.gitignore', 'tools/\n');
    fs.symlinkSync(path.join(root, 'tools', 'flags'), path.join(root, 'src', 'rollout'), 'dir');
    const walk = walkWorkspace(root);
    assert.deepEqual(walk.files.map(rel), ['src/checkout.ts', 'src/rollout/rollout.ts', 'src/shared/prices.ts']);
  });
});

describe('file walker: ignores', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-walk-ig-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('applies each nested .gitignore to the paths below its own folder', () => {
    const write = (rel: string, text = 'export {};\n'): void => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('.gitignore', '*.gen.ts\n/scripts/\n');
    write('packages/web/.gitignore', 'legacy/\n/src/local.ts\n');
    write('packages/web/src/app.ts');
    write('packages/web/src/local.ts');
    write('packages/web/src/api.gen.ts');
    write('packages/web/legacy/old.ts');
    write('packages/web/scripts/seed.ts');
    write('scripts/deploy.ts');
    write('src/legacy/kept.ts');
    const files = walkWorkspace(root).files.map((f) => path.relative(root, f).split(path.sep).join('/'));
    assert.deepEqual(files, ['packages/web/scripts/seed.ts', 'packages/web/src/app.ts', 'src/legacy/kept.ts']);
  });
});

describe('file walker: .gitignore shortcuts agree with the ignore rules', () => {
  it('lists exactly the files git would list, for random rule sets and trees', () => {
    const rulePool = [
      '*.log',
      'dist/',
      '/gen/',
      'tmp',
      '*.gen.ts',
      '!keep.gen.ts',
      'src/local.ts',
      'docs/**/*.ts',
      'legacy/',
      '!legacy/',
      '.env*',
      'cache',
      '# comment',
      ' spaced.ts',
      'a\\#b.ts',
      '*.ts',
      '!main.ts',
      'lib/src/',
      'deep/er/',
      'er',
      '!tmp',
      '/src/*.ts',
      'lib/*/q.ts',
      'deep/er',
      '/docs/a',
      'pkg/gen/',
      'src/*',
      '*/out.ts',
      'lib/src/z/q.ts',
      '**/gen',
      '[sl]*/app.ts',
      'x/er/',
      '/deep/x/er/y.ts',
      '!src/local.ts',
      '!/lib/src/z/q.ts',
      '!deep/er/',
      '!pkg/gen/out.ts',
      '!/docs/a/b.ts',
    ];
    const pathPool = [
      'src/app.ts',
      'src/keep.gen.ts',
      'src/api.gen.ts',
      'src/local.ts',
      'lib/src/local.ts',
      'gen/out.ts',
      'pkg/gen/out.ts',
      'tmp/x.ts',
      'tmp.ts',
      'docs/a/b.ts',
      'legacy/old.ts',
      'cache/c.ts',
      'spaced.ts',
      'main.ts',
      'deep/er/main.ts',
      'deep/er/file.ts',
      'deep/x/er/y.ts',
      'lib/src/z/q.ts',
      'lib/a/q.ts',
      'src/nested/app.ts',
      'pkg/gen/deeper/out.ts',
    ];
    fc.assert(
      fc.property(
        fc.subarray(rulePool),
        fc.subarray(rulePool),
        fc.subarray(pathPool, { minLength: 1 }),
        (rootRules, nestedRules, paths) => {
          const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-walk-prop-'));
          try {
            for (const p of paths) {
              fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
              fs.writeFileSync(path.join(root, p), 'export {};\n');
            }
            fs.writeFileSync(path.join(root, '.gitignore'), rootRules.join('\n'));
            fs.mkdirSync(path.join(root, 'deep'), { recursive: true });
            fs.writeFileSync(path.join(root, 'deep', '.gitignore'), nestedRules.join('\n'));
            const rootIg = ignore().add(rootRules.join('\n'));
            const nestedIg = ignore().add(nestedRules.join('\n'));
            const expected = paths
              .filter(
                (p) => !rootIg.ignores(p) && !(p.startsWith('deep/') && nestedIg.ignores(p.slice('deep/'.length))),
              )
              .sort();
            const listed = walkWorkspace(root).files.map((f) => path.relative(root, f).split(path.sep).join('/'));
            assert.deepEqual(listed, expected);
          } finally {
            fs.rmSync(root, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
