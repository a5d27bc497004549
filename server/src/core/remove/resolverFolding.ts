import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { FlagReference, Location } from '../model';
import { createBindingProgram } from './bindingProgram';
import type { ProjectOptions } from './compilerOptions';
import { literalText, namedFunction, tryParse, type FunctionWithBody } from './constantReturnHints';
import type { FlagValue } from './flagValue';
import { foldLeftLiterals } from './literalFolding';
import { rewriteFile } from './rewriteFile';
import { hasExportModifier } from './syntax';
import type { Workspace } from './workspace';

/**
 * A resolver is a function whose only job was the flag (`async function hasAiAccess(org) { return
 * flags({ key: 'has-ai-access', … }) }`); the removal leaves it as `return true`. A senior engineer
 * folds the answer into its callers and deletes the function, so this does, where that is safe:
 *
 * - only functions the removal changed and reduced to a single `return <literal>` (a constant the
 *   project wrote itself is its design);
 * - only calls whose arguments have no effects (dropping them drops nothing), used as a value
 *   (`await hasX(o)`, `hasX(o)`, or an element of an awaited `Promise.all`), not stored in a `let`
 *   or assigned (a variable that is assigned again would take the literal everywhere);
 * - a local resolver is folded at every call in its file, and the cleanup then deletes it once
 *   unused; an exported one is folded only in files the removal already changed (the diff does not
 *   grow into files the flag never touched) and is kept, with the hint that lists its other callers.
 *
 * The folded calls then go through the same rewrite as the flag's own evaluations.
 */
export function foldConstantResolvers(workspace: Workspace, projects: ProjectOptions): boolean {
  const changed = workspace.changedFiles().filter((f) => /\.[cm]?[jt]sx?$/.test(f));
  const resolvers = changed.flatMap((file) => constantResolvers(workspace, file));
  if (resolvers.length === 0) return false;
  let folded = false;
  for (const file of changed) {
    const own = resolvers.filter((r) => r.file === file);
    const imported = resolvers.filter((r) => r.file !== file && r.exported);
    if (own.length === 0 && imported.length === 0) continue;
    let text = workspace.text(file);
    let program = createBindingProgram(new Map([[file, text]]));
    let sf = program.getSourceFile(file);
    if (!sf) continue;
    let checker = program.getTypeChecker();
    const symbols = (): { symbol: ts.Symbol; literal: string }[] => {
      const out: { symbol: ts.Symbol; literal: string }[] = [];
      for (const resolver of own) {
        const decl = findFunction(sf!, resolver);
        const symbol = decl && checker.getSymbolAtLocation(decl.nameNode);
        if (symbol) out.push({ symbol, literal: resolver.literal });
      }
      for (const resolver of imported)
        for (const local of importedBindings(sf!, file, resolver, projects)) {
          const symbol = checker.getSymbolAtLocation(local);
          if (symbol) out.push({ symbol, literal: resolver.literal });
        }
      return out;
    };
    const promoted = promoteRetryLets(sf, checker, symbols());
    if (promoted !== undefined) {
      text = promoted;
      program = createBindingProgram(new Map([[file, text]]));
      sf = program.getSourceFile(file);
      if (!sf) continue;
      checker = program.getTypeChecker();
    }
    const byValue = new Map<string, ts.CallExpression[]>();
    const add = (resolver: Resolver, calls: ts.CallExpression[]): void => {
      if (calls.length === 0) return;
      byValue.set(resolver.literal, [...(byValue.get(resolver.literal) ?? []), ...calls]);
    };
    for (const resolver of own) {
      const decl = findFunction(sf, resolver);
      const symbol = decl && checker.getSymbolAtLocation(decl.nameNode);
      if (symbol) add(resolver, foldableCalls(sf, checker, symbol));
    }
    for (const resolver of imported) {
      for (const local of importedBindings(sf, file, resolver, projects)) {
        const symbol = checker.getSymbolAtLocation(local);
        if (symbol) add(resolver, foldableCalls(sf, checker, symbol));
      }
    }
    // One value per round: a rewrite freezes every reference it is given at one value; the caller
    // runs another round for the rest (and for resolvers that only called a folded one).
    const first = [...byValue].find(([, calls]) => calls.length > 0);
    const rewritten = first && rewriteCalls(sf, checker, file, first[1], first[0]);
    if (rewritten !== undefined && rewritten !== workspace.text(file)) {
      workspace.setText(file, foldLeftLiterals(file, workspace.original(file), rewritten));
      folded = true;
    }
  }
  return folded;
}

