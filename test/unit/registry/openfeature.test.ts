import * as assert from 'node:assert/strict';
import {
  OPENFEATURE_SCHEMA_URL,
  addFlagEdits,
  applyTextEdits,
  exportOpenFeature,
  exportOpenFeatureDetailed,
  importOpenFeature,
  loadRegistry,
  planOpenFeatureImport,
} from '../../../server/src/core/registry';
import { brief, fixture, read } from './helpers';
import { must } from '../../helpers/must';

describe('OpenFeature manifest: export', () => {
  const reg = loadRegistry(fixture('team', 'flags.yaml'));

  it('writes flagType, defaultValue and description of every live flag', () => {
    const manifest = exportOpenFeature(reg);
    assert.equal(manifest.$schema, OPENFEATURE_SCHEMA_URL);
    assert.deepEqual(manifest.flags['checkout-express-wallets'], {
      flagType: 'boolean',
      defaultValue: false,
      description: 'Show Apple Pay / Google Pay buttons on the payment step',
    });
    assert.deepEqual(manifest.flags['free-shipping-threshold'], {
      flagType: 'integer',
      defaultValue: 5000,
      description: 'Order value above which shipping is free, in cents',
    });
    assert.deepEqual(must(manifest.flags['pdp-recommendations-carousel']).flagType, 'string');
    assert.deepEqual(manifest.flags['search-ranking-weights'], {
      flagType: 'object',
      defaultValue: { title: 3, description: 1, popularity: 2 },
      description: 'Ranking weights for the search service',
    });
    assert.equal('legacy-cart-service' in manifest.flags, false, 'archived flags are gone from the code');
    assert.ok('legacy-cart-service' in exportOpenFeature(reg, { includeArchived: true }).flags);
  });

  it('says which types and defaults it had to guess', () => {
    const r = loadRegistry(
      '/repo/flags.yaml',
      'flags:\n  a: {}\n  b: {valueType: number}\n  c: {valueType: number, defaultValue: 0.25}\n  d: {defaultValue: "x"}\n',
    );
    const { manifest, guessed } = exportOpenFeatureDetailed(r);
    assert.deepEqual(manifest.flags, {
      a: { flagType: 'boolean', defaultValue: false },
      b: { flagType: 'integer', defaultValue: 0 },
      c: { flagType: 'float', defaultValue: 0.25 },
      d: { flagType: 'string', defaultValue: 'x' },
    });
    assert.deepEqual(
      guessed.map((g) => g.key),
      ['a', 'b'],
    );
  });
});

