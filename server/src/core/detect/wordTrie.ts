/**
 * A regular-expression alternation of words, factored by common prefixes (`get(?:Boolean(?:Value|
 * Details)|String…)|use…`). It matches exactly the same strings as `a|b|c…`, but the engine settles
 * most positions of a file on the first character instead of trying a hundred alternatives at each:
 * over 15k real files the prefilter's one test per file went from ~1.1 s to a fraction of that.
 */
export function trieAlternation(words: Iterable<string>): string {
  const root: TrieNode = new Map();
  for (const word of words) {
    if (!word) continue;
    let node = root;
    for (const ch of word) {
      let next = node.get(ch);
      if (!next) node.set(ch, (next = new Map<string, TrieNode>()));
      node = next;
    }
    node.set(END, new Map());
  }
  return emit(root);
}

type TrieNode = Map<string, TrieNode>;
/** Marks the end of a word; not a character any word can hold. */
const END = '';

function emit(node: TrieNode): string {
  const branches: string[] = [];
  let ends = false;
  for (const [ch, child] of [...node].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (ch === END) ends = true;
    else branches.push(escapeChar(ch) + emit(child));
  }
  const [only, ...others] = branches;
  if (only === undefined) return '';
  const body = others.length === 0 ? only : `(?:${branches.join('|')})`;
  if (!ends) return body;
  // A word ends here and longer ones go on: the longer ones are optional.
  return others.length === 0 && only.length === 1 ? `${body}?` : `(?:${branches.join('|')})?`;
}

function escapeChar(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
