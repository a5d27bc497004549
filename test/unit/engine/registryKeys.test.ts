import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import { ReferenceTable } from '../../../server/src/core/engine/referenceTable';
import type { FlagReference } from '../../../server/src/core/model';
import { loadRegistry } from '../../../server/src/core/registry';
import { NOW } from '../../helpers/workspace';

/**
 * Which registry entry a reference names (its own key, an alias, a case variant) is part of the
 * reference from the moment it is resolved: the Explorer, hovers and "find references" read it
 * without anyone having run the rules first, and a registry edit re-binds it without re-parsing.
 */

const REGISTRY = `# Storefront flags.
flags:
  search-v2:
    description: The new search backend
    owner: "@acme/search"
    type: release
    aliases: [searchRewrite]
  dark-mode:
    description: Dark theme
    owner: "@acme/design"
    type: ops
`;

const FILES: Record<string, string> = {
  'package.json': JSON.stringify(
    { name: 'storefront', dependencies: { '@launchdarkly/node-server-sdk': '^9.0.0' } },
    null,
    2,
  ),
  'flags.yaml': REGISTRY,
  'src/lib/launchdarkly.ts': [
    "import { init } from '@launchdarkly/node-server-sdk';",
    '',
    "export const ldClient = init(process.env.LD_SDK_KEY ?? '');",
    '',
  ].join('\n'),
  'src/search.ts': [
    "import { ldClient } from './lib/launchdarkly';",
    '',
    'export async function searchBackend(userKey: string): Promise<string> {',
    "  const rewrite = await ldClient.variation('searchRewrite', { kind: 'user', key: userKey }, false);",
    "  const v2 = await ldClient.variation('search_v2', { kind: 'user', key: userKey }, false);",
    "  return rewrite || v2 ? 'v2' : 'v1';",
    '}',
    '',
  ].join('\n'),
  'src/theme.ts': [
    "import { ldClient } from './lib/launchdarkly';",
    '',
    'export async function theme(userKey: string): Promise<string> {',
    "  return (await ldClient.variation('dark-mode', { kind: 'user', key: userKey }, false)) ? 'dark' : 'light';",
    '}',
    '',
  ].join('\n'),
};

