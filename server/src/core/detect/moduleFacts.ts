import { ts } from 'ts-morph';
import type { ExportBinding, FileFacts, ImportBinding, ValueFact } from './facts';
import { memberChain, propertyNameText, rangeOf, unwrap } from './syntax';

/**
 * The module-level facts of a file: imports, exports, and the constants, enums and objects that
 * can hold flag keys. ES modules and the CommonJS forms (`require`, `module.exports`) alike.
 */
export function collectModuleFacts(
  sf: ts.SourceFile,
): Pick<FileFacts, 'imports' | 'exports' | 'starExports' | 'values'> {
  const imports: Record<string, ImportBinding> = {};
  const exports: Record<string, ExportBinding> = {};
  const starExports: string[] = [];
  const values: Record<string, ValueFact> = {};
  if (sf.fileName.endsWith('.json')) {
    collectJsonModule(sf, values, exports);
    return { imports, exports, starExports, values };
  }

  for (const st of sf.statements) {
    const exported = hasExportModifier(st);
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause) {
      const from = st.moduleSpecifier.text;
      const c = st.importClause;
      if (c.name) imports[c.name.text] = { from, name: 'default' };
      const nb = c.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) imports[nb.name.text] = { from, name: '*' };
      if (nb && ts.isNamedImports(nb)) {
        for (const el of nb.elements) imports[el.name.text] = { from, name: (el.propertyName ?? el.name).text };
      }
    } else if (
      ts.isImportEqualsDeclaration(st) &&
      ts.isExternalModuleReference(st.moduleReference) &&
      ts.isStringLiteral(st.moduleReference.expression)
    ) {
      imports[st.name.text] = { from: st.moduleReference.expression.text, name: '*' };
    } else if (ts.isExportDeclaration(st)) {
      const from = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
      const clause = st.exportClause;
      if (!clause) {
        if (from) starExports.push(from);
      } else if (ts.isNamespaceExport(clause)) {
        if (from) exports[clause.name.text] = { from, name: '*' };
      } else {
        for (const el of clause.elements) {
          const local = (el.propertyName ?? el.name).text;
          exports[el.name.text] = from ? { from, name: local } : { local };
        }
      }
    } else if (ts.isExportAssignment(st)) {
      const e = unwrap(st.expression);
      if (ts.isIdentifier(e)) exports['default'] = { local: e.text };
      else {
        const v = valueOf(e, sf);
        if (v) values['default'] = v;
        exports['default'] = { local: 'default' };
      }
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        collectVariable(d, sf, values, imports);
        if (exported && ts.isIdentifier(d.name)) exports[d.name.text] = { local: d.name.text };
      }
    } else if (ts.isEnumDeclaration(st)) {
      values[st.name.text] = enumValue(st, sf);
      if (exported) exports[st.name.text] = { local: st.name.text };
    } else if (ts.isClassDeclaration(st) && st.name && hasStaticKeys(st)) {
      // `class Flags { static readonly NEW_CHECKOUT = 'new-checkout' }` holds keys like an object.
      values[st.name.text] = classStatics(st, sf);
      if (exported) exports[isDefaultExport(st) ? 'default' : st.name.text] = { local: st.name.text };
    } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && exported) {
      const isDefault = st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      const name = st.name?.text ?? 'default';
      exports[isDefault ? 'default' : name] = { local: name };
    } else if (ts.isExpressionStatement(st)) {
      collectCommonJsExport(st.expression, sf, values, exports);
    }
  }
  return { imports, exports, starExports, values };
}

