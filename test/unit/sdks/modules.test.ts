import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyzeFile } from '../../../server/src/core/detect/analyzeFile';
import { createDetectorConfig } from '../../../server/src/core/detect/detectorConfig';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import type { ScanResult } from '../../../server/src/core/engine/types';
import type { FlagReference, ValueType } from '../../../server/src/core/model';
import { removeFlag } from '../../../server/src/core/remove';
import { SDKS, type SdkModule } from '../../../server/src/core/sdks';
import { fn, method } from '../../../server/src/core/sdks/argRules';
import { writeSdkWorkspace, type SdkUse, type SdkWorkspace } from './sdkWorkspace';

/**
 * Each SDK module is the whole of what Flaglint knows of its SDK, so its declarations alone must be
 * enough: for every module, an app using each declared call, gate component, result object and
 * accessor (written from the module's own data, sdkWorkspace.ts) is scanned and each flag removed,
 * and each use must be found where the module says the key is and rewritten the way it says.
 */
const FROZEN: Record<ValueType, { value: unknown; code: RegExp }> = {
  boolean: { value: true, code: /\btrue\b/ },
  string: { value: 'modern', code: /['"]modern['"]/ },
  number: { value: 7, code: /\b7\b/ },
  json: { value: { limit: 5 }, code: /\{ limit: 5 \}/ },
};

function refOf(scan: ScanResult, use: SdkUse): FlagReference | undefined {
  return scan.references.find((r) => r.key === use.key && r.location.file === use.file);
}

async function removedText(index: FlagIndex, use: SdkUse, value: unknown): Promise<string> {
  const result = await removeFlag({ index, key: use.key, value });
  const change = result.changes.find((c) => c.file === use.file);
  assert.ok(
    change?.after !== undefined,
    `${use.key}: no rewrite of ${use.file} (warnings: ${result.warnings.join(' | ')})`,
  );
  assert.equal(result.verification.newErrors.length, 0, `${use.key}: ${JSON.stringify(result.verification.newErrors)}`);
  return change.after;
}

describe('core/sdks: every SDK module is detected and removed from its own declarations', function () {
  this.timeout(300_000);

  for (const sdk of SDKS) {
    describe(sdk.id, () => {
      let ws: SdkWorkspace;
      let index: FlagIndex;
      let scan: ScanResult;
      before(async () => {
        ws = writeSdkWorkspace(sdk);
        index = new FlagIndex({ root: ws.root, cacheDir: false, now: new Date('2026-10-01T00:00:00Z') });
        scan = await index.scan();
      });
      after(() => fs.rmSync(ws.root, { recursive: true, force: true }));

      it('finds each declared call, with the key and fallback where the module puts them', () => {
        const exercised = new Set([...ws.calls.keys(), ...ws.serverCalls.keys()]);
        assert.deepEqual(
          sdk.calls.filter((c) => !exercised.has(c)).map((c) => c.name),
          [],
          'every call shape is written in at least one form',
        );
        for (const [spec, use] of [...ws.calls, ...ws.serverCalls]) {
          const ref = refOf(scan, use);
          assert.ok(ref, `${spec.name}: '${use.key}' not found in ${fs.readFileSync(use.file, 'utf8')}`);
          assert.equal(ref.source, sdk.id, spec.name);
          assert.equal(ref.callee, spec.name);
          if (spec.valueType) assert.equal(ref.valueType, spec.valueType, spec.name);
          if ('fallback' in use) assert.deepEqual(ref.defaultValue, use.fallback, `${spec.name}: fallback`);
        }
      });

      it('replaces each plain call by the frozen value, and leaves a result object it cannot freeze', async () => {
        const resultCallees = new Set((sdk.resultObjects ?? []).flatMap((r) => r.callees));
        for (const [spec, use] of [...ws.calls, ...ws.serverCalls]) {
          const frozen = FROZEN[use.valueType];
          const result = await removeFlag({ index, key: use.key, value: frozen.value });
          const after = result.changes.find((c) => c.file === use.file)?.after;
          if (spec.keyList) continue; // see the key-list test below
          if (resultCallees.has(spec.name)) {
            // An evaluation object is no scalar: returned whole, it stays.
            assert.ok(after === undefined || after.includes(`${spec.name}(`), `${spec.name}: ${after}`);
            continue;
          }
          assert.ok(after !== undefined, `${spec.name}: not rewritten (${result.warnings.join(' | ')})`);
          assert.ok(!after.includes(`${spec.name}(`), after);
          assert.match(after, new RegExp(`return ${frozen.code.source};`), after);
        }
      });

      // A key-list call returns a map of the flags it names (`getTreatments(['a'])` → `{ a: 'on' }`,
      // Flagsmith's `useFlags(['a'])`): replacing the call by one flag's value would replace the whole
      // map, so removal leaves the call, says why, and keeps the registry entry.
      if (sdk.calls.some((c) => c.keyList))
        it('leaves a key-list call (a map of flags) in place and says why', async () => {
          for (const [spec, use] of [...ws.calls, ...ws.serverCalls]) {
            if (!spec.keyList) continue;
            const result = await removeFlag({ index, key: use.key, value: FROZEN[use.valueType].value });
            const after = result.changes.find((c) => c.file === use.file)?.after;
            assert.ok(after === undefined || after.includes(`${spec.name}(`), `${spec.name}: ${after}`);
            assert.ok(
              result.warnings.some((w) => w.includes(`${spec.name}([...]) returns a map of the flags`)),
              `${spec.name}: ${result.warnings.join(' | ')}`,
            );
            assert.ok(
              !result.changes.some((c) => c.file.endsWith('.yaml') || c.file.endsWith('.json')),
              `${spec.name}: the registry entry must stay while the call does`,
            );
          }
        });

      it('replaces each gate component by what it renders once the flag is frozen', async () => {
        for (const gate of sdk.jsx ?? []) {
          const use = ws.gates.get(gate.component);
          assert.ok(use && refOf(scan, use), `${gate.component}: not found`);
          assert.equal(refOf(scan, use)?.source, sdk.id);
          const frozen = FROZEN[use.valueType];
          const on = await removedText(index, use, frozen.value);
          assert.ok(!on.includes(`<${gate.component}`) && !on.includes(`{ ${gate.component} }`), on);
          if (gate.gate.rendersValue) {
            assert.match(on, frozen.code);
            continue;
          }
          assert.ok(on.includes('<NewBanner />') && !on.includes('<OldBanner />'), on);
          const off = await removedText(index, use, false);
          assert.ok(!off.includes('<NewBanner />') && !off.includes(`<${gate.component}`), off);
          assert.equal(off.includes('<OldBanner />'), gate.gate.fallbackAttribute !== undefined, off);
        }
      });

      it('freezes the value-bearing properties of each result object', async () => {
        for (const { callee, property, use } of ws.results) {
          assert.equal(refOf(scan, use)?.callee, callee, `${callee}(…).${property}: not found`);
          const rule = sdk.resultObjects?.find((r) => r.callees.includes(callee) && property in r.properties);
          const kind = rule?.properties[property];
          const frozen = FROZEN[use.valueType];
          const text = await removedText(index, use, frozen.value);
          assert.ok(!text.includes(`${callee}(`), text);
          if (kind === 'value') assert.match(text, new RegExp(`return ${frozen.code.source};`), text);
          else assert.match(text, new RegExp(`return ${kind === 'truthy' ? 'true' : 'false'};`), text);
        }
      });

      it('drops the variable an accessor filled once the last flag read through it is gone', async () => {
        assert.equal(ws.accessors.size, sdk.accessors?.length ?? 0, 'every accessor is written');
        for (const [accessor, use] of ws.accessors) {
          assert.ok(refOf(scan, use), `${accessor}: the read through it is not found`);
          const frozen = FROZEN[use.valueType];
          const text = await removedText(index, use, frozen.value);
          assert.ok(!text.includes(`${accessor}(`) && !text.includes('const client'), text);
          assert.match(text, new RegExp(`return ${frozen.code.source};`), text);
        }
      });
    });
  }

  it('picks up a module added to the list, with no change elsewhere', () => {
    // A made-up SDK: one method and one hook, nothing in detect/ names it.
    const acme: SdkModule = {
      id: 'acme',
      packages: ['@acme/flags'],
      receiverWords: ['acme'],
      brandWords: ['acme'],
      calls: [method('isLive', { valueType: 'boolean', defaultArg: 1 }), fn('useAcmeFlag', { defaultArg: 1 })],
    };
    const text = [
      "import { createAcme, useAcmeFlag } from '@acme/flags';",
      'const acmeClient = createAcme();',
      "export const live = acmeClient.isLive('search-v2', false);",
      "export const useTheme = () => useAcmeFlag('theme', 'light');",
      '',
    ].join('\n');
    const found = (sdks: readonly SdkModule[]): string[] =>
      analyzeFile('/app/src/acme.ts', text, createDetectorConfig([], sdks))
        .calls.filter((c) => c.source !== 'candidate')
        .map(
          (c) => `${c.source}:${c.callee}:${c.key.k === 'str' ? c.key.value : '?'}=${JSON.stringify(c.defaultValue)}`,
        );
    assert.deepEqual(found(SDKS), []);
    assert.deepEqual(found([...SDKS, acme]), ['acme:isLive:search-v2=false', 'acme:useAcmeFlag:theme="light"']);
  });

  it('no two modules claim the same id, package, component or accessor', () => {
    const claims = (pick: (s: SdkModule) => readonly string[]): string[] => {
      const all = SDKS.flatMap(pick);
      return all.filter((v, i) => all.indexOf(v) !== i);
    };
    assert.deepEqual(
      claims((s) => [s.id]),
      [],
    );
    assert.deepEqual(
      claims((s) => s.packages),
      [],
    );
    assert.deepEqual(
      claims((s) => (s.jsx ?? []).map((j) => j.component)),
      [],
    );
    assert.deepEqual(
      claims((s) => s.accessors ?? []),
      [],
    );
    for (const sdk of SDKS) {
      const names = new Set(sdk.calls.map((c) => c.name));
      const strays = (sdk.resultObjects ?? []).flatMap((r) => r.callees).filter((c) => !names.has(c));
      assert.deepEqual(strays, [], `${sdk.id}: result objects of calls it does not declare`);
    }
  });
});
