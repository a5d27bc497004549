/**
 * Where a new entry goes in a registry that is not sorted by key: after the last entry of the same
 * owner (teams keep their flags together, often under a comment header), else after the last entry
 * whose key shares the new key's first word (`checkout-…` next to `checkout-…`), else at the end.
 */
import { isMap, isScalar } from 'yaml';
import type { BlockItem } from './yamlBlock';

/** The first word of a key: `new` in `new-checkout`, `search` in `search.v2`. */
export function keyPrefix(key: string): string {
  return key.toLowerCase().split(/[-_.:/]/)[0] ?? key;
}

function ownerOf(item: BlockItem): string | undefined {
  const value = item.pair.value;
  if (!isMap(value)) return undefined;
  for (const field of value.items) {
    if (isScalar(field.key) && field.key.value === 'owner' && isScalar(field.value)) return String(field.value.value);
  }
  return undefined;
}

/** The item the new entry follows (undefined: append after the last one). */
export function neighbourOf(
  items: readonly BlockItem[],
  key: string,
  owner: string | undefined,
): BlockItem | undefined {
  const last = <T>(list: readonly T[], test: (t: T) => boolean): T | undefined => {
    for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return list[i];
    return undefined;
  };
  const byOwner = owner ? last(items, (item) => ownerOf(item) === owner) : undefined;
  if (byOwner) return byOwner;
  const prefix = keyPrefix(key);
  return last(items, (item) => keyPrefix(item.key) === prefix);
}
