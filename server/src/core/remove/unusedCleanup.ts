import { ts } from 'ts-morph';
import { lineStartAt, removeListElements, statementRemovals } from './layout';
import { BindingUses } from './bindingUses';
import { isReadQuery } from './readQueries';
import { guardBlockSteps, guardBlockWrite, lookupGuardOf } from './lookupGuards';
import { isSdkAccessorCall } from './sdkAccessors';
import {
  collectBindingNames,
  countIdentifiers,
  hasExportModifier,
  isModuleFile,
  isPure,
  isReferenceIdentifier,
  parseFile,
  skipInnerTransparent,
} from './syntax';
import { applyOffsetEdits, type OffsetEdit } from '../text';
import { declarationKey, UsedBefore } from './usedBefore';

/**
 * Removes what the rewrite left unused: imports, variables, functions, classes and types whose
 * every use was in code that is now gone. Only declarations that WERE used before (by symbol, see
 * UsedBefore) and are not now are touched, so code that was already unused stays as the author left
 * it. A variable whose initializer may have effects is kept whole, with a note: turning
 * `const icons = getIcons(type)` into a bare `getIcons(type);` reads as a mistake in review, and
 * dropping the call could change behaviour.
 */
export interface KeptDeclaration {
  /** Zero-based line in the cleaned-up text. */
  line: number;
  /** The names it declares (the compiler may now call them unused: on purpose). */
  names: string[];
  message: string;
}

export function removeNewlyUnused(
  file: string,
  original: string,
  current: string,
  accessors: ReadonlySet<string>,
  isPureCall: (expr: ts.Expression, file: string) => boolean = () => false,
  /** The project reports unused parameters (noUnusedParameters): mark newly unused ones with `_`. */
  markUnusedParameters = false,
  /** Receives the unused variables kept for their initializers' effects. */
  notes: KeptDeclaration[] = [],
): string {
  const before = UsedBefore.of(file, original);
  // By declaration, rewritten each round so that the line numbers are the final text's.
  const kept = new Map<string, KeptDeclaration>();
  const anchors = new Map<string, { text: string; near: number }>();
  let text = current;
  for (let round = 0; round < 20; round++) {
    const uses = BindingUses.of(file, text);
    const sf = uses.sf;
    const after = countIdentifiers(sf);
    const keepForJsx = jsxFactoryNames(sf);
    // Unused now: only its own declaration mentions the binding (by symbol; by name where the
    // checker cannot tell). Used before: its original declaration was mentioned elsewhere too.
    const unused = (name: ts.Identifier): boolean =>
      (uses.mentions(name) ?? after.get(name.text) ?? 0) === 1 && before.wasUsed(name) && !keepForJsx.has(name.text);
    // `const featureFlags = useFeatureFlags()` where `featureFlags` is the flag collection the removed
    // references read: the call only handed the flags out, and its holder goes with the last read.
    const droppable = (init: ts.Expression | undefined, holder?: readonly string[]): boolean =>
      !init ||
      (holder !== undefined && holder.some((h) => accessors.has(h)) && isCallOfNames(init)) ||
      isPure(init) ||
      isSdkAccessorCall(init, accessors) ||
      isPureCall(init, file) ||
      isRequireCall(init) ||
      isReadQuery(init);
    const keep = (d: ts.VariableDeclaration, callOnly = false): void => {
      const id = ts.isIdentifier(d.name)
        ? declarationKey(d.name)
        : `${d.name.getText(sf)}=${d.initializer!.getText(sf)}`;
      const names: string[] = [];
      collectBindingNames(d.name, names);
      anchors.set(id, { text: d.initializer!.getText(sf), near: d.initializer!.getStart(sf) });
      kept.set(id, {
        line: sf.getLineAndCharacterOfPosition(d.getStart(sf)).line,
        names,
        message: callOnly
          ? `'${d.name.getText(sf)}' is no longer used; the hook call \`${truncate(d.initializer!.getText(sf))}\` stays for its effects; delete it if it has none.`
          : `'${d.name.getText(sf)}' is no longer used, but \`${truncate(d.initializer!.getText(sf))}\` may have effects, so the declaration is kept; delete it if it has none.`,
      });
    };
    // `let org = null; … org = await db.org.findFirst(…);` whose reads all went with the flag.
    const writeOnly = (name: ts.Identifier): readonly ts.Statement[] | undefined => {
      const writes = uses.assignments(name);
      if (!writes || writes.length === 0 || !before.wasRead(name) || keepForJsx.has(name.text)) return undefined;
      const reads = uses.reads(name);
      if (reads === 0) return writes;
      // `if (org === undefined) org = await db.organization.findFirst(…);` as its only reads, where
      // the original read it elsewhere too: the lookup only feeds its own guard (lookupGuards.ts).
      const guards = writes.map((w) => lookupGuardOf(w, name.text));
      if (reads === undefined || guards.some((g) => !g) || reads !== guards.length) return undefined;
      if (before.readCount(name) <= reads) return undefined;
      return guards as ts.IfStatement[];
    };
    const edits = collectRemovals(original, sf, unused, droppable, keep, writeOnly);
    // `let migrated = check();` whose reassignments all went with the flag: `const`, as the
    // project's lint (prefer-const) would ask of the diff.
    if (edits.length === 0)
      edits.push(...constForLet(sf, (name) => uses.isReassigned(name) === false && before.wasReassigned(name)));
    if (edits.length === 0) {
      // Once nothing more goes, the parameters left unused (renaming earlier could overlap a removal).
      if (markUnusedParameters) text = applyOffsetEdits(text, parameterRenames(sf, parseFile(file, original)));
      break;
    }
    text = applyOffsetEdits(text, edits);
  }
  // Lines of the final text: a hook call kept as a statement is no longer a declaration to re-find.
  // The occurrence nearest to where it was: the same call can stand elsewhere in the file too.
  for (const [id, note] of kept) {
    const anchor = anchors.get(id);
    if (!anchor) continue;
    let best = -1;
    for (let at = text.indexOf(anchor.text); at >= 0; at = text.indexOf(anchor.text, at + 1)) {
      if (best < 0 || Math.abs(at - anchor.near) < Math.abs(best - anchor.near)) best = at;
    }
    if (best >= 0) note.line = text.slice(0, best).split('\n').length - 1;
  }
  notes.push(...kept.values());
  return text;
}