describe('OpenFeature manifest: import', () => {
  const manifestFile = fixture('openfeature', 'flags.json');

  it('reads each flag with its position, mapping integer and float to number and object to json', () => {
    const imported = importOpenFeature(read(manifestFile), manifestFile);
    assert.deepEqual(imported.problems, []);
    assert.deepEqual(
      imported.flags.map((f) => [f.key, f.valueType, f.defaultValue, f.location.range.start.line]),
      [
        ['enableFeatureA', 'boolean', false, 3],
        ['usernameMaxLength', 'number', 50, 8],
        ['discountPercentage', 'number', 0.15, 13],
        ['greetingMessage', 'string', 'Hello there!', 18],
        ['themeCustomization', 'json', { primaryColor: '#007bff', secondaryColor: '#6c757d' }, 23],
      ],
    );
    assert.equal(must(imported.flags[0]).description, 'Controls whether Feature A is enabled.');
  });

  it('reports a bad flagType, a missing or mistyped defaultValue, at their positions', () => {
    const file = fixture('openfeature', 'broken-manifest.json');
    const imported = importOpenFeature(read(file), file);
    assert.deepEqual(imported.problems.map(brief), [
      'error invalid-registry 3:18-3:24 The flagType of flag "enableFeatureA" must be boolean, string, integer, float or object, not "bool".',
      'error invalid-registry 8:22-8:26 The defaultValue of flag "usernameMaxLength" is 50.5, which is not an integer.',
      'error invalid-registry 10:4-10:21 Flag "greetingMessage" has no defaultValue.',
    ]);
    assert.deepEqual(
      imported.flags.map((f) => f.key),
      ['enableFeatureA', 'usernameMaxLength', 'greetingMessage', 'newCheckout'],
    );
  });

  it('a file that is not a manifest is one clear problem, never an exception', () => {
    for (const text of ['', '[1, 2]', '{"flags": [', '{"version": 1}']) {
      const imported = importOpenFeature(text, '/repo/flags.json');
      assert.ok(imported.problems.length >= 1, text);
      assert.deepEqual(imported.flags, []);
    }
  });

  it('plans an import: new flags become entries, existing ones are kept and conflicts reported', () => {
    const registryText =
      'flags:\n  # the React checkout\n  newCheckout:\n    owner: "@web"\n    valueType: boolean\n    defaultValue: false\n';
    const reg = loadRegistry('/repo/flags.yaml', registryText);
    const imported = importOpenFeature(read(fixture('openfeature', 'broken-manifest.json')), '/repo/of.json');
    const plan = planOpenFeatureImport(reg, registryText, imported);
    assert.deepEqual(plan.added, ['enableFeatureA', 'usernameMaxLength', 'greetingMessage']);
    assert.deepEqual(plan.existing, ['newCheckout']);
    assert.deepEqual(
      plan.conflicts.map((c) => [c.key, c.field, c.registryValue, c.manifestValue, c.location.range.start.line]),
      [['newCheckout', 'defaultValue', false, true, 5]],
    );
    const after = applyTextEdits(registryText, plan.edits);
    // One existing key counts as sorted, so new keys are sorted in around it; its lines stay together.
    assert.ok(
      after.includes(registryText.slice('flags:\n'.length)),
      'the existing entry and its comment are untouched',
    );
    assert.deepEqual(
      [...loadRegistry('/repo/flags.yaml', after).flags.keys()],
      ['enableFeatureA', 'greetingMessage', 'newCheckout', 'usernameMaxLength'],
    );
    const merged = loadRegistry('/repo/flags.yaml', after);
    assert.deepEqual(merged.problems, []);
    assert.equal(merged.flags.get('newCheckout')!.defaultValue, false);
    assert.equal(merged.flags.get('usernameMaxLength')!.valueType, 'number');
  });

  it('round-trips: export, import into an empty registry, export again gives the same manifest', () => {
    const original = loadRegistry(manifestFile);
    const manifest = exportOpenFeature(original);
    const empty = loadRegistry('/repo/flags.yaml', '');
    const plan = planOpenFeatureImport(
      empty,
      '',
      importOpenFeature(JSON.stringify(manifest, null, 2), '/repo/of.json'),
    );
    const text = applyTextEdits('', plan.edits);
    const rebuilt = loadRegistry('/repo/flags.yaml', text);
    assert.deepEqual(rebuilt.problems, []);
    assert.deepEqual(exportOpenFeature(rebuilt), manifest);
    assert.deepEqual(JSON.parse(JSON.stringify(manifest)), JSON.parse(read(manifestFile)));
  });
});

describe('OpenFeature manifest used as the registry', () => {
  it('a flag added to it gets the flagType and defaultValue the OpenFeature CLI requires', () => {
    const file = fixture('openfeature', 'flags.json');
    const text = read(file);
    const reg = loadRegistry(file);
    const after = applyTextEdits(
      text,
      addFlagEdits(reg, text, 'maxCartItems', {
        description: 'Most items in a cart',
        owner: '@acme/payments',
        valueType: 'number',
      }),
    );
    const added = JSON.parse(after).flags.maxCartItems;
    assert.deepEqual(added, {
      description: 'Most items in a cart',
      owner: '@acme/payments',
      valueType: 'number',
      flagType: 'integer',
      defaultValue: 0,
    });
    const imported = importOpenFeature(after, file);
    assert.deepEqual(imported.problems, []);
    assert.deepEqual(loadRegistry(file, after).problems, []);
  });
});
