import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Finding, RuleId } from '../../../server/src/core/model';
import { runRules } from '../../../server/src/core/rules';
import { context, dynamicRef, entry, ref, registeredRef, registry, ROOT } from './builders';
import { must } from '../../helpers/must';

function only(findings: Finding[], id: RuleId): Finding[] {
  return findings.filter((f) => f.ruleId === id);
}

describe('rules on references in code', () => {
  it('unregistered-flag: one error per unregistered reference, at the reference, suggesting a near key', () => {
    const reg = registry([entry('new-checkout', { owner: '@payments', type: 'ops', rollback: 'off' })]);
    const refs = [
      ref('new-chekout', 'src/cart.ts', 4),
      ref('new-chekout', 'src/pay.ts', 9),
      registeredRef('new-checkout', 'src/cart.ts', 7),
    ];
    const found = only(runRules(context(reg, refs)), 'unregistered-flag');
    assert.equal(found.length, 2);
    assert.deepEqual(
      found.map((f) => [path.basename(f.location.file), f.location.range.start.line]),
      [
        ['cart.ts', 4],
        ['pay.ts', 9],
      ],
    );
    assert.equal(must(found[0]).severity, 'error');
    assert.equal(must(found[0]).flagKey, 'new-chekout');
    assert.match(must(found[0]).message, /'new-chekout' is not in the registry \(flags\.yaml\)/);
    assert.match(must(found[0]).message, /Did you mean 'new-checkout'\?/);
  });

  it('archived-flag-in-use: each reference to an archived flag, with the registry entry as related location', () => {
    const archived = entry('legacy-search', { owner: '@search', status: 'archived' });
    const found = only(
      runRules(context(registry([archived]), [registeredRef('legacy-search', 'src/search.ts', 12)])),
      'archived-flag-in-use',
    );
    assert.equal(found.length, 1);
    assert.equal(must(found[0]).severity, 'error');
    assert.match(must(found[0]).message, /'legacy-search' is archived/);
    assert.deepEqual(must(must(found[0]).related?.[0]).location, archived.location);
  });

  it('archived-flag-in-use follows the registry key of an alias reference, not the spelling in code', () => {
    const archived = entry('legacy-search', { owner: '@search', status: 'archived', aliases: ['legacySearch'] });
    const found = only(
      runRules(
        context(registry([archived]), [
          ref('legacySearch', 'src/a.tsx', 3, { registryKey: 'legacy-search', keyForm: 'alias' }),
        ]),
      ),
      'archived-flag-in-use',
    );
    assert.equal(found.length, 1);
    assert.equal(must(found[0]).flagKey, 'legacy-search');
  });

  it('type-mismatch: a string accessor on a boolean flag is an error; matching or unknown types are not', () => {
    const reg = registry([
      entry('checkout-theme', { owner: '@web', valueType: 'boolean' }),
      entry('limits', { owner: '@web' }),
    ]);
    const refs = [
      registeredRef('checkout-theme', 'src/a.ts', 1, { valueType: 'string', callee: 'getStringValue' }),
      registeredRef('checkout-theme', 'src/a.ts', 2, { valueType: 'boolean' }),
      registeredRef('checkout-theme', 'src/a.ts', 3),
      registeredRef('limits', 'src/a.ts', 4, { valueType: 'number' }),
    ];
    const found = only(runRules(context(reg, refs)), 'type-mismatch');
    assert.equal(found.length, 1);
    assert.equal(must(found[0]).location.range.start.line, 1);
    assert.match(must(found[0]).message, /registered as boolean but evaluated here as string \(getStringValue\)/);
  });

  it('type-mismatch treats number and json as different types', () => {
    const reg = registry([entry('limits', { owner: '@web', valueType: 'json' })]);
    const found = only(
      runRules(context(reg, [registeredRef('limits', 'src/a.ts', 1, { valueType: 'number' })])),
      'type-mismatch',
    );
    assert.equal(found.length, 1);
  });

  it('default-mismatch compares fallbacks deeply and ignores references without a literal fallback', () => {
    const reg = registry([
      entry('dark-mode', { owner: '@web', valueType: 'boolean', defaultValue: false }),
      entry('banner', { owner: '@web', valueType: 'json', defaultValue: { text: 'hi', colors: ['red'] } }),
    ]);
    const refs = [
      registeredRef('dark-mode', 'src/a.ts', 1, { valueType: 'boolean', defaultValue: true }),
      registeredRef('dark-mode', 'src/a.ts', 2, { valueType: 'boolean', defaultValue: false }),
      registeredRef('dark-mode', 'src/a.ts', 3, { valueType: 'boolean' }),
      registeredRef('banner', 'src/b.ts', 1, { valueType: 'json', defaultValue: { colors: ['red'], text: 'hi' } }),
      registeredRef('banner', 'src/b.ts', 2, { valueType: 'json', defaultValue: { text: 'hi', colors: ['blue'] } }),
    ];
    const found = only(runRules(context(reg, refs)), 'default-mismatch');
    assert.deepEqual(
      found.map((f) => `${path.basename(f.location.file)}:${f.location.range.start.line}`),
      ['a.ts:1', 'b.ts:2'],
    );
    assert.equal(must(found[0]).severity, 'warning');
    assert.match(must(found[0]).message, /falls back to true here, but its registered default is false/);
  });

  it('default-mismatch stays quiet where the types already differ (type-mismatch reports it)', () => {
    const reg = registry([entry('dark-mode', { owner: '@web', valueType: 'boolean', defaultValue: false })]);
    const findings = runRules(
      context(reg, [registeredRef('dark-mode', 'src/a.ts', 1, { valueType: 'string', defaultValue: 'off' })]),
    );
    assert.equal(only(findings, 'type-mismatch').length, 1);
    assert.equal(only(findings, 'default-mismatch').length, 0);
  });

  it('default-mismatch: 1 and "1" differ', () => {
    const reg = registry([entry('max-items', { owner: '@web', defaultValue: 1 })]);
    const found = only(
      runRules(context(reg, [registeredRef('max-items', 'src/a.ts', 1, { defaultValue: '1' })])),
      'default-mismatch',
    );
    assert.equal(found.length, 1);
  });

  it('dynamic-key: a warning per dynamic reference that says to use a constant or literal', () => {
    const findings = runRules(
      context(registry([]), [], {
        dynamic: [dynamicRef('src/flags.ts', 8, 'name'), dynamicRef('src/x.ts', 2, '`beta-${team}`')],
      }),
    );
    const found = only(findings, 'dynamic-key');
    assert.equal(found.length, 2);
    assert.equal(must(found[0]).severity, 'warning');
    assert.match(
      must(found[0]).message,
      /`name` passed to variation cannot be resolved statically \(the key is a function parameter\)/,
    );
    assert.match(must(found[0]).message, /string literal or a constant/);
    assert.equal(must(found[0]).flagKey, undefined);
  });
});