function isHookCall(init: ts.Expression): boolean {
  if (!ts.isCallExpression(init)) return false;
  const callee = init.expression;
  const name = ts.isIdentifier(callee)
    ? callee.text
    : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'React'
      ? callee.name.text
      : '';
  return /^use[A-Z0-9]/.test(name);
}

/** `useFeatureFlags()`, `getFlags(org.id)`: a call whose arguments are names and literals. */
function isCallOfNames(init: ts.Expression): boolean {
  let expr = skipInnerTransparent(init);
  if (ts.isAwaitExpression(expr)) expr = skipInnerTransparent(expr.expression);
  return ts.isCallExpression(expr) && expr.arguments.every(isPure);
}

/** `require('./flags')`: goes with its last binding, as an unused ES import does. */
function isRequireCall(init: ts.Expression): boolean {
  return (
    ts.isCallExpression(init) &&
    ts.isIdentifier(init.expression) &&
    init.expression.text === 'require' &&
    init.arguments.length === 1 &&
    ts.isStringLiteral(init.arguments[0]!)
  );
}

function truncate(code: string): string {
  const oneLine = code.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

function collectRemovals(
  original: string,
  sf: ts.SourceFile,
  unused: (name: ts.Identifier) => boolean,
  droppable: (init: ts.Expression | undefined, holder?: readonly string[]) => boolean,
  keep: (d: ts.VariableDeclaration, callOnly?: boolean) => void,
  writeOnly: (name: ts.Identifier) => readonly ts.Statement[] | undefined = () => undefined,
): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  const statements = new Set<ts.Statement>();
  const module = isModuleFile(sf);
  const visit = (node: ts.Node): void => {
    // A script's top-level names are globals other scripts may use.
    const topLevel = node.parent === sf;
    if (topLevel && !module) return;
    // `if (!user.admin) { }` once the cleanup emptied it: with a pure condition it goes, comment and all.
    if (
      ts.isIfStatement(node) &&
      !node.elseStatement &&
      ts.isBlock(node.thenStatement) &&
      /^\{\s*\}$/.test(node.thenStatement.getText(sf)) &&
      isPure(node.expression) &&
      !original.includes(node.getText(sf))
    ) {
      statements.add(node);
      return;
    }
    if (ts.isImportDeclaration(node)) {
      const removal = importRemovals(sf, node, unused);
      if (removal === 'all') statements.add(node);
      else edits.push(...removal);
      return;
    }
    if (ts.isVariableStatement(node)) {
      // An exported declaration stays, but what its initializer holds (`export const Page = () => {...}`) is cleaned like any other code.
      if (hasExportModifier(node)) {
        node.forEachChild(visit);
        return;
      }
      const assigned = writeOnlyRemovals(sf, node, droppable, writeOnly);
      if (assigned) {
        statements.add(node);
        assigned.statements.forEach((s) => statements.add(s));
        edits.push(...assigned.edits);
        return;
      }
      const removal = variableRemovals(sf, node, unused, droppable, keep);
      if (removal === 'all') {
        statements.add(node);
        return;
      }
      if (removal) {
        edits.push(...removal);
        return;
      }
    } else if (
      (ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isInterfaceDeclaration(node) ||
        ts.isTypeAliasDeclaration(node) ||
        ts.isEnumDeclaration(node)) &&
      node.name &&
      !hasExportModifier(node) &&
      !(ts.isFunctionDeclaration(node) && !node.body) &&
      unused(node.name)
    ) {
      statements.add(node);
      return;
    }
    node.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return [...edits, ...statementRemovals(sf, statements)];
}

/**
 * A `let` that is now only assigned, never read: the declaration goes, an assignment of a value
 * with no effects goes (a read query, a literal), and any other keeps its call as a statement
 * (`await audit.record(…);`): the variable was only ever the way to its result.
 */
function writeOnlyRemovals(
  sf: ts.SourceFile,
  statement: ts.VariableStatement,
  droppable: (init: ts.Expression | undefined, holder?: readonly string[]) => boolean,
  writeOnly: (name: ts.Identifier) => readonly ts.Statement[] | undefined,
): { statements: ts.Statement[]; edits: OffsetEdit[] } | undefined {
  const list = statement.declarationList;
  if (list.flags & ts.NodeFlags.Const || list.declarations.length !== 1) return undefined;
  const d = list.declarations[0]!;
  if (!ts.isIdentifier(d.name) || !droppable(d.initializer)) return undefined;
  const writes = writeOnly(d.name);
  if (!writes) return undefined;
  const statements: ts.Statement[] = [];
  const edits: OffsetEdit[] = [];
  for (const w of writes) {
    if (ts.isIfStatement(w)) {
      // A guarded lookup goes whole, and only when the lookup is a read: a call with effects keeps all.
      const then = w.thenStatement;
      const write = (ts.isBlock(then) ? guardBlockWrite(then) : then) as ts.ExpressionStatement;
      if (!droppable((write.expression as ts.BinaryExpression).right)) return undefined;
      if (ts.isBlock(then) && !guardBlockSteps(then).every((d) => droppable(d.initializer))) return undefined;
      statements.push(w);
      continue;
    }
    const value = ((w as ts.ExpressionStatement).expression as ts.BinaryExpression).right;
    if (droppable(value)) statements.push(w);
    else {
      const expression = (w as ts.ExpressionStatement).expression;
      edits.push({ start: expression.getStart(sf), end: expression.end, text: value.getText(sf) });
    }
  }
  return { statements, edits };
}

function constForLet(sf: ts.SourceFile, noLongerReassigned: (name: ts.Identifier) => boolean): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isVariableDeclarationList(node) &&
      (node.flags & ts.NodeFlags.Let) !== 0 &&
      !ts.isForStatement(node.parent) &&
      !ts.isForOfStatement(node.parent) &&
      !ts.isForInStatement(node.parent)
    ) {
      const simple = node.declarations.every((d) => ts.isIdentifier(d.name) && d.initializer !== undefined);
      if (simple && node.declarations.every((d) => noLongerReassigned(d.name as ts.Identifier))) {
        const start = node.getStart(sf);
        edits.push({ start, end: start + 3, text: 'const' });
      }
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return edits;
}

