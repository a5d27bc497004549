import type { ts } from 'ts-morph';

/**
 * TypeScript's ScriptKind values, written out: importing the compiler for five numbers would load
 * it (about half a second) in every module that imports the text kernel, warm scans included.
 */
const KIND = { JS: 1, JSX: 2, TS: 3, TSX: 4, JSON: 6 } as const satisfies Record<string, number>;

/** How TypeScript should parse a file, from its extension (any case): TSX, JSX, JS, JSON or TS. */
export function scriptKindFor(file: string): ts.ScriptKind {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tsx')) return KIND.TSX;
  if (lower.endsWith('.jsx')) return KIND.JSX;
  if (/\.(js|mjs|cjs)$/.test(lower)) return KIND.JS;
  if (lower.endsWith('.json')) return KIND.JSON;
  return KIND.TS;
}
