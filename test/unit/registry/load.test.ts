import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_POLICY, emptyRegistry, loadRegistry } from '../../../server/src/core/registry';
import { brief, fixture, read, removeDir, scratchDir, span, textAt } from './helpers';
import { must } from '../../helpers/must';

describe('registry: loading a well-formed registry', () => {
  const file = fixture('team', 'flags.yaml');
  const text = read(file);
  const reg = loadRegistry(file);

  it('reads every flag in file order, with no problems', () => {
    assert.deepEqual(reg.problems.map(brief), []);
    assert.equal(reg.format, 'yaml');
    assert.equal(reg.path, file);
    assert.equal(reg.root, path.dirname(file));
    assert.deepEqual(
      [...reg.flags.keys()],
      [
        'checkout-express-wallets',
        'new-checkout',
        'payments-api-v2',
        'pdp-recommendations-carousel',
        'free-shipping-threshold',
        'search-typo-tolerance',
        'search-ranking-weights',
        'disable-reviews-widget',
        'beta-dashboard',
        'legacy-cart-service',
      ],
    );
  });

  it('reads every field with its type (dates stay YYYY-MM-DD text)', () => {
    const wallets = reg.flags.get('checkout-express-wallets')!;
    assert.equal(wallets.description, 'Show Apple Pay / Google Pay buttons on the payment step');
    assert.equal(wallets.owner, '@acme/payments');
    assert.equal(wallets.type, 'release');
    assert.equal(wallets.valueType, 'boolean');
    assert.equal(wallets.defaultValue, false);
    assert.equal(wallets.status, 'active');
    assert.equal(wallets.created, '2026-03-02');
    assert.equal(wallets.expires, '2026-06-30');
    assert.equal(wallets.rollback, 'Turn the flag off; wallets fall back to the card form. No data migration.');
    assert.deepEqual(wallets.dependsOn, ['payments-api-v2']);
    assert.deepEqual(wallets.links, { issue: 'https://tracker.acme.example/PAY-1187' });

    const checkout = reg.flags.get('new-checkout')!;
    assert.equal(checkout.rollback, 'Turn the flag off; carts in progress keep their items.');
    assert.equal(checkout.runbook, 'https://runbooks.acme.example/checkout/rollback');
    assert.deepEqual(checkout.aliases, ['newCheckout']);
    assert.equal(checkout.status, 'rolled-out');

    assert.equal(reg.flags.get('payments-api-v2')!.permanent, true);
    assert.equal(reg.flags.get('free-shipping-threshold')!.defaultValue, 5000);
    assert.deepEqual(reg.flags.get('search-ranking-weights')!.defaultValue, {
      title: 3,
      description: 1,
      popularity: 2,
    });
    assert.deepEqual(reg.flags.get('search-typo-tolerance')!.scope, ['services/search', 'apps/web']);
    assert.deepEqual(reg.flags.get('pdp-recommendations-carousel')!.scope, ['apps/web']);
  });

  it('locates each key and each field value exactly', () => {
    const checkout = reg.flags.get('new-checkout')!;
    assert.equal(checkout.location.file, file);
    assert.equal(span(checkout.location), '28:2-28:14');
    assert.equal(textAt(text, checkout.location), 'new-checkout');
    assert.equal(textAt(text, must(checkout.fieldLocations.owner)), '"@acme/payments"');
    assert.equal(span(must(checkout.fieldLocations.owner)), '30:11-30:27');
    assert.equal(textAt(text, must(checkout.fieldLocations.expires)), '2026-02-01');
    assert.equal(textAt(text, must(checkout.fieldLocations.aliases)), '[newCheckout]');
    assert.equal(textAt(text, must(checkout.fieldLocations['aliases[0]'])), 'newCheckout');
    const wallets = reg.flags.get('checkout-express-wallets')!;
    assert.equal(textAt(text, must(wallets.fieldLocations['dependsOn[0]'])), 'payments-api-v2');
    const typo = reg.flags.get('search-typo-tolerance')!;
    assert.equal(textAt(text, must(typo.fieldLocations['scope[1]'])), 'apps/web');
  });

  it('reads owners, policy over the defaults, and scan', () => {
    assert.deepEqual(reg.owners, ['@acme/payments', '@acme/growth', '@acme/search', '@acme/platform']);
    assert.deepEqual(reg.policy.maxAgeDays, { release: 120, experiment: 60 });
    assert.equal(reg.policy.gracePeriodDays, 7);
    assert.deepEqual(reg.policy.requireRollback, DEFAULT_POLICY.requireRollback);
    assert.deepEqual(reg.policy.requireExpiry, DEFAULT_POLICY.requireExpiry);
    assert.equal(reg.policy.keyPattern, '^[a-z][a-z0-9-]*$');
    assert.deepEqual(reg.policy.severity, { 'unused-flag': 'info', 'dynamic-key': 'off' });
    assert.equal(reg.policy.useCodeowners, true);
    assert.deepEqual(reg.scan, {
      include: [],
      exclude: ['**/*.stories.tsx', 'e2e/**'],
      presets: ['launchdarkly', 'openfeature'],
      functions: [{ name: 'isFeatureOn' }, { name: 'flags.variant', keyArg: 0, valueType: 'string', defaultArg: 1 }],
      properties: ['config.featureToggles.*'],
    });
  });
});