function writeWorkspace(): { root: string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-keys-'));
  for (const [rel, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return { root, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

const keys = (refs: readonly FlagReference[]): string[] => refs.map((r) => `${r.key}->${r.registryKey ?? '?'}`).sort();

describe('registry keys of references', () => {
  let ws: { root: string; cleanup: () => void };
  let index: FlagIndex;
  const file = (rel: string): string => path.join(ws.root, rel);

  beforeEach(async () => {
    ws = writeWorkspace();
    index = new FlagIndex({ root: ws.root, cacheDir: false, now: NOW });
    await index.scan();
  });
  afterEach(() => ws.cleanup());

  it('finds a flag under its key, its alias and a case variant of it', () => {
    assert.deepEqual(keys(index.referencesTo('search-v2')), ['searchRewrite->search-v2', 'search_v2->search-v2']);
    assert.deepEqual(keys(index.referencesTo('dark-mode')), ['dark-mode->dark-mode']);
  });

  it('re-binds the keys when the registry gains or loses an alias, without re-parsing a file', async () => {
    const parsed = index.result().stats.parsed;
    await index.updateRegistry(file('flags.yaml'), REGISTRY.replace('aliases: [searchRewrite]', 'aliases: []'));
    // Asked before anything computes findings: the binding is done by the registry change itself.
    assert.deepEqual(keys(index.referencesTo('search-v2')), ['search_v2->search-v2']);
    assert.deepEqual(
      keys(index.referencesTo('searchRewrite')),
      ['searchRewrite->?'],
      'the old alias is now an unregistered key',
    );
    const unregistered = index
      .result()
      .findings.filter((f) => f.ruleId === 'unregistered-flag')
      .map((f) => f.flagKey);
    assert.deepEqual([...new Set(unregistered)], ['searchRewrite']);

    await index.updateRegistry(
      file('flags.yaml'),
      REGISTRY.replace('aliases: [searchRewrite]', 'aliases: [searchRewrite, darkTheme]'),
    );
    assert.deepEqual(keys(index.referencesTo('search-v2')), ['searchRewrite->search-v2', 'search_v2->search-v2']);
    assert.equal(
      index.result().stats.parsed,
      parsed,
      'a registry edit that leaves the scan section alone parses no source file',
    );
  });

  it('never changes a reference it has handed out: a registry edit makes new ones', async () => {
    const before = index.referencesTo('search-v2');
    const alias = before.find((r) => r.key === 'searchRewrite');
    assert.ok(alias);
    await index.updateRegistry(file('flags.yaml'), REGISTRY.replace('aliases: [searchRewrite]', 'aliases: []'));
    index.result();
    assert.equal(
      alias.registryKey,
      'search-v2',
      'what the Explorer showed a moment ago is not rewritten behind its back',
    );
    assert.equal(index.result().references.find((r) => r.key === 'searchRewrite')?.registryKey, undefined);
  });

  it('binds a key typed into an editor buffer as soon as the buffer reaches the index', () => {
    const theme = file('src/theme.ts');
    const typed = FILES['src/theme.ts']!.replace("variation('dark-mode'", "variation('DarkMode'");
    index.updateFile(theme, typed);
    assert.deepEqual(keys(index.referencesTo('dark-mode')), ['DarkMode->dark-mode']);
  });

  it('editing one buffer re-analyses that file alone and keeps the other files\u2019 findings', () => {
    const search = file('src/search.ts');
    const theme = file('src/theme.ts');
    const parsed = index.result().stats.parsed;
    // Opening both files in the editor: each is answered alone (the workspace's findings are not needed).
    index.updateFile(theme, FILES['src/theme.ts']);
    index.updateFile(search, FILES['src/search.ts']);
    const themeFindings = index.findingsFor(theme);
    const searchFindings = index.findingsFor(search);
    assert.ok(!searchFindings.some((f) => f.ruleId === 'unregistered-flag'));

    index.updateFile(search, FILES['src/search.ts']!.replace("variation('search_v2'", "variation('search-v3'"));
    assert.equal(index.findingsFor(theme), themeFindings, 'the untouched file keeps its cached findings');
    const now = index.findingsFor(search);
    assert.notEqual(now, searchFindings);
    assert.deepEqual(
      now.filter((f) => f.ruleId === 'unregistered-flag').map((f) => f.flagKey),
      ['search-v3'],
      'the edited file is judged again',
    );
    assert.equal(
      index.result().stats.parsed,
      parsed + 3,
      'only the buffers were parsed again: two openings and one edit',
    );
    assert.deepEqual(
      index
        .result()
        .findings.filter((f) => f.ruleId === 'unregistered-flag')
        .map((f) => f.flagKey),
      ['search-v3'],
      'the workspace findings, computed afresh, agree with the file alone',
    );
  });
});

describe('ReferenceTable', () => {
  const registryPath = path.join(os.tmpdir(), 'flaglint-table', 'flags.yaml');
  const at = (file: string, line: number) => ({
    file,
    range: { start: { line, character: 0 }, end: { line, character: 10 } },
  });
  const ref = (key: string, file: string, line: number): FlagReference => ({
    key,
    location: at(file, line),
    evaluation: at(file, line),
    kind: 'call',
    keyForm: 'literal',
    source: 'launchdarkly',
    callee: 'variation',
  });

  it('binds keys on entry, follows dependents, and re-binds only to a different registry', () => {
    const table = new ReferenceTable();
    const withAlias = loadRegistry(registryPath, REGISTRY);
    const a = '/ws/src/a.ts';
    const b = '/ws/src/b.ts';
    table.set(
      a,
      {
        references: [ref('searchRewrite', a, 3), ref('SEARCH_V2', a, 4)],
        dynamic: [],
        deps: new Set([a, '/ws/src/keys.ts']),
      },
      withAlias,
    );
    table.set(b, { references: [ref('checkout-v2', b, 1)], dynamic: [], deps: new Set([b]) }, withAlias);
    assert.deepEqual(keys(table.of(a)!.references), ['SEARCH_V2->search-v2', 'searchRewrite->search-v2']);
    assert.deepEqual(keys(table.to('checkout-v2')), ['checkout-v2->?']);
    assert.deepEqual([...table.dependentsOf('/ws/src/keys.ts')], [a]);

    const bound = table.of(a)!.references;
    table.rebind(() => withAlias);
    assert.equal(table.of(a)!.references, bound, 'the same registry object binds nothing anew');

    const withoutAlias = loadRegistry(registryPath, REGISTRY.replace('aliases: [searchRewrite]', ''));
    table.rebind(() => withoutAlias);
    assert.deepEqual(keys(table.of(a)!.references), ['SEARCH_V2->search-v2', 'searchRewrite->?']);
    assert.deepEqual(
      keys(bound),
      ['SEARCH_V2->search-v2', 'searchRewrite->search-v2'],
      'the earlier objects are unchanged',
    );

    table.delete(a);
    assert.deepEqual([...table.dependentsOf('/ws/src/keys.ts')], []);
    assert.deepEqual(table.files(), [b]);
  });
});
