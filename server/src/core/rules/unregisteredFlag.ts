import { isTestFile } from '../detect/testFiles';
import type { FlagEntry } from '../model';
import { registryName } from './registryName';
import type { Rule, RuleFinding } from './rule';
import { didYouMean } from './suggest';

/** Suggestions per registry content: the rules run on every edit, the registry rarely changes. */
const suggestions = new WeakMap<ReadonlyMap<string, FlagEntry>, Map<string, string>>();

function suggestionFor(flags: ReadonlyMap<string, FlagEntry>, key: string): string {
  let memo = suggestions.get(flags);
  if (!memo) suggestions.set(flags, (memo = new Map<string, string>()));
  let hit = memo.get(key);
  if (hit === undefined) memo.set(key, (hit = didYouMean(key, flags.keys())));
  return hit;
}

export const unregisteredFlag: Rule = {
  id: 'unregistered-flag',
  defaultSeverity: 'error',
  summary: 'A flag is evaluated in code but has no entry in the registry.',
  description:
    'Every flag the code evaluates should be recorded in the registry with an owner, a type and a plan for its removal; ' +
    'an unregistered flag has nobody accountable for it. Add an entry for the key (the editor quick fix "Add to registry" writes a stub), ' +
    'or correct the key if it is a typo of a registered flag.',
  check(ctx) {
    // A registry that could not be read (a folder or FIFO named flags.yaml, UTF-16, broken YAML with
    // nothing salvaged) says nothing about which flags are registered: its invalid-registry error is
    // the finding, and calling every flag "not in the registry" would only hide it.
    if (
      ctx.registry.flags.size === 0 &&
      ctx.registry.problems.some((p) => p.ruleId === 'invalid-registry' && p.severity === 'error')
    )
      return [];
    const name = registryName(ctx.registry);
    const findings: RuleFinding[] = [];
    const inTest = (file: string): boolean => isTestFile(file, ctx.registry, ctx.registry.root);
    // Tests mock clients with made-up keys ('toggle-name'): a key evaluated only in tests is a hint, not an error.
    const outsideTests = new Set(
      ctx.references.filter((r) => r.registryKey === undefined && !inTest(r.location.file)).map((r) => r.key),
    );
    for (const ref of ctx.references) {
      if (ref.registryKey !== undefined) continue;
      const testOnly = !outsideTests.has(ref.key);
      findings.push({
        message: testOnly
          ? `Flag '${ref.key}' is not in the registry (${name}) and is evaluated only in tests (a mock's made-up key?).${suggestionFor(ctx.registry.flags, ref.key)} Register it if it is a real flag.`
          : `Flag '${ref.key}' is not in the registry (${name}).${suggestionFor(ctx.registry.flags, ref.key)} Register it with an owner, type and rollback plan, or fix the key.`,
        location: ref.location,
        flagKey: ref.key,
        ...(testOnly ? { severity: 'hint' as const } : {}),
      });
    }
    return findings;
  },
};