describe('registry: defaults', () => {
  it('an almost empty registry gets the default policy and scan', () => {
    const reg = loadRegistry('/repo/flags.yaml', 'flags:\n  dark-mode:\n    owner: "@web"\n');
    assert.deepEqual(reg.problems, []);
    assert.deepEqual(reg.policy, {
      maxAgeDays: { release: 90, experiment: 60 },
      gracePeriodDays: 14,
      requireRollback: ['release', 'ops', 'kill-switch'],
      requireExpiry: ['release', 'experiment'],
      severity: {},
      useCodeowners: false,
    });
    assert.deepEqual(reg.scan, { include: [], exclude: [], presets: 'auto', functions: [], properties: [] });
    assert.deepEqual(reg.owners, []);
  });

  it('policy.maxAgeDays merges per type, and null lifts a default limit', () => {
    const reg = loadRegistry('/repo/flags.yaml', 'policy:\n  maxAgeDays: {ops: 365, experiment: null}\n');
    assert.deepEqual(reg.problems, []);
    assert.deepEqual(reg.policy.maxAgeDays, { release: 90, ops: 365 });
  });

  it('registries never share the default arrays', () => {
    const a = emptyRegistry('/a');
    a.policy.requireRollback.push('permission');
    a.policy.maxAgeDays.ops = 1;
    assert.deepEqual(emptyRegistry('/b').policy.requireRollback, ['release', 'ops', 'kill-switch']);
    assert.deepEqual(DEFAULT_POLICY.maxAgeDays, { release: 90, experiment: 60 });
  });

  it('emptyRegistry names <root>/flags.yaml and has nothing in it', () => {
    const reg = emptyRegistry('/work/shop');
    assert.equal(reg.path, path.join('/work/shop', 'flags.yaml'));
    assert.equal(reg.root, '/work/shop');
    assert.equal(reg.format, 'yaml');
    assert.equal(reg.flags.size, 0);
    assert.deepEqual(reg.problems, []);
  });

  it('an empty file, a comment-only file and `flags:` with nothing under it are valid and empty', () => {
    for (const text of ['', '# flags will go here\n', 'flags:\n', 'flags: {}\n', 'flags: ~\n']) {
      const reg = loadRegistry('/repo/flags.yaml', text);
      assert.deepEqual(reg.problems, [], JSON.stringify(text));
      assert.equal(reg.flags.size, 0);
    }
  });

  it('an entry with no fields (`key:` alone) is still a registered flag', () => {
    const reg = loadRegistry('/repo/flags.yaml', 'flags:\n  dark-mode:\n  compact-header: {}\n');
    assert.deepEqual(reg.problems, []);
    assert.deepEqual([...reg.flags.keys()], ['dark-mode', 'compact-header']);
  });
});