interface Resolver {
  file: string;
  name: string;
  /** The literal it returns, as source text (`true`, `'test'`). */
  literal: string;
  exported: boolean;
  /** Where the function starts in the current text (to find it again). */
  start: number;
}

function constantResolvers(workspace: Workspace, file: string): Resolver[] {
  const original = workspace.original(file);
  const sf = tryParse(file, workspace.text(file));
  if (!sf) return [];
  const out: Resolver[] = [];
  const visit = (node: ts.Node): void => {
    const named = namedFunction(node);
    if (named && !ts.isMethodDeclaration(named.fn) && !original.includes(named.fn.getText(sf))) {
      const literal = singleReturn(named.fn);
      if (literal !== undefined)
        out.push({ file, name: named.name, literal, exported: isExported(node), start: node.getStart(sf) });
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return out;
}

/** The literal of a body that is nothing but `return <literal>` (or an arrow's literal body). */
function singleReturn(fn: FunctionWithBody): string | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (fn.parameters.some((p) => p.initializer !== undefined)) return undefined; // a default may have effects
  if (!ts.isBlock(body)) return literalText(body);
  if (body.statements.length !== 1) return undefined;
  const only = body.statements[0]!;
  return ts.isReturnStatement(only) && only.expression ? literalText(only.expression) : undefined;
}

function isExported(node: ts.Node): boolean {
  if (ts.isFunctionDeclaration(node)) return hasExportModifier(node);
  if (ts.isVariableDeclaration(node)) {
    const statement = node.parent.parent;
    return ts.isVariableStatement(statement) && hasExportModifier(statement);
  }
  return false;
}

function findFunction(sf: ts.SourceFile, resolver: Resolver): { nameNode: ts.Identifier } | undefined {
  let found: { nameNode: ts.Identifier } | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const named = namedFunction(node);
    if (named && named.name === resolver.name && node.getStart(sf) === resolver.start) {
      const nameNode = (node as ts.FunctionDeclaration | ts.VariableDeclaration).name;
      if (nameNode && ts.isIdentifier(nameNode)) found = { nameNode };
      return;
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return found;
}

/** The local names of `import { resolver } from '<its file>'` in this file. */
function importedBindings(
  sf: ts.SourceFile,
  file: string,
  resolver: Resolver,
  projects: ProjectOptions,
): ts.Identifier[] {
  const out: ts.Identifier[] = [];
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings) || statement.importClause?.isTypeOnly) continue;
    const elements = bindings.elements.filter(
      (e) => !e.isTypeOnly && (e.propertyName ?? e.name).text === resolver.name,
    );
    if (elements.length === 0) continue;
    const options = projects.for(file);
    const resolved = ts.resolveModuleName(
      statement.moduleSpecifier.text,
      file,
      { ...options, allowJs: true, moduleResolution: options.moduleResolution ?? ts.ModuleResolutionKind.Bundler },
      ts.sys,
    ).resolvedModule;
    if (resolved && path.resolve(resolved.resolvedFileName) === path.resolve(resolver.file))
      out.push(...elements.map((e) => e.name));
  }
  return out;
}

/**
 * `let migrated = isOrgMigrated(d); if (!migrated && …) { …; migrated = isOrgMigrated(d2); }`: a
 * first answer, asked again only while it is not yet the answer the resolver now always gives. Every
 * write is the same resolver's call, and each retry sits under an `if` that the folded value decides
 * dead (`!migrated` for a truthy literal, `migrated` for a falsy one), so the variable holds the
 * literal everywhere: the `let` becomes a `const` the fold can go through, and the retry goes with
 * its dead branch. Returns the new text, or undefined when there is no such `let`.
 */
