/**
 * Scalars of a registry text by position: which key a cursor in a `dependsOn` list is on, and
 * where each mention of a key stands, with ranges inside the quotes. YAML and JSON alike (JSON is YAML).
 */
import { isScalar, parseDocument, visit } from 'yaml';
import type { Position, Range } from '../model';
import { TextPositions } from '../text';

export interface ScalarAt {
  value: string;
  range: Range;
}

/** The scalar under a position (its value and its range without quotes). */
export function scalarAt(text: string, position: Position): ScalarAt | undefined {
  const pos = new TextPositions('', text);
  const offset = pos.offset(position);
  let found: ScalarAt | undefined;
  visit(parseDocument(text, { keepSourceTokens: true }), {
    Scalar(_key, node) {
      if (!node.range || found) return;
      const [start, end] = node.range;
      if (offset < start || offset > end || !isScalar(node)) return;
      found = { value: String(node.value), range: unquoted(pos, start, end) };
      return visit.BREAK;
    },
  });
  return found;
}

/** Every scalar lying inside one of the given ranges. */
export function scalarsIn(text: string, ranges: readonly Range[]): ScalarAt[] {
  const pos = new TextPositions('', text);
  const spans = ranges.map((r) => [pos.offset(r.start), pos.offset(r.end)] as const);
  const found: ScalarAt[] = [];
  visit(parseDocument(text, { keepSourceTokens: true }), {
    Scalar(_key, node) {
      if (!node.range) return;
      const [start, end] = node.range;
      if (!spans.some(([from, to]) => start >= from && end <= to)) return;
      found.push({ value: String(node.value), range: unquoted(pos, start, end) });
    },
  });
  return found;
}

function unquoted(pos: TextPositions, start: number, end: number): Range {
  const raw = pos.text.slice(start, end);
  const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
  return quoted ? pos.range(start + 1, end - 1) : pos.range(start, end);
}
