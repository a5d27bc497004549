import { ts } from 'ts-morph';
import { diffLineHunks, splitLinesKeepEnds } from './textEdits';

/**
 * The statements of the original file that hold the errors the rewritten file still has, for the
 * "before" half of verification: an error that was already there before the edit is found again
 * by checking only the statement it sits in (an error in unchanged code is where it was, moved by
 * the lines the edit added or took away; one in rewritten code is in the statement the rewritten
 * lines came from). On a real Remix app one such file took 1.6 s to check whole, for one error
 * that an unresolved import had caused in both versions.
 *
 * Statements are chosen as the TypeScript language service chooses them for its region
 * diagnostics: the innermost statement (or class member) holding the range. Undefined when some
 * range is in no statement (the whole file must be checked then).
 */
export function statementsBefore(
  before: ts.SourceFile,
  after: string,
  positions: readonly number[],
): ts.Node[] | undefined {
  const a = splitLinesKeepEnds(before.text);
  const b = splitLinesKeepEnds(after);
  const hunks = diffLineHunks(a, b);
  const aStarts = starts(a);
  const bStarts = starts(b);
  const nodes = new Set<ts.Node>();
  for (const pos of positions) {
    const line = lineAt(bStarts, pos);
    const column = pos - bStarts[line]!;
    let shift = 0;
    let range: [number, number] | undefined;
    for (const h of hunks) {
      if (line >= h.bEnd) {
        shift += h.bEnd - h.bStart - (h.aEnd - h.aStart);
        continue;
      }
      if (line >= h.bStart) range = [aStarts[h.aStart]!, aStarts[h.aEnd]!];
      break;
    }
    if (!range) {
      const lineStart = aStarts[line - shift];
      if (lineStart === undefined) return undefined;
      range = [lineStart + column, lineStart + column];
    }
    const node = innermostStatement(before, range[0], range[1]);
    if (!node) return undefined;
    nodes.add(node);
  }
  return [...nodes];
}

/** Offsets of each line's start, with one more entry for the end of the text. */
function starts(lines: readonly string[]): number[] {
  const out = [0];
  for (const l of lines) out.push(out[out.length - 1]! + l.length);
  return out;
}

function lineAt(lineStarts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = lineStarts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (lineStarts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

function innermostStatement(sf: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  let elements: readonly ts.Node[] | undefined = sf.statements;
  while (elements) {
    const holder: ts.Node | undefined = elements.find((n) => n.getStart(sf) <= start && end <= n.end);
    if (!holder) break;
    found = holder;
    elements = innerElements(holder, start, end);
  }
  return found;
}

/** The statements (or class members) of the nearest block or class inside `node` that holds the range. */
function innerElements(node: ts.Node, start: number, end: number): readonly ts.Node[] | undefined {
  let current = node;
  for (;;) {
    const child: ts.Node | undefined = current.forEachChild((c) => (c.pos <= start && end <= c.end ? c : undefined));
    if (!child) return undefined;
    if (ts.isBlock(child) || ts.isModuleBlock(child) || ts.isCaseClause(child) || ts.isDefaultClause(child))
      return child.statements;
    if (ts.isClassLike(child)) return child.members;
    current = child;
  }
}
