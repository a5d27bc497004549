import { ts } from 'ts-morph';
import { ModuleResolver } from '../resolve/moduleResolver';
import { hasExportModifier, isPure, parseFile } from './syntax';
import type { Workspace } from './workspace';

/**
 * Knows when a call cannot have effects because the function it calls, found in the workspace, only
 * returns an expression built from its inputs (`contextFor(user)` returning `{ kind: 'user', key: user.id }`).
 * Lets the cleanup drop `const context = contextFor(user)` once `context` is unused, instead of
 * keeping the call as a statement.
 */
export class PurityOracle {
  private resolverInstance: ModuleResolver | undefined;
  private readonly memo = new Map<string, boolean>();
  /**
   * Custom hooks (`useIsMobile`) found to only read state, by name, with the file that defines them:
   * the evidence for dropping a call whose result is unused, which the summary names.
   */
  readonly valueHooks = new Map<string, string>();

  constructor(private readonly workspace: Workspace) {}

  /** Built on first use: it needs the workspace's file list. */
  private get resolver(): ModuleResolver {
    this.resolverInstance ??= new ModuleResolver(this.workspace.root, new Set(this.workspace.sourceFiles()), new Map());
    return this.resolverInstance;
  }

  isPureCall(expr: ts.Expression, file: string): boolean {
    if (!ts.isCallExpression(expr) || !ts.isIdentifier(expr.expression) || expr.questionDotToken) return false;
    if (!expr.arguments.every(isPure)) return false;
    const name = expr.expression.text;
    const pure = this.isPureFunction(expr.getSourceFile(), file, name, 0);
    if (pure && /^use[A-Z0-9]/.test(name) && !this.valueHooks.has(name))
      this.valueHooks.set(name, this.definitions.get(`${file}\0${name}`) ?? file);
    return pure;
  }

  /** Where each function looked up was defined (following imports), for the hint. */
  private readonly definitions = new Map<string, string>();

  private isPureFunction(sf: ts.SourceFile, file: string, name: string, depth: number): boolean {
    const id = `${file}\0${name}`;
    const hit = this.memo.get(id);
    if (hit !== undefined) return hit;
    this.memo.set(id, false); // recursion guard
    const result = depth < 4 && this.lookup(sf, file, name, depth);
    this.memo.set(id, result);
    if (!this.definitions.has(id)) this.definitions.set(id, file);
    return result;
  }

  private lookup(sf: ts.SourceFile, file: string, name: string, depth: number): boolean {
    for (const statement of sf.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name?.text === name)
        return returnsPureExpression(statement.body);
      if (ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.Const) {
        for (const d of statement.declarationList.declarations) {
          if (
            ts.isIdentifier(d.name) &&
            d.name.text === name &&
            d.initializer &&
            (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))
          ) {
            const body = d.initializer.body;
            return ts.isBlock(body) ? returnsPureExpression(body) : isPure(body);
          }
        }
      }
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const named = statement.importClause?.namedBindings;
        if (!named || !ts.isNamedImports(named)) continue;
        const spec = named.elements.find((e) => e.name.text === name);
        if (!spec) continue;
        const target = this.resolver.resolve(file, statement.moduleSpecifier.text);
        if (!target) return false;
        let text: string;
        try {
          text = this.workspace.text(target);
        } catch {
          return false;
        }
        const targetSf = parseFile(target, text);
        const exported = (spec.propertyName ?? spec.name).text;
        if (!exportsLocally(targetSf, exported)) return false;
        const pure = this.isPureFunction(targetSf, target, exported, depth + 1);
        this.definitions.set(`${file}\0${name}`, this.definitions.get(`${target}\0${exported}`) ?? target);
        return pure;
      }
    }
    return false;
  }
}

/**
 * A body that only declares (functions, types, constants with pure initializers) and then returns a
 * pure expression: a factory such as `function makeFlag(db) { async function flag(o) { ... } return
 * flag; }` creates a closure and runs none of it; a hook such as `useIsMobile()` that returns
 * `useSyncExternalStore(...)` or `useContext(...)` only reads state.
 */
function returnsPureExpression(body: ts.Block | undefined): boolean {
  if (!body || body.statements.length === 0) return false;
  const last = body.statements[body.statements.length - 1]!;
  const declarationsOnly = body.statements
    .slice(0, -1)
    .every(
      (s) =>
        ts.isFunctionDeclaration(s) ||
        ts.isInterfaceDeclaration(s) ||
        ts.isTypeAliasDeclaration(s) ||
        (ts.isVariableStatement(s) &&
          (s.declarationList.flags & ts.NodeFlags.Const) !== 0 &&
          s.declarationList.declarations.every((d) => d.initializer !== undefined && isPure(d.initializer))),
    );
  return declarationsOnly && ts.isReturnStatement(last) && last.expression !== undefined && isPure(last.expression);
}

function exportsLocally(sf: ts.SourceFile, name: string): boolean {
  return sf.statements.some((s) => {
    if (ts.isFunctionDeclaration(s)) return s.name?.text === name && hasExportModifier(s);
    if (ts.isVariableStatement(s))
      return (
        hasExportModifier(s) &&
        s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name)
      );
    return false;
  });
}