function isDefaultExport(st: ts.Statement): boolean {
  return ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

function isStaticProperty(m: ts.ClassElement): m is ts.PropertyDeclaration {
  return (
    ts.isPropertyDeclaration(m) &&
    !!m.initializer &&
    (ts.getModifiers(m) ?? []).some((x) => x.kind === ts.SyntaxKind.StaticKeyword)
  );
}

function hasStaticKeys(st: ts.ClassDeclaration): boolean {
  return st.members.some(isStaticProperty);
}

function classStatics(st: ts.ClassDeclaration, sf: ts.SourceFile): ValueFact {
  const members: Record<string, ValueFact> = {};
  for (const m of st.members) {
    if (!isStaticProperty(m)) continue;
    const name = propertyNameText(m.name);
    const v = name !== undefined ? valueOf(m.initializer!, sf) : undefined;
    if (name !== undefined && v) members[name] = v;
  }
  return { kind: 'object', members, range: rangeOf(st.name ?? st, sf) };
}

/** A JSON module (`import settings from './settings.json'`): the document is the default export, its top-level members named exports. */
function collectJsonModule(
  sf: ts.SourceFile,
  values: Record<string, ValueFact>,
  exports: Record<string, ExportBinding>,
): void {
  const st = sf.statements[0];
  const v = st && ts.isExpressionStatement(st) ? valueOf(st.expression, sf) : undefined;
  if (!v) return;
  values['default'] = v;
  exports['default'] = { local: 'default' };
  if (v.kind !== 'object') return;
  for (const [name, member] of Object.entries(v.members)) {
    if (name === 'default') continue;
    values[name] = member;
    exports[name] = { local: name };
  }
}

function hasExportModifier(st: ts.Statement): boolean {
  return ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function collectVariable(
  d: ts.VariableDeclaration,
  sf: ts.SourceFile,
  values: Record<string, ValueFact>,
  imports: Record<string, ImportBinding>,
): void {
  const init = d.initializer ? unwrap(d.initializer) : undefined;
  const required = init && requireSpecifier(init);
  if (required !== undefined) {
    if (ts.isIdentifier(d.name)) imports[d.name.text] = { from: required, name: '*' };
    else if (ts.isObjectBindingPattern(d.name)) {
      for (const el of d.name.elements) {
        const imported = propertyNameText(el.propertyName ?? (ts.isIdentifier(el.name) ? el.name : undefined));
        if (ts.isIdentifier(el.name) && imported) imports[el.name.text] = { from: required, name: imported };
      }
    }
    return;
  }
  if (!init || !ts.isIdentifier(d.name)) return;
  const v = valueOf(init, sf);
  if (v) values[d.name.text] = v;
}

/** `require('x')` → 'x'. */
function requireSpecifier(e: ts.Expression): string | undefined {
  if (
    ts.isCallExpression(e) &&
    ts.isIdentifier(e.expression) &&
    e.expression.text === 'require' &&
    e.arguments.length === 1
  ) {
    const a = e.arguments[0];
    if (a && (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a))) return a.text;
  }
  return undefined;
}

/** The export an assignment target names: `exports.X` / `module.exports.X` → X, `module.exports` → 'default'. */
export function commonJsExportName(target: ts.Expression): string | undefined {
  const path = commonJsPath(target);
  if (!path || path[0] !== 'exports' || path.length > 2) return undefined;
  return path.length === 1 ? 'default' : path[1];
}

function commonJsPath(target: ts.Expression): string[] | undefined {
  const chain = memberChain(target);
  if (!chain || !ts.isIdentifier(chain.root)) return undefined;
  return chain.root.text === 'module' ? chain.path : [chain.root.text, ...chain.path];
}

/**
 * The local name the call collector gives a function assigned to an export (see functionName
 * there): its own name if it has one, else the export's. Wrappers are found under that name.
 */
function exportedFunctionLocal(fn: ts.FunctionExpression | ts.ArrowFunction, exportName: string): string {
  return ts.isFunctionExpression(fn) && fn.name ? fn.name.text : exportName;
}

const isFunctionValue = (e: ts.Expression): e is ts.FunctionExpression | ts.ArrowFunction =>
  ts.isFunctionExpression(e) || ts.isArrowFunction(e);

/** `module.exports = {…}`, `module.exports.X = …`, `exports.X = …`. */
function collectCommonJsExport(
  e: ts.Expression,
  sf: ts.SourceFile,
  values: Record<string, ValueFact>,
  exports: Record<string, ExportBinding>,
): void {
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const path = commonJsPath(e.left);
  if (!path || path[0] !== 'exports') return;
  const right = unwrap(e.right);
  if (path.length === 1) {
    if (ts.isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        if (ts.isShorthandPropertyAssignment(p)) exports[p.name.text] = { local: p.name.text };
        else if (ts.isMethodDeclaration(p)) {
          // `module.exports = { isOn(key) {…} }`: the collector names such functions 'method:isOn'.
          const name = propertyNameText(p.name);
          if (name) exports[name] = { local: `method:${name}` };
        } else if (ts.isPropertyAssignment(p)) {
          const name = propertyNameText(p.name);
          if (!name) continue;
          const init = unwrap(p.initializer);
          if (ts.isIdentifier(init)) exports[name] = { local: init.text };
          else if (isFunctionValue(init))
            exports[name] = { local: ts.isFunctionExpression(init) && init.name ? init.name.text : `method:${name}` };
          else {
            const v = valueOf(init, sf);
            if (v) {
              values[`exports.${name}`] = v;
              exports[name] = { local: `exports.${name}` };
            }
          }
        }
      }
    } else if (ts.isIdentifier(right)) {
      exports['default'] = { local: right.text };
    } else if (isFunctionValue(right)) {
      exports['default'] = { local: exportedFunctionLocal(right, 'default') };
    }
  } else if (path.length === 2) {
    const name = path[1]!; // path.length === 2
    if (ts.isIdentifier(right)) exports[name] = { local: right.text };
    else if (isFunctionValue(right)) exports[name] = { local: exportedFunctionLocal(right, name) };
    else {
      const v = valueOf(right, sf);
      if (v) {
        values[`exports.${name}`] = v;
        exports[name] = { local: `exports.${name}` };
      }
    }
  }
}