function importRemovals(
  sf: ts.SourceFile,
  decl: ts.ImportDeclaration,
  unused: (name: ts.Identifier) => boolean,
): OffsetEdit[] | 'all' {
  const clause = decl.importClause;
  if (!clause) return [];
  const named = clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
  const namespace =
    clause.namedBindings && ts.isNamespaceImport(clause.namedBindings) ? clause.namedBindings : undefined;
  const defaultGone = clause.name ? unused(clause.name) : true;
  const namespaceGone = namespace ? unused(namespace.name) : true;
  const removedNamed = new Set(named?.elements.filter((e) => unused(e.name)) ?? []);
  const namedGone = !named || (named.elements.length > 0 && removedNamed.size === named.elements.length);
  const anyRemoved = (clause.name && defaultGone) || (namespace && namespaceGone) || removedNamed.size > 0;
  if (!anyRemoved) return [];
  if (defaultGone && namespaceGone && namedGone && (named?.elements.length ?? 1) > 0) return 'all';
  const edits: OffsetEdit[] = [];
  if (clause.name && defaultGone && clause.namedBindings) {
    edits.push({ start: clause.name.getStart(sf), end: clause.namedBindings.getStart(sf), text: '' });
  }
  if (clause.name && !defaultGone && clause.namedBindings && ((namespace && namespaceGone) || (named && namedGone))) {
    edits.push({ start: clause.name.end, end: clause.namedBindings.end, text: '' });
  } else if (named && removedNamed.size > 0) {
    const collapsed = collapsedImport(sf, decl, named, removedNamed);
    edits.push(...(collapsed ? [collapsed] : (removeListElements(sf, named.elements, removedNamed) ?? [])));
  }
  return edits;
}

