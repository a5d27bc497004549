import { ts } from 'ts-morph';
import type { OffsetEdit } from '../text';
import { parseFile } from './syntax';

/**
 * Whitespace-aware ranges for deleting and moving code, so that a removal takes its line, its
 * attached comments and at most one surrounding blank line with it, and moved code is re-indented
 * without touching the inside of template literals.
 */

export function lineStartAt(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** Offset of the line break ending the line that holds `pos` (or the text's end). */
export function lineEndAt(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl;
}

export function indentAt(text: string, pos: number): string {
  const start = lineStartAt(text, pos);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

export function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function isBlank(s: string): boolean {
  return /^[ \t\r]*$/.test(s);
}

/** Comments directly above a node (no blank line between), excluding a trailing comment of the previous line. */
export function attachedCommentStart(sf: ts.SourceFile, node: ts.Node): number {
  const text = sf.text;
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  let start = node.getStart(sf);
  for (let i = ranges.length - 1; i >= 0; i--) {
    const c = ranges[i]!;
    const between = text.slice(c.end, start);
    if ((between.match(/\n/g) ?? []).length > 1) break; // a blank line separates it
    if (!isBlank(text.slice(lineStartAt(text, c.pos), c.pos))) break; // trails other code
    start = c.pos;
  }
  return start;
}

/** End of the node including a comment that follows it on the same line. */
function endWithTrailingComment(sf: ts.SourceFile, end: number): number {
  const ranges = ts.getTrailingCommentRanges(sf.text, end) ?? [];
  let result = end;
  for (const c of ranges) {
    if (sf.text.slice(result, c.pos).includes('\n')) break;
    result = c.end;
  }
  return result;
}

/**
 * The range that deletes `node` (a statement, or a run of them from `node` to `last`): whole lines
 * with attached comments when the code stands on its own lines, else just the code and its spacing.
 */
export function removalRange(sf: ts.SourceFile, node: ts.Node, last: ts.Node = node, keepComments = false): OffsetEdit {
  const text = sf.text;
  let codeStart = keepComments ? node.getStart(sf) : attachedCommentStart(sf, node);
  // Comments that open the file with no blank line before the first statement are the file's header
  // (licence, overview), not that statement's.
  if (ts.isSourceFile(node.parent) && node.parent.statements[0] === node && text.slice(0, codeStart).trim() === '')
    codeStart = node.getStart(sf);
  const codeEnd = endWithTrailingComment(sf, last.end);
  const lineStart = lineStartAt(text, codeStart);
  const lineEnd = lineEndAt(text, codeEnd);
  const ownsStart = isBlank(text.slice(lineStart, codeStart));
  const ownsEnd = isBlank(text.slice(codeEnd, lineEnd));
  if (ownsStart && ownsEnd) {
    let start = lineStart;
    let end = Math.min(text.length, lineEnd + 1);
    // Keep at most one blank line where the code was.
    const prevBlank = start > 0 && isBlank(text.slice(lineStartAt(text, start - 1), start - 1));
    const prevOpens = start > 0 && /[{([]\s*$/.test(text.slice(lineStartAt(text, start - 1), start - 1));
    const nextLineEnd = lineEndAt(text, end);
    const nextBlank = end < text.length && isBlank(text.slice(end, nextLineEnd));
    const nextCloses = /^\s*[})\]]/.test(text.slice(end, nextLineEnd));
    if ((prevBlank || prevOpens || start === 0) && nextBlank) end = Math.min(text.length, nextLineEnd + 1);
    else if (prevBlank && (nextCloses || end >= text.length)) start = lineStartAt(text, start - 1);
    return { start, end, text: '' };
  }
  if (ownsEnd) {
    // Code before it on the line: take the spacing before it.
    let start = codeStart;
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    return { start, end: codeEnd, text: '' };
  }
  let end = codeEnd;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return { start: codeStart, end, text: '' };
}

/**
 * Edits removing some elements of a comma-separated list (declarations, enum members, object
 * properties, import specifiers, binding elements). Returns undefined when every element goes
 * (the caller removes the whole construct). `trailingCommaAllowed` is false for declaration lists.
 */
export function removeListElements(
  sf: ts.SourceFile,
  elements: readonly ts.Node[],
  removed: ReadonlySet<ts.Node>,
  trailingCommaAllowed = true,
): OffsetEdit[] | undefined {
  const kept = elements.filter((e) => !removed.has(e));
  if (kept.length === 0) return undefined;
  const text = sf.text;
  const multiline =
    elements.length > 1 &&
    elements.some((e, i) => i > 0 && text.slice(elements[i - 1]!.end, e.getStart(sf)).includes('\n'));
  const edits: OffsetEdit[] = [];
  let i = 0;
  while (i < elements.length) {
    if (!removed.has(elements[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < elements.length && removed.has(elements[j + 1]!)) j++;
    const first = elements[i]!;
    const last = elements[j]!;
    const next = elements[j + 1];
    const prev = elements[i - 1]!;
    if (multiline && ownsLines(sf, first, last)) {
      const range = wholeLines(sf, first, last);
      edits.push(range);
      if (!next && prev) {
        // The new last element: keep the list's trailing-comma style.
        const listHadTrailingComma = text.slice(last.end).trimStart().startsWith(',');
        if (!listHadTrailingComma || !trailingCommaAllowed) {
          const comma = text.indexOf(',', prev.end);
          if (comma !== -1 && comma < range.start) edits.push({ start: comma, end: comma + 1, text: '' });
        }
      }
    } else if (next) {
      edits.push({ start: first.getStart(sf), end: next.getStart(sf), text: '' });
    } else {
      edits.push({ start: prev.end, end: last.end, text: '' });
    }
    i = j + 1;
  }
  return edits;
}

function ownsLines(sf: ts.SourceFile, first: ts.Node, last: ts.Node): boolean {
  const text = sf.text;
  const start = attachedCommentStart(sf, first);
  if (!isBlank(text.slice(lineStartAt(text, start), start))) return false;
  let end = last.end;
  if (text[end] === ',') end++;
  end = endWithTrailingComment(sf, end);
  return isBlank(text.slice(end, lineEndAt(text, end)));
}

function wholeLines(sf: ts.SourceFile, first: ts.Node, last: ts.Node): OffsetEdit {
  const text = sf.text;
  const start = lineStartAt(text, attachedCommentStart(sf, first));
  let end = last.end;
  if (text[end] === ',') end++;
  end = endWithTrailingComment(sf, end);
  return { start, end: Math.min(text.length, lineEndAt(text, end) + 1), text: '' };
}

/**
 * Moves every line of `code` but the first from indentation `from` to `to`. Lines that begin inside
 * a template literal are content, not layout, and stay as they are.
 */
export function reindent(code: string, from: string, to: string, file: string): string {
  if (from === to || !code.includes('\n')) return code;
  const frozen = linesInsideTemplates(code, file);
  const lines = code.split('\n');
  return lines
    .map((line, i) => {
      if (i === 0 || frozen.has(i)) return line;
      if (line.startsWith(from)) return to + line.slice(from.length);
      if (isBlank(line)) return line.replace(/^[ \t]+/, '');
      // Less indented than expected (e.g. a continuation line): shift what can be shifted.
      const ws = /^[ \t]*/.exec(line)![0];
      if (from.length > to.length) return line.slice(Math.min(ws.length, from.length - to.length));
      return to.slice(from.length) + line;
    })
    .join('\n');
}

function linesInsideTemplates(code: string, file: string): Set<number> {
  const frozen = new Set<number>();
  if (!code.includes('`')) return frozen;
  const sf = parseFile(file, code);
  const visit = (node: ts.Node): void => {
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(node.end).line;
      for (let l = first + 1; l <= last; l++) frozen.add(l);
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return frozen;
}

/** Removal edits for a set of statements, adjacent ones merged so their spacing is handled once. */
export function statementRemovals(sf: ts.SourceFile, removed: ReadonlySet<ts.Statement>): OffsetEdit[] {
  const byParent = new Map<ts.Node, ts.Statement[]>();
  for (const s of removed) byParent.set(s.parent, [...(byParent.get(s.parent) ?? []), s]);
  const edits: OffsetEdit[] = [];
  for (const [parent, own] of byParent) {
    const siblings = 'statements' in parent ? ((parent as ts.Block).statements as readonly ts.Statement[]) : own;
    let run: ts.Statement[] = [];
    const flush = (): void => {
      if (run.length) edits.push(removalRange(sf, run[0]!, run[run.length - 1]));
      run = [];
    };
    for (const s of siblings) {
      if (removed.has(s)) run.push(s);
      else flush();
    }
    flush();
  }
  return edits;
}
