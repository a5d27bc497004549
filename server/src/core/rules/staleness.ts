import type { FlagEntry, Policy } from '../model';
import { days, utcDay } from './dates';

/**
 * Why a flag's time is up, or undefined when it is not. Shared by stale-flag and by front ends
 * that show a flag's state (code lens, inventory).
 */
export function staleReasons(entry: FlagEntry, policy: Policy, today: number): string[] {
  if (entry.permanent === true || entry.status === 'archived') return [];
  const reasons: string[] = [];
  if (entry.status === 'rolled-out') reasons.push('it is rolled out');
  if (entry.status === 'deprecated') reasons.push('it is deprecated');
  const expires = utcDay(entry.expires);
  if (expires !== undefined && today > expires) {
    reasons.push(`it expired on ${String(entry.expires)} (${days(today - expires)} ago)`);
  }
  const created = utcDay(entry.created);
  const maxAge = entry.type === undefined ? undefined : policy.maxAgeDays[entry.type];
  if (created !== undefined && maxAge !== undefined) {
    const age = today - created;
    if (age > maxAge && age > policy.gracePeriodDays) {
      reasons.push(`it is ${days(age)} old, over the ${maxAge}-day limit for ${entry.type} flags`);
    }
  }
  return reasons;
}
