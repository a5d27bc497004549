import { ts } from 'ts-morph';
import type { memberChain } from './syntax';

/** Methods that test whether a collection holds a key: arrays (`includes`), Sets and Maps (`has`). */
const MEMBERSHIP_METHODS = new Set(['includes', 'has']);

/** Whether `x.<method>(k)` is a membership test with one key argument. */
export function membershipKey(method: string, call: ts.CallExpression): boolean {
  return MEMBERSHIP_METHODS.has(method) && call.arguments.length === 1;
}

/**
 * The declared flag collection (`scan.collections`) that a chain names, as written in the registry,
 * or undefined. The chain's tail must match: `organization.features` matches
 * `this.organization.features` and `props.organization.features`, never `features` alone or
 * `organization.features.length`. An array that is not declared is never a collection of flags.
 */
export function collectionMember(
  collections: readonly string[][],
  chain: NonNullable<ReturnType<typeof memberChain>>,
  sf: ts.SourceFile,
  aliases?: ReadonlyMap<string, string[]>,
  typed?: ReadonlyMap<string, string[]>,
): string | undefined {
  if (collections.length === 0) return undefined;
  const root = chain.root.getText(sf);
  // `const { features } = license`: `features` is `license.features`.
  const names = [...(aliases?.get(root) ?? [root]), ...chain.path];
  for (const prefix of collections) {
    if (names.length < prefix.length) continue;
    const tail = names.slice(names.length - prefix.length);
    if (prefix.every((p, i) => p === '*' || p === tail[i])) return prefix.join('.');
  }
  // A collection named by its type (`LicenseFeatures`): the value itself, declared with that type
  // in this file (`features: LicenseFeatures`), not a member of it.
  const types = chain.path.length === 0 ? typed?.get(root) : undefined;
  if (types) {
    for (const prefix of collections) {
      const [only] = prefix;
      if (prefix.length === 1 && only !== undefined && types.includes(only)) return only;
    }
  }
  return undefined;
}

/** Members of the collection itself (`features.length`, `flags.size`), not flags read by name. */
const COLLECTION_API = new Set([
  'length',
  'size',
  'includes',
  'has',
  'indexOf',
  'map',
  'filter',
  'some',
  'every',
  'forEach',
  'find',
  'join',
  'keys',
  'values',
  'entries',
  'concat',
  'slice',
  'get',
  'set',
  'add',
  'delete',
  'push',
  'toString',
  'hasOwnProperty',
]);

export function isCollectionApi(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
  return ts.isPropertyAccessExpression(node) && COLLECTION_API.has(node.name.text);
}
