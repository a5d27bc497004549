import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { createDetectorConfig, prefilterRegex } from '../../../server/src/core/detect/detectorConfig';
import { LD_FLAGS_HOOK, LD_REACT_PACKAGES } from '../../../server/src/core/detect/presets';
import { trieAlternation } from '../../../server/src/core/detect/wordTrie';
import { walkWorkspace } from '../../../server/src/core/engine/fileWalker';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import { NOW, REPO_ROOT, copyWorkspace, summarize } from '../../helpers/workspace';

/**
 * The speed-ups change how the answer is reached, never the answer: the prefix-factored prefilter
 * picks the same files as the plain alternation it replaced, and a warm scan (cache, no compiler)
 * reports what a cold one does, on every fixture workspace of the repository.
 */
const WORKSPACES = [
  'examples/shop',
  ...['cli', 'detect', 'workspaces'].flatMap((group) =>
    fs
      .readdirSync(path.join(REPO_ROOT, 'test/fixtures', group), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `test/fixtures/${group}/${e.name}`),
  ),
];

/** The prefilter as it was before the trie: the same three parts, names as one flat alternation longest first. */
function flatPrefilter(config: ReturnType<typeof createDetectorConfig>): RegExp {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const called = new Set<string>([
    ...config.methods.keys(),
    ...config.functions.keys(),
    LD_FLAGS_HOOK,
    ...config.methodWrappers,
    ...config.functionWrappers,
  ]);
  for (const c of config.custom) called.add(c.name.split('.').pop()!.replace('*', ''));
  const tags = new Set<string>([...config.jsx.keys(), ...[...config.functionWrappers].filter((n) => /^[A-Z]/.test(n))]);
  const words = new Set<string>(LD_REACT_PACKAGES.map((pkg) => pkg.replace(/^@/, '')));
  // A property pattern's name counts where a member of it is read (detectorConfig.ts, prefilter.test.ts).
  const properties = new Set<string>();
  for (const p of config.properties) {
    const last = [...p.prefix].reverse().find((seg) => seg !== '*');
    if (last) properties.add(last);
  }
  const alternation = (set: Set<string>): string =>
    [...set]
      .filter(Boolean)
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|');
  const parts = [`\\b(?:${alternation(called)})\\s*(?:<[^()\\n]{0,120}>)?\\s*(?:\\?\\.)?\\(`];
  if (tags.size) parts.push(`<(?:${alternation(tags)})\\b`);
  if (words.size) parts.push(`\\b(?:${alternation(words)})\\b`);
  if (properties.size)
    parts.push(
      `\\b(?:${alternation(properties)})\\b(?:["'\`]\\s*\\])?[\\s)!]*(?:\\?\\.|\\.|\\[|\\bas\\b|\\bsatisfies\\b)`,
    );
  return new RegExp(parts.join('|'));
}

describe('fast paths give the answers of the plain ones', function () {
  this.timeout(120_000);

  it('the prefix-factored alternation matches exactly what the flat one matches', () => {
    const word = fc.stringMatching(/^[a-cA-C$_]{1,5}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 12 }),
        fc.stringMatching(/^[a-cA-C$_ .(]{0,40}$/),
        (words, text) => {
          const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const flat = new RegExp(
            `\\b(?:${[...words]
              .sort((a, b) => b.length - a.length)
              .map(escape)
              .join('|')})\\(`,
            'g',
          );
          const trie = new RegExp(`\\b(?:${trieAlternation(words)})\\(`, 'g');
          assert.deepEqual(
            [...text.matchAll(trie)].map((m) => m.index),
            [...text.matchAll(flat)].map((m) => m.index),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the prefilter selects the same files as before in every fixture workspace', () => {
    const config = {
      ...createDetectorConfig([
        {
          include: [],
          exclude: [],
          presets: 'auto',
          functions: [{ name: 'useShopFlag', keyArg: 0 }],
          properties: ['config.flags.*'],
        },
      ]),
      functionWrappers: new Set(['quoteFeature', 'IfEnabled']),
      methodWrappers: new Set(['isOn']),
    };
    const configs = [createDetectorConfig([]), config];
    let selected = 0;
    for (const ws of WORKSPACES) {
      for (const file of walkWorkspace(path.join(REPO_ROOT, ws)).files) {
        const text = fs.readFileSync(file, 'utf8');
        for (const c of configs) {
          const now = prefilterRegex(c).test(text);
          assert.equal(now, flatPrefilter(c).test(text), `${path.relative(REPO_ROOT, file)}`);
          if (now) selected++;
        }
      }
    }
    assert.ok(selected > 50, `the fixtures exercise the prefilter (${selected} selections)`);
  });

  for (const ws of WORKSPACES) {
    it(`a warm scan reports what a cold one does: ${ws}`, async () => {
      const copy = copyWorkspace(ws);
      try {
        const old = new Date(Date.now() - 60_000);
        const age = (dir: string): void => {
          for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
            const p = path.join(dir, e.name);
            if (e.isDirectory()) age(p);
            else if (e.isFile()) fs.utimesSync(p, old, old);
          }
        };
        age(copy.root);
        const cacheDir = path.join(copy.root, '.flaglint-cache');
        const cold = await new FlagIndex({ root: copy.root, cacheDir: false, now: NOW }).scan();
        await new FlagIndex({ root: copy.root, cacheDir, now: NOW }).scan();
        const warm = await new FlagIndex({ root: copy.root, cacheDir, now: NOW }).scan();
        // Every listed file is served from the cache (a JSON module read for its keys is not a listed file).
        assert.equal(warm.stats.cached, warm.stats.files, 'served from the cache');
        assert.deepEqual(summarize(warm), summarize(cold));
        assert.deepEqual(
          warm.notes.map((n) => `${n.kind} ${path.relative(copy.root, n.file)}`),
          cold.notes.map((n) => `${n.kind} ${path.relative(copy.root, n.file)}`),
        );
      } finally {
        copy.cleanup();
      }
    });
  }
});