describe('out-of-scope-reference', () => {
  const packages: Record<string, string> = {
    'apps/web': '@shop/web',
    'apps/admin': '@shop/admin',
    'services/api': 'api',
  };
  const packageOf = (file: string) => {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    const dir = Object.keys(packages).find((d) => rel.startsWith(`${d}/`));
    const name = dir === undefined ? undefined : packages[dir];
    return dir !== undefined && name !== undefined ? { name, dir: path.join(ROOT, dir) } : undefined;
  };
  const files = [
    'apps/web/src/cart.tsx',
    'apps/admin/src/orders.tsx',
    'services/api/src/checkout.ts',
    'scripts/seed.ts',
  ];

  function outOfScope(scope: string[]): string[] {
    const reg = registry([entry('new-checkout', { owner: '@payments', scope })]);
    const refs = files.map((f, i) => registeredRef('new-checkout', f, i));
    return only(runRules(context(reg, refs, { packageOf })), 'out-of-scope-reference')
      .map((f) => path.relative(ROOT, f.location.file).split(path.sep).join('/'))
      .sort();
  }

  it('accepts package names', () => {
    assert.deepEqual(outOfScope(['@shop/web', 'api']), ['apps/admin/src/orders.tsx', 'scripts/seed.ts']);
  });

  it('accepts folders relative to the registry root, with or without ./ and a trailing slash', () => {
    assert.deepEqual(outOfScope(['./apps/web/', 'services']), ['apps/admin/src/orders.tsx', 'scripts/seed.ts']);
  });

  it('accepts globs, matching a folder above the file as well as the file', () => {
    assert.deepEqual(outOfScope(['apps/*']), ['scripts/seed.ts', 'services/api/src/checkout.ts']);
    assert.deepEqual(outOfScope(['**/*.tsx']), ['scripts/seed.ts', 'services/api/src/checkout.ts']);
  });

  it('does not treat a folder name as a prefix of a longer name', () => {
    assert.deepEqual(outOfScope(['apps/we']).length, 4);
  });

  it('reports nothing for flags without a scope, and names package and scope in the message', () => {
    assert.deepEqual(outOfScope([]), []);
    const reg = registry([entry('new-checkout', { owner: '@payments', scope: ['@shop/web'] })]);
    const [f] = only(
      runRules(context(reg, [registeredRef('new-checkout', 'apps/admin/src/orders.tsx', 3)], { packageOf })),
      'out-of-scope-reference',
    );
    assert.match(must(f).message, /evaluated in package '@shop\/admin', outside its scope \(@shop\/web\)/);
    assert.equal(must(f).severity, 'warning');
  });
});
