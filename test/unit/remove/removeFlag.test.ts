import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { removeFlag, RemoveError } from '../../../server/src/core/remove';
import { copyWorkspace, scanned } from './fixtureWorkspace';
import { must } from '../../helpers/must';

describe('remove: removeFlag()', function () {
  this.timeout(120_000);
  let root: string;
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('rejects an unknown key with the nearest known one', async () => {
    root = copyWorkspace('if-else-literal');
    const index = await scanned(root);
    await assert.rejects(
      removeFlag({ index, key: 'new-chekout', value: true }),
      (e: unknown) =>
        e instanceof RemoveError && e.code === 'unknown-key' && e.message.includes("Did you mean 'new-checkout'?"),
    );
  });

  it('rejects a value of the wrong type before touching anything', async () => {
    root = copyWorkspace('if-else-literal');
    const index = await scanned(root);
    await assert.rejects(
      removeFlag({ index, key: 'new-checkout', value: 'on' }),
      (e: unknown) => e instanceof RemoveError && e.code === 'bad-value',
    );
  });

  it('accepts a case variant of the key and plans edits without writing anything', async () => {
    root = copyWorkspace('if-else-literal');
    const quote = path.join(root, 'src/checkout/quote.ts');
    const before = fs.readFileSync(quote, 'utf8');
    const index = await scanned(root);
    const result = await removeFlag({ index, key: 'newCheckout', value: true });
    assert.equal(result.key, 'new-checkout');
    assert.deepEqual(result.files, [path.join(root, 'flags.yaml'), quote]);
    assert.equal(fs.readFileSync(quote, 'utf8'), before, 'removeFlag only plans');
    assert.ok(result.verification.checkedFiles.includes(quote));
  });

  it('removes only the registry entry of a flag the code never evaluates, keeping every other line', async () => {
    root = copyWorkspace('if-else-literal');
    const registry = path.join(root, 'flags.yaml');
    const text = fs.readFileSync(registry, 'utf8');
    const index = await scanned(root);
    const result = await removeFlag({ index, key: 'guest-checkout', value: true });
    assert.deepEqual(result.files, [registry]);
    assert.equal(result.references, 0);
    const after = must(result.changes[0]).after!;
    const removed = text.split('\n').filter((l) => !after.split('\n').includes(l));
    assert.ok(
      removed.every((l) => /guest-checkout|Orders without an account|^\s{4}\w+:/.test(l)),
      `removed lines: ${removed.join(' | ')}`,
    );
    assert.ok(
      after.includes('# Feature flags of the checkout service.') &&
        after.includes('# The one-page checkout replaces the three-step flow.'),
    );
  });

  it('unlinks a flag that depends on one kept off for good, and asks a person about it', async () => {
    root = copyWorkspace('if-else-literal');
    const index = await scanned(root);
    const result = await removeFlag({ index, key: 'new-checkout', value: false });
    const registry = result.changes.find((c) => c.file.endsWith('flags.yaml'))!;
    assert.match(registry.after!, /dependsOn: \[address-autocomplete\]/);
    assert.ok(
      result.warnings.some(
        (w) =>
          w.includes("Removed 'new-checkout' from the dependsOn of 'guest-checkout'") &&
          w.includes("decide whether 'guest-checkout' should go too"),
      ),
      JSON.stringify(result.warnings),
    );
  });

  it('works on open editor buffers: their text, not the disk, is rewritten', async () => {
    root = copyWorkspace('if-else-literal');
    const quote = path.join(root, 'src/checkout/quote.ts');
    const buffer = `// unsaved edit\n${fs.readFileSync(quote, 'utf8')}`;
    const index = await scanned(root);
    index.updateFile(quote, buffer);
    const result = await removeFlag({
      index,
      key: 'new-checkout',
      value: false,
      readFile: (f) => (f === quote ? buffer : undefined),
    });
    const change = result.changes.find((c) => c.file === quote)!;
    assert.equal(change.before, buffer);
    assert.ok(change.after!.startsWith('// unsaved edit\n'));
    assert.ok(!change.after!.includes('boolVariation'));
    assert.ok(change.after!.includes("return ['basket', 'address', 'payment'];"));
  });

  it('skips the type check when asked', async () => {
    root = copyWorkspace('verify-narrowing');
    const index = await scanned(root);
    const result = await removeFlag({ index, key: 'new-checkout', value: true, verify: false });
    assert.deepEqual(result.verification, { ok: true, newErrors: [], checkedFiles: [] });
  });

  it('reports the new error of a result that does not type-check with its file and position', async () => {
    root = copyWorkspace('verify-narrowing');
    const index = await scanned(root);
    const result = await removeFlag({ index, key: 'new-checkout', value: true });
    assert.equal(result.verification.ok, false);
    assert.deepEqual(
      result.verification.newErrors.map((e) => ({
        file: path.relative(root, e.file),
        line: e.line,
        character: e.character,
      })),
      [{ file: 'src/api/checkoutRoute.ts', line: 3, character: 6 }],
    );
    // checkoutConfig's type changed with the edit, so the file importing it was checked too.
    assert.ok(result.verification.checkedFiles.includes(path.join(root, 'src/api/checkoutRoute.ts')));
  });

  it('tells an error the edit made from the errors a checked file already had, before and after the edit', async () => {
    root = copyWorkspace('verify-narrowing');
    const route = path.join(root, 'src/api/checkoutRoute.ts');
    // Errors of the original: an unresolved import at the top, a bad assignment in another function,
    // and one in the function that the edit breaks (it stays, on the same line as before).
    fs.writeFileSync(
      route,
      [
        "import { track } from '../analytics/track';",
        "import { checkoutConfig } from '../checkout/config';",
        '',
        'export function firstStepTitle(): string {',
        "  const retries: number = 'three';",
        "  if (checkoutConfig.steps[0] === 'basket') {",
        "    return 'Your basket';",
        '  }',
        "  return 'Review your order';",
        '}',
        '',
        'export function trackStep(step: string): void {',
        '  const count: string = 3;',
        '  track(step, count);',
        '}',
        '',
      ].join('\n'),
    );
    const index = await scanned(root);
    const result = await removeFlag({ index, key: 'new-checkout', value: true });
    assert.deepEqual(
      result.verification.newErrors.map((e) => `${path.relative(root, e.file)}:${e.line}:${e.character}`),
      ['src/api/checkoutRoute.ts:5:6'],
    );
    // Kept false, the comparison still holds: the file's remaining errors are all its own.
    const kept = await removeFlag({ index: await scanned(root), key: 'new-checkout', value: false });
    assert.ok(kept.verification.checkedFiles.includes(route), kept.verification.checkedFiles.join(', '));
    assert.deepEqual(kept.verification.newErrors, []);
  });

  it('checks the files importing a rewritten file only when the types of its exports change', async () => {
    root = copyWorkspace('if-else-literal');
    const summary = path.join(root, 'src/checkout/summary.ts');
    fs.writeFileSync(
      summary,
      [
        "import { checkoutSteps, quoteBasket } from './quote';",
        "import type { Basket } from './pricing';",
        '',
        'export async function stepCount(basket: Basket): Promise<number> {',
        "  const user = { id: 'u1', country: basket.country };",
        '  const [steps, quote] = await Promise.all([checkoutSteps(user, false), quoteBasket(basket, user)]);',
        '  return steps.length + (quote.shippingIncluded ? 0 : 1);',
        '}',
        '',
      ].join('\n'),
    );
    const index = await scanned(root);
    const result = await removeFlag({ index, key: 'new-checkout', value: true });
    assert.equal(result.verification.ok, true, JSON.stringify(result.verification.newErrors));
    assert.ok(result.verification.checkedFiles.includes(path.join(root, 'src/checkout/quote.ts')));
    // quote.ts's functions keep their declared signatures: nothing summary.ts sees has changed.
    assert.ok(!result.verification.checkedFiles.includes(summary), result.verification.checkedFiles.join(', '));
  });

  it('does not check the importers of a function whose only change is a parameter renamed as unused', async () => {
    root = copyWorkspace('unused-parameter');
    const signup = path.join(root, 'src/onboarding/signup.ts');
    fs.writeFileSync(
      signup,
      [
        "import { onboardingSteps } from './steps';",
        '',
        'export async function firstStep(userId: string): Promise<string | undefined> {',
        "  const steps = await onboardingSteps(userId, 'free');",
        '  return steps[0];',
        '}',
        '',
      ].join('\n'),
    );
    const index = await scanned(root);
    const result = await removeFlag({ index, key: 'guided-onboarding', value: true });
    const steps = result.changes.find((c) => c.file.endsWith('steps.ts'));
    assert.match(steps?.after ?? '', /onboardingSteps\(_userId: string, plan/);
    assert.equal(result.verification.ok, true, JSON.stringify(result.verification.newErrors));
    // Callers see the same signature: (string, 'free' | 'team') => Promise<string[]>.
    assert.deepEqual(
      result.verification.checkedFiles.map((f) => path.relative(root, f)),
      ['src/onboarding/steps.ts'],
    );
  });

  it('warns where the code reads the flag as another type than the registry says', async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-remove-types-')));
    fs.writeFileSync(
      path.join(root, 'flags.yaml'),
      'flags:\n  gift-wrap:\n    owner: "@checkout"\n    type: release\n    valueType: boolean\n    defaultValue: false\n',
    );
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(
      path.join(root, 'src/cart.ts'),
      [
        "import { OpenFeature } from '@openfeature/server-sdk';",
        '',
        'const client = OpenFeature.getClient();',
        '',
        'export async function giftWrapOffered(): Promise<boolean> {',
        "  return (await client.getStringValue('gift-wrap', 'off')) === 'on';",
        '}',
        '',
      ].join('\n'),
    );
    const index = await scanned(root);
    const result = await removeFlag({ index, key: 'gift-wrap', value: true });
    assert.ok(
      result.warnings.some((w) =>
        w.startsWith('src/cart.ts:6: getStringValue() reads the flag as a string, but it is kept as the boolean true'),
      ),
      JSON.stringify(result.warnings),
    );
  });
});
