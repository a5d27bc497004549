/**
 * Does a receiver (`this.ldClient`, `unleash`, `gb`) or the module it was imported from
 * (`./lib/launchdarkly`) name the SDK? Words are split on case changes and punctuation, so `ldClient`
 * gives `ld` and `client`, and `featureFlags` gives `feature` and `flags`.
 */
export function receiverPointsAt(
  receiverText: string,
  importedFrom: string | undefined,
  words: readonly string[],
): boolean {
  const found = new Set([
    ...withCompounds(splitWords(receiverText)),
    ...(importedFrom ? withCompounds(splitWords(importedFrom)) : []),
  ]);
  const whole = receiverText.toLowerCase().replace(/[^a-z0-9]/g, '');
  return words.some((w) => found.has(w) || whole === w);
}

/** Adjacent words joined too, so a brand split by its casing (`configCatClient`, `launchDarkly`) is still one word. */
function withCompounds(words: string[]): string[] {
  return [...words, ...words.slice(1).map((w, i) => words[i] + w)];
}

export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
