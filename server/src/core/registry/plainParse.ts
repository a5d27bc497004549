import { parse as parseYaml } from 'yaml';

/**
 * A registry text as plain data: no positions, no schema checks. For reading old versions from
 * git history, where only the values are compared; duplicate keys are tolerated (a broken commit
 * is still readable) and aliases are bounded.
 */
export function parsePlainYaml(text: string): unknown {
  return parseYaml(text, { uniqueKeys: false, maxAliasCount: 1000 });
}