function promoteRetryLets(
  sf: ts.SourceFile,
  checker: ts.TypeChecker,
  resolvers: readonly { symbol: ts.Symbol; literal: string }[],
): string | undefined {
  if (resolvers.length === 0) return undefined;
  const literalOf = (expr: ts.Expression | undefined): string | undefined => {
    let e = expr;
    while (e && (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e))) e = e.expression;
    if (!e || !ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || e.questionDotToken) return undefined;
    if (!e.arguments.every(isEffectFree)) return undefined;
    const symbol = checker.getSymbolAtLocation(e.expression);
    return resolvers.find((r) => r.symbol === symbol)?.literal;
  };
  const edits: { start: number; end: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isVariableDeclarationList(node) &&
      (node.flags & ts.NodeFlags.BlockScoped) === (ts.NodeFlags.Let as number) &&
      node.declarations.length === 1 &&
      ts.isVariableStatement(node.parent)
    ) {
      const decl = node.declarations[0]!;
      const literal = literalOf(decl.initializer);
      if (ts.isIdentifier(decl.name) && literal !== undefined && onlyRetries(decl.name, literal)) {
        const start = node.getStart(sf);
        if (sf.text.startsWith('let', start)) edits.push({ start, end: start + 3 });
      }
    }
    node.forEachChild(visit);
  };
  const onlyRetries = (name: ts.Identifier, literal: string): boolean => {
    const symbol = checker.getSymbolAtLocation(name);
    const value = literalValueOf(literal);
    if (!symbol || value === undefined) return false;
    let writes = 0;
    let ok = true;
    const scan = (n: ts.Node): void => {
      if (!ok) return;
      if (ts.isIdentifier(n) && n !== name && n.text === name.text && checker.getSymbolAtLocation(n) === symbol) {
        const p = n.parent;
        if (ts.isBinaryExpression(p) && p.left === n && isAssignment(p.operatorToken.kind)) {
          writes++;
          ok =
            p.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
            ts.isExpressionStatement(p.parent) &&
            literalOf(p.right) === literal &&
            underDeadRetry(p.parent, name.text, Boolean(value));
        } else if (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) {
          ok = !(
            ts.isPostfixUnaryExpression(p) ||
            [ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken].includes(p.operator)
          );
        } else if (
          ts.isShorthandPropertyAssignment(p) ||
          ts.isArrayLiteralExpression(p) ||
          ts.isObjectLiteralExpression(p)
        ) {
          // Possibly a destructuring assignment target: not a plain read.
          ok = false;
        }
        return;
      }
      n.forEachChild(scan);
    };
    scan(sf);
    return ok && writes > 0;
  };
  visit(sf);
  if (edits.length === 0) return undefined;
  let text = sf.text;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    text = text.slice(0, e.start) + 'const' + text.slice(e.end);
  return text;
}

/** The statement is in the then-branch of an `if` whose condition starts with `!name` (or `name` for a falsy value). */
function underDeadRetry(statement: ts.Statement, name: string, truthy: boolean): boolean {
  for (let n: ts.Node = statement; n.parent && !ts.isFunctionLike(n); n = n.parent) {
    const p = n.parent;
    if (!ts.isIfStatement(p) || p.thenStatement !== n) continue;
    let first: ts.Expression = p.expression;
    while (ts.isBinaryExpression(first) && first.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
      first = first.left;
    while (ts.isParenthesizedExpression(first)) first = first.expression;
    if (truthy)
      return (
        ts.isPrefixUnaryExpression(first) &&
        first.operator === ts.SyntaxKind.ExclamationToken &&
        ts.isIdentifier(first.operand) &&
        first.operand.text === name
      );
    return ts.isIdentifier(first) && first.text === name;
  }
  return false;
}

/** Calls of the function (by symbol, so a shadowing local is not one) that can become its value. */
function foldableCalls(sf: ts.SourceFile, checker: ts.TypeChecker, symbol: ts.Symbol): ts.CallExpression[] {
  const out: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      checker.getSymbolAtLocation(node.expression) === symbol &&
      !node.questionDotToken &&
      node.arguments.every(isEffectFree) &&
      usedAsValue(node)
    )
      out.push(node);
    node.forEachChild(visit);
  };
  visit(sf);
  return out;
}

