import { ts } from 'ts-morph';
import { FLAG_MAP } from '../sdks';
import { propertyNameText, unwrap } from './syntax';

/**
 * A lexical scope, just enough to tell what an identifier in a key position is: a parameter of the
 * enclosing function (a wrapper), a local constant, a module-scope name (resolved across files
 * later), or something else. Declarations are collected when a scope is entered, so hoisting works.
 */
export type Binding =
  | { t: 'param'; fn?: string; index: number; prop?: string }
  | { t: 'local'; init?: ts.Expression; isConst: boolean }
  | { t: 'module' }
  /** `const flags = useFlags()` (LaunchDarkly React): its properties are flag evaluations. */
  | { t: 'flagsObject' }
  /** `const { flags } = props` / `this.props`: flag evaluations where the file uses LaunchDarkly React. */
  | { t: 'propsFlags' }
  | { t: 'other' };

export class Scope {
  private readonly names = new Map<string, Binding>();
  constructor(
    readonly parent: Scope | undefined,
    /** The named function this scope belongs to (for wrapper inference). */
    readonly fn: string | undefined,
  ) {}

  set(name: string, b: Binding): void {
    this.names.set(name, b);
  }

  lookup(name: string): Binding | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }
}

export function isFlagsHookCall(expr: ts.Expression | undefined): boolean {
  if (!expr) return false;
  let e = unwrap(expr);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  return (
    ts.isCallExpression(e) &&
    ts.isIdentifier(e.expression) &&
    e.expression.text === FLAG_MAP.name &&
    e.arguments.length === 0
  );
}

/** Declares what a block's statements introduce (var/let/const/function/class/enum). */
export function declareStatements(statements: readonly ts.Statement[], scope: Scope, moduleScope: boolean): void {
  for (const st of statements) {
    if (ts.isVariableStatement(st)) declareVariableList(st.declarationList, scope, moduleScope);
    else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && st.name) {
      scope.set(
        st.name.text,
        moduleScope ? { t: 'module' } : ts.isEnumDeclaration(st) ? { t: 'other' } : { t: 'other' },
      );
    } else if (moduleScope && ts.isImportDeclaration(st) && st.importClause) {
      const c = st.importClause;
      if (c.name) scope.set(c.name.text, { t: 'module' });
      const nb = c.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) scope.set(nb.name.text, { t: 'module' });
      if (nb && ts.isNamedImports(nb)) nb.elements.forEach((el) => scope.set(el.name.text, { t: 'module' }));
    } else if (moduleScope && ts.isImportEqualsDeclaration(st)) {
      scope.set(st.name.text, { t: 'module' });
    }
  }
}

export function declareVariableList(list: ts.VariableDeclarationList, scope: Scope, moduleScope: boolean): void {
  const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
  for (const d of list.declarations) {
    if (ts.isIdentifier(d.name)) {
      if (isFlagsHookCall(d.initializer)) scope.set(d.name.text, { t: 'flagsObject' });
      else scope.set(d.name.text, moduleScope ? { t: 'module' } : { t: 'local', init: d.initializer, isConst });
    } else {
      declareBindingNames(d.name, scope, moduleScope ? { t: 'module' } : { t: 'other' });
      if (ts.isObjectBindingPattern(d.name) && isPropsObject(d.initializer)) declarePropsFlags(d.name, scope);
    }
  }
}

/** `props` or `this.props`. */
function isPropsObject(expr: ts.Expression | undefined): boolean {
  if (!expr) return false;
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return e.text === 'props';
  return ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword && e.name.text === 'props';
}

function declarePropsFlags(pattern: ts.ObjectBindingPattern, scope: Scope): void {
  for (const el of pattern.elements) {
    const prop = propertyNameText(el.propertyName ?? (ts.isIdentifier(el.name) ? el.name : undefined));
    if (prop === 'flags' && ts.isIdentifier(el.name)) scope.set(el.name.text, { t: 'propsFlags' });
  }
}

export function declareBindingNames(name: ts.BindingName, scope: Scope, b: Binding): void {
  if (ts.isIdentifier(name)) {
    scope.set(name.text, b);
    return;
  }
  for (const el of name.elements) {
    if (ts.isBindingElement(el)) declareBindingNames(el.name, scope, b);
  }
}

/** Parameters of a function: plain names and the properties of a destructured first-level object. */
export function declareParameters(
  params: readonly ts.ParameterDeclaration[],
  scope: Scope,
  fn: string | undefined,
): void {
  params.forEach((p, index) => {
    if (ts.isIdentifier(p.name)) {
      scope.set(p.name.text, { t: 'param', fn, index });
    } else if (ts.isObjectBindingPattern(p.name)) {
      for (const el of p.name.elements) {
        const prop = propertyNameText(el.propertyName ?? (ts.isIdentifier(el.name) ? el.name : undefined));
        if (ts.isIdentifier(el.name)) scope.set(el.name.text, { t: 'param', fn, index, prop });
        else declareBindingNames(el.name, scope, { t: 'other' });
      }
    } else {
      declareBindingNames(p.name, scope, { t: 'other' });
    }
  });
}