/** How deep an object literal is followed for the keys it holds. */
const MAX_VALUE_DEPTH = 32;

/** The key-holding shape of an initializer, if it has one. */
export function valueOf(expr: ts.Expression, sf: ts.SourceFile, depth = 0): ValueFact | undefined {
  const e = unwrap(expr);
  // Key tables are a few levels deep; a deeper literal is data, and following it would recurse as deep as it goes.
  if (depth > MAX_VALUE_DEPTH) return undefined;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e))
    return { kind: 'string', value: e.text, range: rangeOf(e, sf) };
  if (ts.isObjectLiteralExpression(e)) {
    const members: Record<string, ValueFact> = {};
    for (const p of e.properties) {
      if (ts.isPropertyAssignment(p)) {
        const name = propertyNameText(p.name);
        const v = name !== undefined ? valueOf(p.initializer, sf, depth + 1) : undefined;
        if (name !== undefined && v) members[name] = v;
      } else if (ts.isShorthandPropertyAssignment(p)) {
        members[p.name.text] = { kind: 'ref', name: p.name.text, path: [], range: rangeOf(p, sf) };
      }
    }
    return { kind: 'object', members, range: rangeOf(e, sf) };
  }
  const chain = memberChain(e);
  if (chain && ts.isIdentifier(chain.root))
    return { kind: 'ref', name: chain.root.text, path: chain.path, range: rangeOf(e, sf) };
  return undefined;
}

function enumValue(st: ts.EnumDeclaration, sf: ts.SourceFile): ValueFact {
  const members: Record<string, ValueFact> = {};
  for (const m of st.members) {
    const name = propertyNameText(m.name);
    if (name === undefined || !m.initializer) continue;
    const v = valueOf(m.initializer, sf);
    if (v) members[name] = v;
  }
  return { kind: 'enum', members, range: rangeOf(st.name, sf) };
}