/** The width formatters wrap an import at (Prettier's default print width). */
const IMPORT_WIDTH = 80;

/**
 * `import {\n  FLAG_KEY,\n  isGloballyEnabled,\n} from '…'` left with one name: the one line a
 * formatter writes for it (`import { isGloballyEnabled } from '…';`) where it fits, rather than a
 * list of one spread over three lines. Lists with comments in them keep their lines.
 */
function collapsedImport(
  sf: ts.SourceFile,
  decl: ts.ImportDeclaration,
  named: ts.NamedImports,
  removed: ReadonlySet<ts.ImportSpecifier>,
): OffsetEdit | undefined {
  const kept = named.elements.filter((e) => !removed.has(e));
  const text = sf.text;
  const inner = text.slice(named.getStart(sf), named.end);
  if (kept.length !== 1 || !inner.includes('\n') || /\/\/|\/\*/.test(inner)) return undefined;
  const start = decl.getStart(sf);
  if (start !== lineStartAt(text, start)) return undefined;
  // The file's own brace spacing: `{ a }` unless its one-line imports write `{a}`.
  const spaced = !/^import\s*(?:type\s+)?\{\S[^\n]*\S\}\s*from/m.test(text);
  const braces = spaced ? `{ ${kept[0]!.getText(sf)} }` : `{${kept[0]!.getText(sf)}}`;
  const line = text.slice(start, named.getStart(sf)) + braces + text.slice(named.end, decl.end);
  if (line.includes('\n') || line.length > IMPORT_WIDTH) return undefined;
  return { start: named.getStart(sf), end: named.end, text: braces };
}

