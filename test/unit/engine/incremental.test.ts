import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import { NOW, copyWorkspace, summarize } from '../../helpers/workspace';

/**
 * The editor's index is updated one file at a time; whatever the edits, it must end up exactly
 * where a fresh scan of the same files ends up.
 */
describe('incremental index', () => {
  let ws: { root: string; cleanup: () => void };
  let index: FlagIndex;
  const file = (rel: string): string => path.join(ws.root, rel);
  const edit = (rel: string, change: (text: string) => string): void => {
    fs.writeFileSync(file(rel), change(fs.readFileSync(file(rel), 'utf8')));
    index.updateFile(file(rel));
  };
  const cold = async (): Promise<ReturnType<typeof summarize>> =>
    summarize(await new FlagIndex({ root: ws.root, cacheDir: false, now: NOW }).scan());

  beforeEach(async () => {
    ws = copyWorkspace('examples/shop');
    index = new FlagIndex({ root: ws.root, cacheDir: false, now: NOW });
    await index.scan();
  });
  afterEach(() => ws.cleanup());

  it('follows a changed key constant into the files that import it', async () => {
    const before = index.referencesTo('new-checkout').length;
    assert.ok(before > 0, 'the example evaluates new-checkout through FLAGS.NEW_CHECKOUT');
    edit('packages/flags/src/keys.ts', (t) => t.replace("NEW_CHECKOUT: 'new-checkout'", "NEW_CHECKOUT: 'checkout-v3'"));
    assert.equal(index.referencesTo('checkout-v3').length > 0, true);
    assert.deepEqual(summarize(index.result()), await cold());
    const unregistered = index
      .result()
      .findings.filter((f) => f.ruleId === 'unregistered-flag' && f.flagKey === 'checkout-v3');
    assert.ok(unregistered.length > 0, 'the renamed key is now unregistered wherever FLAGS.NEW_CHECKOUT is used');
  });

  it('picks up a new file, a deleted file and a renamed file', async () => {
    const added = 'apps/api/src/routes/giftCards.ts';
    fs.writeFileSync(
      file(added),
      [
        "import { ldClient } from '../lib/launchdarkly';",
        '',
        'export async function giftCardsEnabled(userKey: string): Promise<boolean> {',
        "  return ldClient.variation('gift-cards', { kind: 'user', key: userKey }, false);",
        '}',
        '',
      ].join('\n'),
    );
    index.updateFile(file(added));
    assert.equal(index.referencesTo('gift-cards').length, 1);

    fs.renameSync(file(added), file('apps/api/src/routes/giftCardRoutes.ts'));
    index.updateFile(file(added));
    index.updateFile(file('apps/api/src/routes/giftCardRoutes.ts'));
    assert.deepEqual(
      index.referencesTo('gift-cards').map((r) => path.basename(r.location.file)),
      ['giftCardRoutes.ts'],
    );

    fs.rmSync(file('apps/api/src/routes/search.ts'));
    index.updateFile(file('apps/api/src/routes/search.ts'));
    assert.deepEqual(summarize(index.result()), await cold());
  });

  it('turns a function into a wrapper and back as its body changes', async () => {
    const rel = 'apps/api/src/services/flagsHelper.ts';
    fs.mkdirSync(path.dirname(file(rel)), { recursive: true });
    fs.writeFileSync(
      file(rel),
      "import { ldClient } from '../lib/launchdarkly';\n\nexport function betaOn(name: string) {\n  return ldClient.variation(name, { kind: 'user', key: 'anon' }, false);\n}\n\nexport const usesBeta = () => betaOn('beta-dashboard');\n",
    );
    index.updateFile(file(rel));
    assert.equal(index.referencesTo('beta-dashboard').length, 1, 'a call of the new wrapper is a reference');
    edit(rel, (t) => t.replace('ldClient.variation(name,', "ldClient.variation('fixed-key',"));
    assert.equal(index.referencesTo('beta-dashboard').length, 0, 'no longer a wrapper: its call site is no reference');
    assert.deepEqual(summarize(index.result()), await cold());
  });

  it('answers from an editor buffer without touching the disk, and returns to the disk on close', async () => {
    const rel = 'apps/web/src/components/Header.tsx';
    const onDisk = fs.readFileSync(file(rel), 'utf8');
    const buffer = onDisk.replace("'holiday-banner'", "'size-guide'");
    assert.notEqual(buffer, onDisk, 'the fixture evaluates holiday-banner in Header.tsx');
    const inBuffer = index.fileResult(file(rel), buffer);
    assert.ok(
      !inBuffer.findings.some((f) => f.ruleId === 'unregistered-flag'),
      'the buffer no longer uses the unregistered key',
    );
    assert.equal(fs.readFileSync(file(rel), 'utf8'), onDisk);
    index.updateFile(file(rel));
    assert.deepEqual(summarize(index.result()), await cold());
  });

  it('re-parses an editor buffer incrementally, keystroke by keystroke, to the same result as a fresh parse', async () => {
    const rel = 'apps/api/src/routes/checkout.ts';
    const original = fs.readFileSync(file(rel), 'utf8');
    const anchor = original.indexOf('checkoutRouter.post(');
    assert.ok(anchor > 0);
    // Type a new flag evaluation in, one piece at a time, then change its key and delete it again.
    const typed = "\nconst typed = await ldClient.variation('typed-flag', { kind: 'user', key: 'k' }, false);\n";
    for (let i = 1; i <= typed.length; i += 7) {
      index.fileResult(file(rel), original.slice(0, anchor) + typed.slice(0, i) + original.slice(anchor));
    }
    let text = original.slice(0, anchor) + typed + original.slice(anchor);
    index.fileResult(file(rel), text);
    text = text.replace("'typed-flag'", "'typed-flag-v2'");
    const edited = index.fileResult(file(rel), text);
    fs.writeFileSync(file(rel), text);
    const fresh = new FlagIndex({ root: ws.root, cacheDir: false, now: NOW });
    await fresh.scan();
    const keyAt = (
      refs: { key: string; location: { range: { start: { line: number; character: number } } } }[],
    ): string[] =>
      refs.map((r) => `${r.key}@${r.location.range.start.line}:${r.location.range.start.character}`).sort();
    assert.deepEqual(keyAt(edited.references), keyAt(fresh.fileResult(file(rel)).references));
    assert.ok(edited.references.some((r) => r.key === 'typed-flag-v2'));
    assert.ok(!edited.references.some((r) => r.key === 'typed-flag'));
  });

  it('gives one file the same findings whether asked alone or as part of the workspace', () => {
    const all = index.result().findings;
    for (const f of new Set(index.result().references.map((r) => r.location.file))) {
      const alone = index
        .findingsFor(f)
        .map((x) => `${x.ruleId}:${x.location.range.start.line}:${x.message}`)
        .sort();
      const inWorkspace = all
        .filter((x) => x.location.file === f)
        .map((x) => `${x.ruleId}:${x.location.range.start.line}:${x.message}`)
        .sort();
      assert.deepEqual(alone, inWorkspace, path.relative(ws.root, f));
    }
  });

  it('answers one open file before the workspace scan has run', async () => {
    const fresh = new FlagIndex({ root: ws.root, cacheDir: false, now: NOW });
    const result = fresh.fileResult(file('apps/api/src/routes/checkout.ts'));
    assert.ok(
      result.references.some((r) => r.registryKey === 'new-checkout' && r.keyForm === 'object'),
      'FLAGS.NEW_CHECKOUT resolved across files without a scan',
    );
    const scanned = (await fresh.scan()).findings.filter(
      (f) => f.location.file === file('apps/api/src/routes/checkout.ts'),
    );
    assert.deepEqual(result.findings.map((f) => f.ruleId).sort(), scanned.map((f) => f.ruleId).sort());
  });

  it('answers an open buffer before the scan under the registry that governs it (its scan.functions)', async () => {
    // The editor sends the buffer's text: the registry's scan section must be read for it as for a
    // file read from disk, or `useShopFlag('…')` (a registry function) is no reference at all.
    const rel = 'apps/web/src/components/ProductDetails.tsx';
    const keys = (r: { references: { key: string; location: { range: { start: { line: number } } } }[] }): string[] =>
      r.references.map((x) => `${x.key}@${x.location.range.start.line}`).sort();
    const buffer = new FlagIndex({ root: ws.root, cacheDir: false, now: NOW }).fileResult(
      file(rel),
      fs.readFileSync(file(rel), 'utf8'),
    );
    const scanned = new FlagIndex({ root: ws.root, cacheDir: false, now: NOW });
    await scanned.scan();
    assert.ok(
      buffer.references.some((r) => r.callee === 'useShopFlag'),
      'useShopFlag found in the buffer',
    );
    assert.deepEqual(keys(buffer), keys(scanned.fileResult(file(rel))));
    assert.deepEqual(
      buffer.findings.map((f) => `${f.ruleId}:${f.location.range.start.line}`).sort(),
      scanned
        .findingsFor(file(rel))
        .map((f) => `${f.ruleId}:${f.location.range.start.line}`)
        .sort(),
    );
  });

  it('re-checks everything when the registry changes', async () => {
    assert.ok(index.result().findings.some((f) => f.ruleId === 'unregistered-flag' && f.flagKey === 'holiday-banner'));
    const reg = file('flags.yaml');
    const text = fs
      .readFileSync(reg, 'utf8')
      .replace(
        /^flags:\n/m,
        'flags:\n  holiday-banner:\n    owner: "@growth"\n    type: experiment\n    status: active\n    created: 2026-11-01\n    expires: 2026-12-31\n',
      );
    await index.updateRegistry(reg, text);
    assert.ok(!index.result().findings.some((f) => f.ruleId === 'unregistered-flag' && f.flagKey === 'holiday-banner'));
  });
});
