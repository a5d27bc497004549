import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CalledNames, nameHash } from '../../../server/src/core/engine/calledNames';
import { WrapperCatchUp } from '../../../server/src/core/engine/wrapperCatchUp';

/**
 * The rounds of wrapper names learnt during a scan look files up in what the first pass recorded
 * they call (engine/calledNames.ts) instead of reading them all again. A file the lists rule out
 * must be one the catch-up's own test (`WrapperCatchUp.wants`, on the text) rules out too, or a
 * wrapper call would go unseen.
 */
describe('the names a skipped file calls', () => {
  const wrappers = [
    { name: 'withTeam', method: false },
    { name: 'FeatureGate', method: false },
    { name: 'isOn', method: true },
    { name: 'use_flag2', method: false },
  ];

  it('holds every name the catch-up would find called in the text', () => {
    const gap = fc.constantFrom('', ' ', '\n  ', '\u00a0', '\u2028', '\t', '\ufeff');
    const typeArgs = fc.constantFrom('', '<Props>', '<A<B>>', '<{ a: "x" }>', `<${'T, '.repeat(39)}>`, '< a > b');
    const name = fc.constantFrom('withTeam', 'FeatureGate', 'isOn', 'use_flag2', 'withTeams', 'xisOn', 'Feature');
    const before = fc.constantFrom('', 'flags.', 'é', ' ', '$', '<', 'new ', '(');
    const after = fc.constantFrom('(', '?.(', ' (', '', ' />', '>');
    const call = fc
      .tuple(before, name, gap, typeArgs, gap, after)
      .map(([b, n, g1, t, g2, a]) => `${b}${n}${g1}${t}${g2}${a}`);
    const piece = fc.oneof(call, fc.constantFrom('// withTeam(', 'ünï', '"isOn("', '\n'));
    let wanted = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), (pieces) => {
        const text = pieces.join('');
        const names = new CalledNames();
        names.add('/app/a.ts', text);
        for (const w of wrappers) {
          if (!new WrapperCatchUp([w]).wants(text)) continue;
          wanted++;
          assert.equal(names.mayCall('/app/a.ts', [nameHash(w.name)!]), true, `${w.name} in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 4000 },
    );
    assert.ok(wanted > 500, `${wanted} texts call a wrapper`);
  });

  it('rules out the files that never call a name, and knows only the files it was given', () => {
    const names = new CalledNames();
    names.add('/app/routes.ts', 'export const GET = withTeam(async () => ok(), { featureFlag: "beta" });');
    names.add('/app/page.tsx', 'export default () => <FeatureGate flag="beta"><Page /></FeatureGate>;');
    names.add(
      '/app/util.ts',
      '// withTeam wraps a route\nexport const teamOf = (r: Request) => r.headers.get("team");',
    );
    const hash = (n: string): number => nameHash(n)!;
    assert.equal(names.mayCall('/app/routes.ts', [hash('withTeam')]), true);
    assert.equal(names.mayCall('/app/page.tsx', [hash('FeatureGate')]), true);
    assert.equal(names.mayCall('/app/util.ts', [hash('withTeam'), hash('FeatureGate')]), false);
    assert.equal(names.mayCall('/app/other.ts', [hash('withTeam')]), undefined);
    // `\b` does not split `$flag` from `$`: such a learnt name cannot be looked up at all.
    assert.equal(nameHash('$flag'), undefined);
    assert.equal(nameHash('überFlag'), undefined);
  });
});