/**
 * The names a declaration holds the call's result under: `featureFlags` of `const featureFlags =
 * useFeatureFlags()`, and `isFeatureEnabled` of `const { isFeatureEnabled } = useFeatureFlags()`.
 */
function holderNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  if (!ts.isObjectBindingPattern(name)) return [];
  // The local name is what the removed calls were made through; the property, what the call handed out.
  return name.elements.flatMap((e) => [
    ...(ts.isIdentifier(e.name) ? [e.name.text] : []),
    ...(e.propertyName && ts.isIdentifier(e.propertyName) ? [e.propertyName.text] : []),
  ]);
}

function variableRemovals(
  sf: ts.SourceFile,
  statement: ts.VariableStatement,
  unused: (name: ts.Identifier) => boolean,
  droppable: (init: ts.Expression | undefined, holder?: readonly string[]) => boolean,
  keep: (d: ts.VariableDeclaration, callOnly?: boolean) => void,
): OffsetEdit[] | 'all' | undefined {
  const decls = statement.declarationList.declarations;
  const removed = new Set<ts.VariableDeclaration>();
  const edits: OffsetEdit[] = [];
  for (const d of decls) {
    if (ts.isIdentifier(d.name)) {
      if (unused(d.name)) removed.add(d);
    } else if (ts.isObjectBindingPattern(d.name)) {
      // With a rest element every named binding decides what the rest holds: removing `isAPI`
      // from `{ isAPI, ...user }` would put `isAPI` into `user`, a behaviour change.
      if (d.name.elements.some((e) => e.dotDotDotToken)) continue;
      const literal = d.initializer && skipInnerTransparent(d.initializer);
      const source = literal && ts.isObjectLiteralExpression(literal) ? literal : undefined;
      // From an object literal, the property goes with its binding (an excess property is TS2353);
      // a binding whose property has effects or is not found stays.
      const propertyOf = (e: ts.BindingElement): ts.ObjectLiteralElementLike | undefined => {
        const key =
          e.propertyName && ts.isIdentifier(e.propertyName)
            ? e.propertyName.text
            : ts.isIdentifier(e.name)
              ? e.name.text
              : undefined;
        return source?.properties.find(
          (p) =>
            (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
            ts.isIdentifier(p.name) &&
            p.name.text === key &&
            (!ts.isPropertyAssignment(p) || isPure(p.initializer)),
        );
      };
      const gone = new Set(
        d.name.elements.filter(
          (e) => ts.isIdentifier(e.name) && !e.dotDotDotToken && unused(e.name) && (!source || propertyOf(e)),
        ),
      );
      if (gone.size === 0) continue;
      const listEdits = removeListElements(sf, d.name.elements, gone);
      if (listEdits) {
        edits.push(...listEdits);
        if (source)
          edits.push(
            ...(removeListElements(
              sf,
              source.properties,
              new Set([...gone].map(propertyOf).filter((p): p is ts.ObjectLiteralElementLike => p !== undefined)),
            ) ?? []),
          );
      } else removed.add(d);
    } else if (ts.isArrayBindingPattern(d.name)) {
      // `const [open, setOpen] = useState(false)`: all or nothing (`[, setOpen]` reads badly).
      const names = d.name.elements.filter((e): e is ts.BindingElement => !ts.isOmittedExpression(e));
      if (names.length > 0 && names.every((e) => ts.isIdentifier(e.name) && !e.dotDotDotToken && unused(e.name)))
        removed.add(d);
    }
  }
  if (removed.size === 0) return edits.length ? edits : undefined;
  const pureRemoved = new Set([...removed].filter((d) => droppable(d.initializer, holderNames(d.name))));
  const effects = [...removed].filter((d) => !pureRemoved.has(d));
  if (pureRemoved.size === decls.length) return 'all';
  // A hook that fetches or subscribes (`useQuery(...)`) keeps running, its unused result goes:
  // hooks are called for their effects as often as for their values.
  if (removed.size === decls.length && effects.every((d) => isHookCall(d.initializer!))) {
    effects.forEach((d) => keep(d, true));
    return [
      {
        start: statement.getStart(sf),
        end: statement.end,
        text: effects.map((d) => `${d.initializer!.getText(sf)};`).join(' '),
      },
    ];
  }
  effects.forEach((d) => keep(d));
  if (pureRemoved.size === 0) return edits.length ? edits : undefined;
  return [...edits, ...(removeListElements(sf, decls, pureRemoved, false) ?? [])];
}

/**
 * `function f(userId: string)` whose only use of `userId` went with the flag: the signature stays
 * (callers pass it), the name gets the `_` that tells the compiler the parameter is unused on purpose.
 * Parameters are matched to the original by function name, parameter list and name, and only those
 * that were used there are renamed.
 */
function parameterRenames(sf: ts.SourceFile, original: ts.SourceFile): OffsetEdit[] {
  const usedBefore = new Set(unusedParameters(original, false).map((p) => p.id));
  const edits: OffsetEdit[] = [];
  const counts = countIdentifiers(sf);
  for (const p of unusedParameters(sf, true)) {
    if (usedBefore.has(p.id) && !counts.has(`_${p.name.text}`))
      edits.push({ start: p.name.getStart(sf), end: p.name.end, text: `_${p.name.text}` });
  }
  return edits;
}

/** Plain parameters (no `_` prefix, no parameter properties) that are unused (`unused`) or used (`!unused`) in their function. */
function unusedParameters(sf: ts.SourceFile, unused: boolean): { id: string; name: ts.Identifier }[] {
  const out: { id: string; name: ts.Identifier }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node;
      const paramsText = fn.parameters.map((p) => p.getText(sf)).join(',');
      for (const p of fn.parameters) {
        const name = p.name;
        if (
          !ts.isIdentifier(name) ||
          name.text.startsWith('_') ||
          name.text === 'this' ||
          (ts.getModifiers(p) ?? []).length > 0
        )
          continue;
        const isUnused =
          !mentionsOutside(fn.body!, name.text) &&
          !fn.parameters.some((q) => q !== p && q.initializer && mentionsOutside(q.initializer, name.text));
        if (isUnused === unused) out.push({ id: `${functionName(fn)}(${paramsText})#${name.text}`, name });
      }
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return out;
}

function functionName(fn: ts.FunctionLikeDeclaration): string {
  if (fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteral(fn.name))) return fn.name.text;
  const parent = fn.parent;
  if (
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) &&
    ts.isIdentifier(parent.name)
  )
    return parent.name.text;
  return '';
}

/** Any reference identifier with this name in the subtree (shadowing makes this conservative). */
function mentionsOutside(node: ts.Node, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n)) {
      if (n.text === name && isReferenceIdentifier(n)) found = true;
      return;
    }
    n.forEachChild(visit);
  };
  visit(node);
  return found;
}

/** Names JSX compiles to calls of (React for the classic runtime, a `@jsx` pragma's factory). */
function jsxFactoryNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  let hasJsx = false;
  const visit = (n: ts.Node): void => {
    if (hasJsx) return;
    if (ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n)) hasJsx = true;
    else n.forEachChild(visit);
  };
  visit(sf);
  if (!hasJsx) return names;
  names.add('React');
  const pragma = /@jsx\s+([A-Za-z_$][\w$]*)/.exec(sf.text);
  if (pragma) names.add(pragma[1]!);
  const frag = /@jsxFrag\s+([A-Za-z_$][\w$]*)/.exec(sf.text);
  if (frag) names.add(frag[1]!);
  return names;
}
