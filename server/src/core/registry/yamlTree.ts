import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';

export type YamlDoc = Document.Parsed;

/**
 * Safe parsing: YAML 1.2 core schema (no custom tags, no functions or class instances), duplicate
 * keys left to us (so a duplicate flag is a `duplicate-flag` problem, not a syntax error). JSON is
 * YAML, so JSON registries go through here too and get the same positions.
 */
export function parseYaml(text: string): YamlDoc {
  // Loading and then editing a registry parse the same text back to back; documents are never
  // modified here, so the last few can be shared.
  const cached = recent.find((r) => r.text === text);
  if (cached) return cached.doc;
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: false, prettyErrors: false, version: '1.2' });
  recent.unshift({ text, doc });
  recent.length = Math.min(recent.length, 3);
  return doc;
}

const recent: { text: string; doc: YamlDoc }[] = [];

/** The text of a mapping key, for scalar keys (`123:` gives '123'); undefined for complex keys. */
export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

const MERGE_KEY = '<<';

const pairIndex = new WeakMap<YAMLMap, Map<string, Pair<Node, Node | null>>>();

/**
 * The first pair with this key (the first one wins, as the loader reports later ones as duplicates).
 * Large mappings get an index, since every field of every flag is looked up by path.
 */
export function findPair(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  if (map.items.length < 16) {
    for (const item of map.items) {
      if (isPair(item) && keyText(item.key) === key) return item as Pair<Node, Node | null>;
    }
    return undefined;
  }
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      const k = isPair(item) ? keyText(item.key) : undefined;
      if (k !== undefined && !index.has(k)) index.set(k, item as Pair<Node, Node | null>);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** Follows aliases (`*anchor`) to the node they stand for. */
export function resolve(node: unknown, doc: YamlDoc, depth = 0): Node | null {
  if (isAlias(node)) {
    if (depth > 50) return null;
    return resolve(node.resolve(doc) ?? null, doc, depth + 1);
  }
  return (node as Node) ?? null;
}

/** Limits how much aliases may expand a document ("billion laughs"); plain nodes cost nothing. */
class Budget {
  remaining = 100_000;
  spend(): boolean {
    return --this.remaining >= 0;
  }
}

/**
 * The plain value of a node: the first of duplicate keys wins, `<<` merge keys are applied (explicit
 * keys override merged ones), YAML 1.1 timestamps become YYYY-MM-DD strings.
 */
export function toPlain(node: unknown, doc: YamlDoc, budget = new Budget(), viaAlias = false): unknown {
  const throughAlias = viaAlias || isAlias(node);
  if (throughAlias && !budget.spend()) return undefined;
  const n = resolve(node, doc);
  if (n === null || n === undefined) return null;
  if (isScalar(n)) {
    const v = n.value;
    if (v instanceof Date) return isNaN(v.getTime()) ? String(n.source ?? '') : v.toISOString().slice(0, 10);
    if (typeof v === 'bigint') return Number(v);
    return v;
  }
  if (isSeq(n)) return n.items.map((item) => toPlain(item, doc, budget, throughAlias));
  if (isMap(n)) {
    const out: Record<string, unknown> = {};
    const merged: unknown[] = [];
    for (const item of n.items) {
      if (!isPair(item)) continue;
      const k = keyText(item.key) ?? String(toPlain(item.key, doc, budget, throughAlias));
      if (k === MERGE_KEY && !(isScalar(item.key) && item.key.type !== 'PLAIN')) {
        merged.push(item.value);
        continue;
      }
      if (Object.prototype.hasOwnProperty.call(out, k)) continue;
      define(out, k, toPlain(item.value, doc, budget, throughAlias));
    }
    for (const m of merged) {
      const r = resolve(m, doc);
      const sources = isSeq(r) ? r.items : [r];
      for (const s of sources) {
        const value = toPlain(s, doc, budget, true);
        if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
        for (const [k, v] of Object.entries(value)) {
          if (!Object.prototype.hasOwnProperty.call(out, k)) define(out, k, v);
        }
      }
    }
    return out;
  }
  return null;
}

// Keys like `__proto__` must become ordinary properties, never the prototype.
function define(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

export interface NodeAt {
  /** The node at the path, or undefined when the path leaves the document (merged or missing). */
  node?: Node | null;
  /** The key node of the innermost pair on the path (where an error about the value can point). */
  keyNode?: Node;
  /** How deep into the path the walk got. */
  depth: number;
}

/** Walks a path of map keys and sequence indices from the document's root. */
export function nodeAt(doc: YamlDoc, segments: readonly (string | number)[], root: unknown = doc.contents): NodeAt {
  let node: unknown = root;
  let keyNode: Node | undefined;
  let depth = 0;
  for (const seg of segments) {
    const n = resolve(node, doc);
    if (isMap(n)) {
      const pair = findPairDeep(n, String(seg), doc);
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(n) && /^\d+$/.test(String(seg))) {
      const item = n.items[Number(seg)];
      if (item === undefined) break;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { node: depth === segments.length ? (node as Node | null) : undefined, keyNode, depth };
}

/** Like findPair, but also looks through `<<` merges. */
function findPairDeep(map: YAMLMap, key: string, doc: YamlDoc): Pair<Node, Node | null> | undefined {
  const own = findPair(map, key);
  if (own) return own;
  for (const item of map.items) {
    if (!isPair(item) || keyText(item.key) !== MERGE_KEY) continue;
    const r = resolve(item.value, doc);
    for (const s of isSeq(r) ? r.items : [r]) {
      const m = resolve(s, doc);
      if (isMap(m)) {
        const p = findPairDeep(m, key, doc);
        if (p) return p;
      }
    }
  }
  return undefined;
}

/** Start and end offsets of a node's value (without trailing comments), if it has a position. */
export function span(node: unknown): [number, number] | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  if (!range) return undefined;
  return [range[0], range[1]];
}
