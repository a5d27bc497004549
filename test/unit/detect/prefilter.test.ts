import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  createDetectorConfig,
  prefilterRegex,
  type DetectorConfig,
} from '../../../server/src/core/detect/detectorConfig';
import { FLAG_MAP } from '../../../server/src/core/sdks';
import { analyzeFile } from '../../../server/src/core/detect/analyzeFile';
import { Prefilter } from '../../../server/src/core/detect/prefilter';
import { REPO_ROOT } from '../../helpers/workspace';
import { defaultScan } from '../../../server/src/core/registry/defaults';

/**
 * The prefilter (detectorConfig.ts) is written with every branch starting at a name, for speed. This
 * is the same test written the plain way, part by part, as it was before: the two must select
 * exactly the same texts, or a file would be skipped (a missed flag) or parsed for nothing.
 */
function plainPrefilter(config: DetectorConfig): RegExp {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alt = (set: Iterable<string>): string =>
    [...set]
      .filter(Boolean)
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|');
  const called = new Set<string>([
    ...config.methods.keys(),
    ...config.functions.keys(),
    FLAG_MAP.name,
    ...config.methodWrappers,
    ...config.functionWrappers,
  ]);
  for (const c of config.custom) called.add(c.name.split('.').pop()!.replace('*', ''));
  const tags = [...config.jsx.keys(), ...[...config.functionWrappers].filter((n) => /^[A-Z]/.test(n))];
  const words = FLAG_MAP.packages.map((pkg) => pkg.replace(/^@/, ''));
  const properties = config.properties.map((p) => [...p.prefix].reverse().find((seg) => seg !== '*')!);
  const collections = config.collections.map((c) => [...c].reverse().find((seg) => seg !== '*')!);
  const types = config.collections.flatMap((c) => (c.length === 1 && c[0] !== '*' ? [c[0]!] : []));
  const parts = [`\\b(?:${alt(called)})\\s*(?:<[^()\\n]{0,120}>)?\\s*(?:\\?\\.)?\\(`];
  if (tags.length) parts.push(`<(?:${alt(tags)})\\b`);
  if (words.length) parts.push(`\\b(?:${alt(words)})\\b`);
  if (properties.length)
    parts.push(`\\b(?:${alt(properties)})\\b(?:["'\`]\\s*\\])?[\\s)!]*(?:\\?\\.|\\.|\\[|\\bas\\b|\\bsatisfies\\b)`);
  if (collections.length) {
    const n = alt(collections);
    parts.push(
      `\\b(?:${n})(?:["'\`]\\s*\\])?\\s*(?:\\?\\.|\\.|\\[)`,
      `\\bin\\s+[\\w.?]*\\b(?:${n})\\b`,
      `\\{[^{}]*\\b(?:${n})\\b[^{}]*\\}\\s*=`,
    );
  }
  if (types.length) parts.push(`[:<|]\\s*(?:${alt(types)})\\b`);
  return new RegExp(parts.join('|'));
}

