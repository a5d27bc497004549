/** "Did you mean …?" for keys and owners that are almost right. */
import { boundedEditDistance as boundedDistance } from '../text';

/**
 * A lower bound of the edit distance from the characters alone (each edit changes at most one
 * character count on each side): cheap enough to rule out most candidates of a large registry.
 */
function bagDistance(a: string, b: string, counts: Int32Array): number {
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i) & 127]!++;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i) & 127]!--;
  let extra = 0;
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i) & 127;
    if (counts[c]! > 0) extra += counts[c]!;
    counts[c] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i) & 127;
    if (counts[c]! < 0) missing -= counts[c]!;
    counts[c] = 0;
  }
  return Math.max(extra, missing);
}

/** The closest candidate within a third of the word's length (at least 1, at most 3 edits), if any. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  const lower = word.toLowerCase();
  const counts = new Int32Array(128);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const bound = Math.min(limit, bestDistance - 1);
    if (Math.abs(candidate.length - word.length) > bound) continue;
    const other = candidate.toLowerCase();
    if (bagDistance(lower, other, counts) > bound) continue;
    const d = boundedDistance(lower, other, bound);
    if (d <= bound) {
      best = candidate;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}

/** " Did you mean 'x'?" or the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const hit = closest(word, candidates);
  return hit === undefined ? '' : ` Did you mean '${hit}'?`;
}
