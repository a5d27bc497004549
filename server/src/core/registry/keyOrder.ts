import { FIELD_ORDER } from './types';

export type Compare = (a: string, b: string) => number;

const byCodePoint: Compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const ignoringCase: Compare = (a, b) => byCodePoint(a.toLowerCase(), b.toLowerCase()) || byCodePoint(a, b);

/**
 * The order the existing keys are sorted in (as an editor's "sort lines" or by hand, ignoring case
 * or not), or undefined when they are not sorted (then new keys go at the end).
 */
export function sortOrder(keys: readonly string[]): Compare | undefined {
  for (const cmp of [ignoringCase, byCodePoint]) {
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++) if (cmp(keys[i - 1]!, keys[i]!) > 0) sorted = false;
    if (sorted) return cmp;
  }
  return undefined;
}

/** Where a field goes among an entry's fields: `key` first, then the documented order, others last. */
export function fieldRank(field: string): number {
  if (field === 'key') return -1;
  // An OpenFeature manifest's type goes with the value type.
  if (field === 'flagType') return FIELD_ORDER.indexOf('valueType') + 0.5;
  const i = (FIELD_ORDER as readonly string[]).indexOf(field);
  return i === -1 ? FIELD_ORDER.length : i;
}

/** Fields with a value, in the documented order. */
export function orderedFields(fields: object): [string, unknown][] {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .sort((a, b) => fieldRank(a[0]) - fieldRank(b[0]));
}
