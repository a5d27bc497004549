import type { Registry } from '../model';

/**
 * The words of a key, lower-cased, whatever its casing convention: `new-checkout`, `newCheckout`,
 * `NewCheckout`, `new_checkout`, `NEW_CHECKOUT` and `new.checkout` all give ['new', 'checkout'].
 * Digits form their own words, as in lodash's camelCase (which LaunchDarkly's React SDK uses), so
 * `checkout-v2` and `checkoutV2` agree.
 */
export function keyWords(key: string): string[] {
  return key
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2') // newCheckout -> new Checkout
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2') // HTMLParser -> HTML Parser
    .replace(/(\p{L})(\p{N})/gu, '$1 $2') // v2 -> v 2
    .replace(/(\p{N})(\p{L})/gu, '$1 $2') // 2fa -> 2 fa
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** One string per set of words: keys that are case variants of each other share it. */
export function caseInsensitiveKey(key: string): string {
  return keyWords(key).join(' ');
}

/** The usual spellings of a key: camelCase, PascalCase, snake_case, SCREAMING_SNAKE, kebab-case, dot.case. */
export function caseVariants(key: string): string[] {
  const words = keyWords(key);
  if (words.length === 0) return [key];
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const variants = [
    words[0] + words.slice(1).map(cap).join(''),
    words.map(cap).join(''),
    words.join('_'),
    words.join('_').toUpperCase(),
    words.join('-'),
    words.join('.'),
  ];
  return [...new Set(variants)];
}

interface KeyLookup {
  aliases: Map<string, string>;
  variants: Map<string, string>;
}

const lookups = new WeakMap<Registry, KeyLookup>();

function buildLookup(registry: Registry): KeyLookup {
  const aliases = new Map<string, string>();
  const variants = new Map<string, string>();
  // Keys first, so a key's own spelling wins over another flag's alias with the same words.
  for (const key of registry.flags.keys()) {
    const v = caseInsensitiveKey(key);
    if (v && !variants.has(v)) variants.set(v, key);
  }
  for (const [key, entry] of registry.flags) {
    for (const alias of entry.aliases ?? []) {
      if (!aliases.has(alias) && !registry.flags.has(alias)) aliases.set(alias, key);
      const v = caseInsensitiveKey(alias);
      if (v && !variants.has(v)) variants.set(v, key);
    }
  }
  return { aliases, variants };
}

/**
 * The registry key a code spelling stands for: the key itself, then a listed alias, then a case
 * variant of a key or alias (`newCheckout` for `new-checkout`). Called for every reference, so the
 * lookup tables are built once per registry object. Registries are treated as immutable: a
 * changed registry is a new object.
 */
export function matchRegistryKey(registry: Registry, key: string): string | undefined {
  if (registry.flags.has(key)) return key;
  let lookup = lookups.get(registry);
  if (!lookup) {
    lookup = buildLookup(registry);
    lookups.set(registry, lookup);
  }
  const alias = lookup.aliases.get(key);
  if (alias !== undefined) return alias;
  const words = caseInsensitiveKey(key);
  return words ? lookup.variants.get(words) : undefined;
}