describe('registry: JSON and OpenFeature manifests', () => {
  it('reads a JSON registry with positions, and warns about unknown fields', () => {
    const file = fixture('json', 'flags.json');
    const reg = loadRegistry(file);
    assert.equal(reg.format, 'json');
    assert.deepEqual([...reg.flags.keys()], ['checkout-express-wallets', 'free-shipping-threshold', 'new-checkout']);
    assert.deepEqual(reg.owners, ['@acme/payments', '@acme/growth']);
    assert.equal(reg.policy.gracePeriodDays, 7);
    assert.equal(reg.flags.get('free-shipping-threshold')!.defaultValue, 5000);
    assert.equal(span(reg.flags.get('new-checkout')!.location), '23:4-23:18');
    assert.deepEqual(reg.problems.map(brief), [
      'warning invalid-registry 28:6-28:11 Unknown field "typ" in flag "new-checkout" (did you mean "type"?); Flaglint ignores it.',
    ]);
  });

  it('warns when a .json registry is YAML but not JSON (other tools would reject it)', () => {
    const reg = loadRegistry('/repo/flags.json', '{\n  "flags": {\n    "a": {"owner": "@x"},\n  }\n}\n');
    assert.equal(reg.flags.size, 1);
    assert.equal(reg.problems.length, 1);
    assert.equal(must(reg.problems[0]).severity, 'warning');
    assert.match(must(reg.problems[0]).message, /^Not valid JSON/);
    assert.equal(must(reg.problems[0]).location.range.start.line, 3);
  });

  it('reads an OpenFeature manifest given as the registry: flagType becomes valueType', () => {
    const reg = loadRegistry(fixture('openfeature', 'flags.json'));
    assert.deepEqual(reg.problems.map(brief), []);
    const types = Object.fromEntries([...reg.flags].map(([k, e]) => [k, [e.valueType, e.defaultValue]]));
    assert.deepEqual(types, {
      enableFeatureA: ['boolean', false],
      usernameMaxLength: ['number', 50],
      discountPercentage: ['number', 0.15],
      greetingMessage: ['string', 'Hello there!'],
      themeCustomization: ['json', { primaryColor: '#007bff', secondaryColor: '#6c757d' }],
    });
    assert.equal(reg.flags.get('enableFeatureA')!.description, 'Controls whether Feature A is enabled.');
  });
});

describe('registry: the folder form', () => {
  const folder = fixture('folder', 'flags');
  const reg = loadRegistry(folder);

  it('reads one flag per YAML file (also in sub-folders); `key:` overrides the file name', () => {
    assert.equal(reg.format, 'folder');
    assert.equal(reg.path, folder);
    assert.equal(reg.root, path.dirname(folder));
    assert.deepEqual([...reg.flags.keys()].sort(), ['new-checkout', 'pdp.recommendations.carousel', 'wallets']);
    const carousel = reg.flags.get('pdp.recommendations.carousel')!;
    assert.equal(carousel.location.file, path.join(folder, 'pdp-carousel.yml'));
    assert.equal(span(carousel.location), '0:5-0:33');
    assert.equal(carousel.owner, '@acme/growth');
    const wallets = reg.flags.get('wallets')!;
    assert.equal(wallets.location.file, path.join(folder, 'payments', 'wallets.yaml'));
    assert.equal(wallets.rollback, 'Turn the flag off.');
    assert.equal(wallets.runbook, 'https://runbooks.acme.example/wallets');
    assert.equal(span(must(wallets.fieldLocations.owner)), '1:7-1:23');
  });

  it('reads owners, policy and scan from _registry.yaml', () => {
    assert.deepEqual(reg.owners, ['@acme/payments', '@acme/growth']);
    assert.equal(reg.policy.gracePeriodDays, 21);
    assert.deepEqual(reg.policy.requireRollback, ['release', 'kill-switch']);
    assert.equal(reg.scan.presets, 'auto');
  });

  it('reports the same key in two files as a duplicate, in the later file', () => {
    assert.deepEqual(
      reg.problems.map((p) => [
        p.ruleId,
        p.severity,
        path.relative(folder, p.location.file),
        span(p.location),
        p.flagKey,
      ]),
      [['duplicate-flag', 'error', path.join('payments', 'new-checkout.yaml'), '0:0-0:0', 'new-checkout']],
    );
    assert.match(
      must(reg.problems[0]).message,
      /Flag "new-checkout" is defined twice: the entry at .*new-checkout\.yaml:1 is used/,
    );
    assert.equal(reg.flags.get('new-checkout')!.description, 'One-page checkout replacing the three-step flow');
  });

  it('takes unsaved editor buffers over the files on disk', () => {
    const file = path.join(folder, 'new-checkout.yaml');
    const buffers = new Map([[file, 'description: Edited in the editor\nowner: "@acme/growth"\ntype: experimnt\n']]);
    const edited = loadRegistry(folder, undefined, { buffers });
    assert.equal(edited.flags.get('new-checkout')!.owner, '@acme/growth');
    const typo = edited.problems.find((p) => p.location.file === file)!;
    assert.equal(span(typo.location), '2:6-2:15');
    assert.match(typo.message, /not "experimnt" \(did you mean "experiment"\?\)/);
  });
});