describe('the prefilter', () => {
  // Names that overlap (a prefix, a suffix, one inside another) and reach every branch: a call, a
  // component and wrapper, a property pattern, collections by path and by type.
  const config: DetectorConfig = {
    ...createDetectorConfig([
      {
        ...defaultScan(),
        functions: [{ name: 'useGate', keyArg: 0 }],
        properties: ['session.flags.*'],
        collections: ['org.features', 'Entitlements', 'limits.*'],
      },
    ]),
    functionWrappers: new Set(['Gate', 'FeatureGate', 'gateOn']),
    methodWrappers: new Set(['isOn', 'features']),
  };
  const vocabulary = [
    'useGate',
    'Gate',
    'FeatureGate',
    'gateOn',
    'isOn',
    'isOnline',
    'features',
    'featuresOf',
    'myfeatures',
    'flags',
    'limits',
    'Entitlements',
    'EntitlementsV2',
    'variation',
    'in',
    'const',
    'org',
    'launchdarkly-react-client-sdk',
    'session',
    '"flags"',
    'as',
    'satisfies',
  ];
  const punctuation = [
    ' ',
    '  ',
    '\n',
    '.',
    '?.',
    '(',
    ')',
    '<',
    '>',
    '{',
    '}',
    '[',
    ']',
    ':',
    '|',
    '=',
    ',',
    '!',
    'x',
  ];

  it('selects exactly the texts the plain form of the same test selects', () => {
    const plain = plainPrefilter(config);
    const fast = prefilterRegex(config);
    const token = fc.constantFrom(...vocabulary, ...punctuation, ...punctuation);
    fc.assert(
      fc.property(fc.array(token, { maxLength: 24 }), (tokens) => {
        const text = tokens.join('');
        assert.equal(fast.test(text), plain.test(text), JSON.stringify(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('selects the shapes each branch is for, and not the bare names', () => {
    const re = prefilterRegex(config);
    for (const code of [
      "useGate('new-nav')",
      "client.variation<boolean>('k', ctx, false)",
      'flags.isOn?.("beta")',
      '<FeatureGate flag="beta">',
      'session.flags.beta',
      'session?.flags?.["beta"]',
      'session["flags"].beta',
      '(session.flags as Flags).beta',
      'session.flags!\n  .beta',
      'org.features?.[key]',
      "if ('sso' in org.features) {}",
      'const { id, features } = org;',
      'function Plan({ plan }: { plan: Entitlements }) {}',
    ])
      assert.match(code, re, code);
    for (const code of [
      '// Gate and FeatureGate are documented elsewhere',
      'const isOnline = true;',
      'type X = EntitlementsV2;',
    ])
      assert.doesNotMatch(code, re, code);
  });
});

/**
 * Generic SDK names (`getValue`, `getConfig`, `variable`) count only where the file points at the
 * SDK (detect/prefilter.ts): a file the prefilter leaves out must be one whose analysis finds no
 * flag call, only calls that matter if they turn out to be wrappers (caught up by name later).
 */
describe('the prefilter on generic SDK names', () => {
  const config = createDetectorConfig([]);
  const prefilter = new Prefilter(config);
  const flagCalls = (text: string): string[] =>
    analyzeFile('/app/src/file.tsx', text, config)
      .calls.filter((c) => c.source !== 'candidate')
      .map((c) => `${c.source}:${c.callee}`);

  it('leaves out table cells and config loaders, and keeps the calls the analysis counts', () => {
    const skipped = [
      "export const columns = [{ accessorKey: 'email', cell: ({ row }) => <span>{row.getValue('email')}</span> }];",
      "import { loadConfig } from './config';\nconst port = loadConfig().getConfig('port');",
      "const value = form.variable('name');",
    ];
    for (const text of skipped) {
      assert.equal(prefilter.selects(text), false, text);
      assert.deepEqual(flagCalls(text), [], text);
    }
    const kept = [
      "const on = configCatClient.getValue('new-checkout', false);",
      "import * as configcat from 'configcat-js';\nconst client = configcat.getClient(key);\nclient.getValue('k', false);",
      "const v = snapshot.getValue('k', 0);",
      "const dark = devCycleClient.variable(user, 'dark-mode', false);",
      "const limit = statsig.getConfig('limits');",
    ];
    for (const text of kept) {
      assert.equal(prefilter.selects(text), true, text);
      assert.notDeepEqual(flagCalls(text), [], text);
    }
    assert.equal(prefilter.selects("export { getValue as readSetting } from './settings';\nx.getValue('a');"), true);
  });

  it('never leaves out a file in which the analysis finds a flag call', () => {
    const receivers = [
      'row',
      'cell',
      'appConfig',
      'configCatClient',
      'config.cat',
      'flagsmith',
      'flags',
      'dvcClient',
      'dev.cycle.client',
      'statsig',
      'this.snapshot',
      'gb',
      'client',
    ];
    const methods = [
      'getValue',
      'getConfig',
      'getLayer',
      'variable',
      'feature',
      'isOn',
      'getVariant',
      'getExperiment',
      'evalFeature',
    ];
    const imports = [
      '',
      "import { init } from 'configcat-node';\n",
      "import { DevCycleClient } from '@devcycle/nodejs-server-sdk';\n",
      "import { client } from './lib/feature';\n",
      "import { x } from '@growthbook/growthbook';\n",
    ];
    const call = fc
      .tuple(fc.constantFrom(...receivers), fc.constantFrom(...methods))
      .map(([r, m]) => `${r}.${m}('k', false);\n`);
    let selected = 0;
    fc.assert(
      fc.property(fc.constantFrom(...imports), fc.array(call, { minLength: 1, maxLength: 4 }), (head, calls) => {
        const text = head + calls.join('');
        const found = flagCalls(text);
        if (prefilter.selects(text)) selected++;
        else assert.deepEqual(found, [], text);
      }),
      { numRuns: 3000 },
    );
    assert.ok(selected > 100 && selected < 3000, `both kinds of text were generated (${selected} selected)`);
  });

  it('never leaves out a file in which the analysis finds a property-pattern read', () => {
    const withPattern = createDetectorConfig([{ ...defaultScan(), properties: ['user.featureFlags.*'] }]);
    const pf = new Prefilter(withPattern);
    const reads = (text: string): string[] =>
      analyzeFile('/app/src/file.ts', text, withPattern)
        .calls.filter((c) => c.source === 'pattern')
        .map((c) => c.callee);
    const objects = [
      'user.featureFlags',
      'user["featureFlags"]',
      "user['featureFlags']",
      '(user.featureFlags as Flags)',
      'user.featureFlags!',
      '(user.featureFlags)',
      'featureFlags',
      'session.user?.featureFlags',
    ];
    const after = ['.beta', '?.beta', '["beta"]', '?.["beta"]', '\n  .beta', ' ', ';', ': true'];
    const piece = fc.oneof(
      fc.tuple(fc.constantFrom(...objects), fc.constantFrom(...after)).map(([o, a]) => `const v = ${o}${a};\n`),
      fc.constantFrom('const mock = { featureFlags: { beta: true } };\n', 'type T = { featureFlags?: string[] };\n'),
    );
    let selected = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 3 }), (pieces) => {
        const text = pieces.join('');
        if (pf.selects(text)) selected++;
        else assert.deepEqual(reads(text), [], text);
      }),
      { numRuns: 2000 },
    );
    assert.ok(selected > 100 && selected < 2000, `both kinds of text were generated (${selected} selected)`);
  });

  it('never leaves out a file that reads a collection of several names, however the names are reached', () => {
    const withPaths = createDetectorConfig([
      { ...defaultScan(), presets: [], collections: ['license.features', 'org.settings.flags'] },
    ]);
    const pf = new Prefilter(withPaths);
    const reads = (text: string): string[] =>
      analyzeFile('/app/src/billing.ts', text, withPaths)
        .calls.filter((c) => c.source === 'collection')
        .map((c) => c.callee);
    const piece = fc.constantFrom(
      'const a = license.features.sso;\n',
      'const b = this.license?.features?.sso;\n',
      "const c = license['features'].sso;\n",
      'const { features } = license;\n',
      'const { features: f } = await license;\n',
      'const d = features.sso;\n',
      'const e = f.sso;\n',
      "const g = 'sso' in features;\n",
      'const { license } = org;\n',
      'const { settings } = org;\n',
      'const h = settings.flags.beta;\n',
      'const i = org.settings.flags.beta;\n',
      'const rows = plan.features.map((x) => x.label);\n',
      'const j = props.flags.beta;\n',
      'type License = { features: string[] };\n',
    );
    let selected = 0;
    let skipped = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), (pieces) => {
        const text = pieces.join('');
        if (pf.selects(text)) selected++;
        else {
          skipped++;
          assert.deepEqual(reads(text), [], text);
        }
      }),
      { numRuns: 3000 },
    );
    assert.ok(selected > 100 && skipped > 100, `both kinds of text were generated (${selected} selected)`);
    assert.equal(pf.selects('export const rows = plan.features.map((f) => f.label);'), false);
    assert.equal(pf.selects('const { features } = license;\nexport const sso = features.sso;'), true);
  });

  it('leaves out no fixture file with a flag call', () => {
    let checked = 0;
    for (const file of sources(path.join(REPO_ROOT, 'test/fixtures')).concat(
      sources(path.join(REPO_ROOT, 'examples/shop')),
    )) {
      const text = fs.readFileSync(file, 'utf8');
      if (prefilter.selects(text)) continue;
      checked++;
      assert.deepEqual(flagCalls(text), [], file);
    }
    assert.ok(checked > 20, `${checked} files left out`);
  });
});

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(p);
    return /\.(ts|tsx|js|jsx|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}
