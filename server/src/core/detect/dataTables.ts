import { ts } from 'ts-morph';
import type { Range } from '../model';
import type { CallFact } from './facts';
import { propertyNameText, rangeOf, unwrap } from './syntax';

export type DataTables = Record<string, { value: string; range: Range }[]>;

/**
 * Keys held in data: rows of tables (`[{ path: '/x', flag: 'impactViews' }, …]`, route and menu
 * definitions) whose `prop` holds a string literal, for the properties a dynamic evaluation in this
 * file reads from a row (`isEnabled(route.flag)` → `flag`). Only such files pay for the walk, and a
 * table that nothing evaluates gives nothing. The walk keeps its own stack: generated tables can
 * nest deeper than the call stack allows.
 */
export function collectDataTables(sf: ts.SourceFile, calls: readonly CallFact[]): DataTables | undefined {
  const wanted = new Set<string>();
  for (const c of calls) {
    for (const key of [c.key, ...(c.args ?? []).map((a) => a.key)]) {
      if (key.k === 'dyn' && key.dataProp) wanted.add(key.dataProp);
      // `cell: (row) => isOn(row.key)`: a callback the table's library calls with each row.
      else if (key.k === 'param' && key.prop) wanted.add(key.prop);
    }
  }
  if (wanted.size === 0) return undefined;
  const tables: DataTables = {};
  const visitArray = (node: ts.Node): void => {
    if (!ts.isArrayLiteralExpression(node)) return;
    for (const el of node.elements) {
      const row = unwrap(el);
      if (ts.isObjectLiteralExpression(row)) addRow(row, wanted, tables, sf);
    }
  };
  // Recursion while it is shallow (most files), the explicit stack below that depth: generated
  // tables can nest deeper than the call stack allows. Both visit in source order.
  const visit = (node: ts.Node, depth: number): undefined => {
    visitArray(node);
    if (depth < MAX_RECURSION) node.forEachChild((child) => visit(child, depth + 1));
    else deepWalk(node, visitArray);
    return undefined;
  };
  visit(sf, 0);
  return Object.keys(tables).length > 0 ? tables : undefined;
}

const MAX_RECURSION = 400;

/** Pre-order over the nodes below `root` (not `root` itself) with a stack of its own. */
function deepWalk(root: ts.Node, visit: (node: ts.Node) => void): void {
  const stack: ts.Node[] = [];
  const push = (node: ts.Node): void => {
    // Children pushed last-first, so that they are visited in source order.
    const children: ts.Node[] = [];
    node.forEachChild((child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  };
  push(root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    push(node);
  }
}

function addRow(
  row: ts.ObjectLiteralExpression,
  wanted: { has(name: string): boolean },
  tables: DataTables,
  sf: ts.SourceFile,
): void {
  for (const p of row.properties) {
    const name = propertyNameText(p.name);
    if (name === undefined || !wanted.has(name) || !ts.isPropertyAssignment(p)) continue;
    const v = unwrap(p.initializer);
    if (!ts.isStringLiteral(v) && !ts.isNoSubstitutionTemplateLiteral(v)) continue;
    if (v.text.trim() === '') continue;
    (tables[name] ??= []).push({ value: v.text, range: rangeOf(v, sf) });
  }
}

/** Row properties that name a flag (`flag`, `requiredFlag`, `featureKey`, `toggle`, `gate`): the ones another file may evaluate. */
const FLAG_PROPERTY = /flag|feature|toggle|gate|experiment/i;
const FLAG_PROPERTY_COLON = /\b\w*(?:flag|feature|toggle|gate|experiment)\w*\s*:/i;

/**
 * Rows of the tables a file exports (`export const NAV = [{ path: '/x', flag: 'y' }]`), by the
 * properties that name a flag, for files that import the table and evaluate `isOn(item.flag)`
 * (resolve/references.ts). Only exported declarations are walked, and only in files whose text has
 * such a property: the importer's resolver fetches these facts, no other file is read for them.
 */
export function collectExportedRows(sf: ts.SourceFile): DataTables | undefined {
  if (!FLAG_PROPERTY_COLON.test(sf.text)) return undefined;
  const tables: DataTables = {};
  const stack: ts.Node[] = [];
  for (const st of sf.statements) {
    const exported =
      ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && ts.isVariableStatement(st))
      st.declarationList.declarations.forEach((d) => d.initializer && stack.push(d.initializer));
    else if (ts.isExportAssignment(st)) stack.push(st.expression);
  }
  const wanted = { has: (name: string) => FLAG_PROPERTY.test(name) };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isArrayLiteralExpression(node)) {
      for (const el of node.elements) {
        const row = unwrap(el);
        if (ts.isObjectLiteralExpression(row)) addRow(row, wanted, tables, sf);
      }
    }
    // Functions in a table (`render: () => …`) are code, not rows.
    if (ts.isFunctionLike(node)) continue;
    const children: ts.Node[] = [];
    node.forEachChild((child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  for (const rows of Object.values(tables))
    rows.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return Object.keys(tables).length > 0 ? tables : undefined;
}
