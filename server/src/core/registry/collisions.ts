import type { Location, Registry, RegistryProblem } from '../model';
import { caseInsensitiveKey } from './keys';

function where(here: Location, there: Location): string {
  const line = there.range.start.line + 1;
  return here.file === there.file ? `line ${line}` : `${there.file}:${line}`;
}

/**
 * Keys that stand for the same flag in code: an alias that is another flag's key or alias (an error:
 * a reference could not be attributed), or two keys that are case variants of each other, like
 * `new-checkout` and `newCheckout` (a warning: they are distinct keys to the flag service, but code
 * spelling one may mean the other).
 */
export function checkCollisions(registry: Registry): void {
  const problems: RegistryProblem[] = registry.problems;
  const spelled = new Map<string, { key: string; location: Location }>();
  const words = new Map<string, { key: string; location: Location }>();
  for (const [key, entry] of registry.flags) {
    spelled.set(key, { key, location: entry.location });
  }
  for (const [key, entry] of registry.flags) {
    const w = caseInsensitiveKey(key);
    const other = words.get(w);
    if (other && other.key !== key) {
      problems.push({
        ruleId: 'duplicate-flag',
        severity: 'warning',
        message: `Flag "${key}" is a case variant of flag "${other.key}" (${where(entry.location, other.location)}); code that spells either may mean the other. Merge them or rename one.`,
        location: entry.location,
        flagKey: key,
      });
    } else if (w) {
      words.set(w, { key, location: entry.location });
    }
  }
  for (const [key, entry] of registry.flags) {
    (entry.aliases ?? []).forEach((alias, i) => {
      const location = entry.fieldLocations[`aliases[${i}]`] ?? entry.fieldLocations.aliases ?? entry.location;
      if (alias === key) return;
      const other = spelled.get(alias);
      if (other && other.key !== key) {
        const what = registry.flags.has(alias) ? 'the key of' : 'already an alias of';
        problems.push({
          ruleId: 'duplicate-flag',
          severity: 'error',
          message: `Alias "${alias}" of flag "${key}" is ${what} flag "${other.key}" (${where(location, other.location)}); a reference spelled "${alias}" cannot belong to both.`,
          location,
          flagKey: key,
        });
        return;
      }
      if (!other) spelled.set(alias, { key, location });
      const variantOf = words.get(caseInsensitiveKey(alias));
      if (variantOf && variantOf.key !== key) {
        problems.push({
          ruleId: 'duplicate-flag',
          severity: 'warning',
          message: `Alias "${alias}" of flag "${key}" is a case variant of flag "${variantOf.key}" (${where(location, variantOf.location)}); code spelled "${alias}" is matched to "${key}", which may not be meant.`,
          location,
          flagKey: key,
        });
      }
    });
  }
}
