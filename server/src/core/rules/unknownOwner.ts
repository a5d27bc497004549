import { normaliseOwnerHandle as normalise } from './owners';
import type { Rule, RuleFinding } from './rule';
import { closest } from './suggest';

export const unknownOwner: Rule = {
  id: 'unknown-owner',
  defaultSeverity: 'warning',
  summary: "A flag's owner is not one of the known owners.",
  description:
    'When the registry lists `owners:` (or `policy.useCodeowners` is on and the repository has a CODEOWNERS file), every flag owner must be one of them, ' +
    'so that typos and departed teams are caught (handles compare without case and without a leading @). Fix the handle, or add the owner to the `owners:` list. Nothing is reported when no owners are known.',
  check(ctx) {
    const known = [...new Set([...ctx.registry.owners, ...(ctx.registry.policy.useCodeowners ? ctx.codeowners : [])])];
    if (known.length === 0) return [];
    const normalised = new Set(known.map(normalise));
    const findings: RuleFinding[] = [];
    for (const entry of ctx.registry.flags.values()) {
      const owner = entry.owner;
      if (typeof owner !== 'string' || owner.trim() === '' || normalised.has(normalise(owner))) continue;
      // departed-owner says more about a handle git shows was removed from `owners:`.
      if (ctx.registry.timeline?.ownersRemoved[normalise(owner)]) continue;
      const hit = closest(owner, known);
      const hint =
        hit !== undefined ? ` Did you mean '${hit}'?` : known.length <= 6 ? ` Known owners: ${known.join(', ')}.` : '';
      findings.push({
        message: `Flag '${entry.key}' is owned by '${owner}', who is not a known owner.${hint} Fix the handle or add it to \`owners:\`.`,
        location: entry.location,
        flagKey: entry.key,
        ...(entry.fieldLocations['owner']
          ? { related: [{ message: `The owner '${owner}'`, location: entry.fieldLocations['owner'] }] }
          : {}),
      });
    }
    return findings;
  },
};