describe('registry: unreadable input never throws', () => {
  let dir: string;
  beforeEach(() => (dir = scratchDir()));
  afterEach(() => removeDir(dir));

  it('a missing file is one invalid-registry error at 0:0', () => {
    const missing = path.join(dir, 'flags.yaml');
    const reg = loadRegistry(missing);
    assert.equal(reg.flags.size, 0);
    assert.deepEqual(reg.problems.map(brief), [
      `error invalid-registry 0:0-0:0 Cannot read the registry ${missing}: it does not exist.`,
    ]);
  });

  it('an unsaved buffer is read even when the file does not exist yet', () => {
    const reg = loadRegistry(path.join(dir, 'flags.yml'), 'flags:\n  dark-mode: {owner: "@web"}\n');
    assert.deepEqual(reg.problems, []);
    assert.equal(reg.flags.get('dark-mode')!.owner, '@web');
  });

  it('a byte-order mark and CRLF line ends do not shift positions', () => {
    const file = path.join(dir, 'flags.yaml');
    fs.writeFileSync(file, '\uFEFFflags:\r\n  dark-mode:\r\n    type: relase\r\n');
    const reg = loadRegistry(file);
    assert.deepEqual(
      reg.problems.map((p) => span(p.location)),
      ['2:10-2:16'],
    );
    assert.equal(span(reg.flags.get('dark-mode')!.location), '1:2-1:11');
  });

  it('a registry that is a list or a single value is reported, not crashed on', () => {
    for (const text of ['- a\n- b\n', 'just text\n', '42']) {
      const reg = loadRegistry('/repo/flags.yaml', text);
      assert.equal(reg.flags.size, 0);
      assert.equal(reg.problems.length, 1, text);
      assert.match(must(reg.problems[0]).message, /must be a mapping with a "flags:" section/);
    }
  });

  it('custom tags are not executed: they are reported and their text kept', () => {
    const reg = loadRegistry(
      '/repo/flags.yaml',
      'flags:\n  a:\n    owner: !!js/function "function () { return 1 }"\n    description: !include other.yaml\n',
    );
    assert.equal(reg.flags.get('a')!.owner, 'function () { return 1 }');
    assert.equal(reg.flags.get('a')!.description, 'other.yaml');
    assert.deepEqual(
      reg.problems.map((p) => [p.severity, span(p.location)]),
      [
        ['warning', '2:11-2:24'],
        ['warning', '3:17-3:25'],
      ],
    );
  });

  it('an alias bomb is cut off instead of exhausting memory', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    text += 'flags:\n  f:\n    aliases: *a8\n';
    const reg = loadRegistry('/repo/flags.yaml', text);
    assert.ok(reg.flags.has('f'));
  });

  it('YAML anchors and merge keys share fields between flags', () => {
    const text = 'flags:\n  a: &team\n    owner: "@web"\n    type: release\n  b:\n    <<: *team\n    type: ops\n';
    const reg = loadRegistry('/repo/flags.yaml', text);
    assert.deepEqual(reg.problems, []);
    assert.equal(reg.flags.get('b')!.owner, '@web');
    assert.equal(reg.flags.get('b')!.type, 'ops');
  });
});