/** Arguments whose evaluation does nothing: names, property reads (and spreads), literals, `this`. */
function isEffectFree(expr: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(expr) || ts.isNonNullExpression(expr) || ts.isAsExpression(expr))
    return isEffectFree(expr.expression);
  if (ts.isIdentifier(expr) || expr.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (literalText(expr) !== undefined || expr.kind === ts.SyntaxKind.UndefinedKeyword) return true;
  if (ts.isPropertyAccessExpression(expr)) return isEffectFree(expr.expression);
  if (ts.isElementAccessExpression(expr)) return isEffectFree(expr.expression) && isEffectFree(expr.argumentExpression);
  if (ts.isObjectLiteralExpression(expr))
    return expr.properties.every(
      (p) =>
        (ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && isEffectFree(p.initializer)) ||
        ts.isShorthandPropertyAssignment(p) ||
        // `{ ...decision, planType }`: reads the properties, as a property read does.
        (ts.isSpreadAssignment(p) && isEffectFree(p.expression)),
    );
  if (ts.isArrayLiteralExpression(expr)) return expr.elements.every((e) => !ts.isSpreadElement(e) && isEffectFree(e));
  if (ts.isTemplateExpression(expr)) return expr.templateSpans.every((s) => isEffectFree(s.expression));
  if (ts.isBinaryExpression(expr))
    return !isAssignment(expr.operatorToken.kind) && isEffectFree(expr.left) && isEffectFree(expr.right);
  if (ts.isConditionalExpression(expr))
    return isEffectFree(expr.condition) && isEffectFree(expr.whenTrue) && isEffectFree(expr.whenFalse);
  if (ts.isPrefixUnaryExpression(expr))
    return (
      expr.operator !== ts.SyntaxKind.PlusPlusToken &&
      expr.operator !== ts.SyntaxKind.MinusMinusToken &&
      isEffectFree(expr.operand)
    );
  if (ts.isTypeOfExpression(expr)) return isEffectFree(expr.expression);
  return false;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/**
 * The call is read for its value: awaited, a condition or operand, an initializer of a const, an
 * element of `await Promise.all([...])`. Not a `let` (it may be assigned again) or an assignment.
 */
function usedAsValue(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  if (ts.isAwaitExpression(node.parent)) {
    node = node.parent;
    while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  } else if (ts.isArrayLiteralExpression(node.parent)) {
    return awaitedPromiseAll(node.parent);
  }
  const parent = node.parent;
  if (ts.isExpressionStatement(parent)) return false;
  if (ts.isVariableDeclaration(parent)) {
    const list = parent.parent;
    return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
  }
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return false;
  return true;
}

function awaitedPromiseAll(list: ts.ArrayLiteralExpression): boolean {
  const call = list.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== list) return false;
  const callee = call.expression;
  if (
    !ts.isPropertyAccessExpression(callee) ||
    !ts.isIdentifier(callee.expression) ||
    callee.expression.text !== 'Promise' ||
    callee.name.text !== 'all'
  )
    return false;
  let outer: ts.Node = call;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  return ts.isAwaitExpression(outer.parent);
}

/** The file with the calls replaced by the literal and simplified, or undefined if one could not be. */
function rewriteCalls(
  sf: ts.SourceFile,
  checker: ts.TypeChecker,
  file: string,
  calls: readonly ts.CallExpression[],
  literal: string,
): string | undefined {
  const value = literalValueOf(literal);
  if (value === undefined) return undefined;
  const refs = calls.map((call) => syntheticReference(sf, file, call));
  const result = rewriteFile(sf, checker, refs, value);
  return result.leftInPlace > 0 ? undefined : result.text;
}

function literalValueOf(literal: string): FlagValue | undefined {
  if (literal === 'true') return true;
  if (literal === 'false') return false;
  if (literal === 'null') return null;
  if (/^-?\d/.test(literal)) return Number(literal);
  const quoted = /^(['"`])(.*)\1$/s.exec(literal);
  return quoted && !/[\\$]/.test(quoted[2]!) ? quoted[2] : undefined;
}

/** A call of a resolver, as the rewrite expects the flag's own evaluations. */
function syntheticReference(sf: ts.SourceFile, file: string, call: ts.CallExpression): FlagReference {
  const at = (pos: number): { line: number; character: number } => sf.getLineAndCharacterOfPosition(pos);
  const location: Location = { file, range: { start: at(call.getStart(sf)), end: at(call.end) } };
  const callee = (call.expression as ts.Identifier).text;
  return { key: callee, location, evaluation: location, kind: 'call', keyForm: 'literal', source: 'resolver', callee };
}
