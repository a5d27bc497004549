import * as path from 'node:path';
import { dayOf } from './dates';
import type { Rule, RuleFinding } from './rule';
import { referencesByKey, relatedEntry } from './rule';
import { staleReasons } from './staleness';

/** How many reference locations the registry-side finding lists as related information. */
const MAX_RELATED = 20;

/**
 * Reported twice on purpose: at every reference (where the developer removes the code) and once at
 * the registry entry (where the owner extends the expiry or marks the flag permanent).
 */
export const staleFlag: Rule = {
  id: 'stale-flag',
  defaultSeverity: 'warning',
  summary: 'A flag whose time is up (expired, too old, rolled out or deprecated) is still in the code.',
  description:
    'Flags are technical debt: every one left behind doubles the code paths to reason about. A flag is stale when it is past its `expires` date, ' +
    'older than the policy allows for its type (counted from `created`, after the grace period), or its status is rolled-out or deprecated. ' +
    'Remove it from the code, keeping the value that shipped (`flaglint remove <key> --value <value>`), or extend `expires` / set `permanent: true` if it is meant to stay.',
  check(ctx) {
    const today = dayOf(ctx.now);
    const findings: RuleFinding[] = [];
    for (const [key, refs] of referencesByKey(ctx.references)) {
      const entry = ctx.registry.flags.get(key);
      if (!entry) continue;
      const reasons = staleReasons(entry, ctx.registry.policy, today).join('; ');
      if (!reasons) continue;
      for (const ref of refs) {
        findings.push({
          message: `Flag '${key}' is stale: ${reasons}. Remove it from the code, keeping the value that shipped.`,
          location: ref.location,
          flagKey: key,
          related: relatedEntry(entry),
        });
      }
      const files = new Set(refs.map((r) => r.location.file)).size;
      findings.push({
        message:
          `Flag '${key}' is stale: ${reasons}. It is still evaluated in ${refs.length} place${refs.length === 1 ? '' : 's'} ` +
          `(${files} file${files === 1 ? '' : 's'}). Remove it from the code (\`flaglint remove ${key} --value <value to keep>\`), or extend \`expires\` or set \`permanent: true\` if it is meant to stay.`,
        location: entry.location,
        flagKey: key,
        related: refs.slice(0, MAX_RELATED).map((r) => ({
          message: `Evaluated in ${path.basename(r.location.file)}`,
          location: r.location,
        })),
      });
    }
    return findings;
  },
};
