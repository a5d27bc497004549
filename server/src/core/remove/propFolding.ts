import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { FlagReference, Location } from '../model';
import { applyOffsetEdits, type OffsetEdit } from '../text';
import { createBindingProgram } from './bindingProgram';
import type { ProjectOptions } from './compilerOptions';
import { attributeLiteral, constantProps, type ConstantProp } from './constantPropHints';
import { namedFunction, tryParse, type FunctionWithBody } from './constantReturnHints';
import type { FlagValue } from './flagValue';
import { removalRange, removeListElements } from './layout';
import { foldLeftLiterals } from './literalFolding';
import { rewriteFile } from './rewriteFile';
import { isWriteTarget } from './rewriteState';
import type { Workspace } from './workspace';

/**
 * A flag handed down as a prop (`<MainNavigation newTrialBannerVariant={variant} />`) becomes a
 * literal at the element, and the component still branches on it. When every element of the
 * component in the workspace now passes that literal, a senior engineer folds it into the component
 * and drops the prop: its uses become the literal (and go through the same rewrite as the flag's
 * own evaluations), the destructured prop and its member of the props type go, and so does the
 * attribute at every element. This does it where it can prove the component is only ever used as
 * those elements:
 *
 * - the component is a function defined in the workspace (not a `.d.ts`, not `node_modules`),
 *   destructuring its props in the parameter list (`({ a, prop }: Props)`);
 * - every mention of its name in the workspace is its definition, an import that resolves to its
 *   file, or a JSX tag (a default export, a re-export, a mock or a `typeof` could reach it unseen);
 * - each use of the prop is a read (not written, not a shorthand property);
 * - its props type, if it names the prop, is a type literal or a type of that file that nothing
 *   else mentions, so the member can go with the prop.
 *
 * Anything else stays with the hint that names the component and the elements (constantPropHints).
 */
export function foldConstantProps(workspace: Workspace, projects: ProjectOptions): boolean {
  let folded = false;
  for (const candidate of constantProps(workspace, workspace.changedFiles())) {
    const plan = planFold(workspace, projects, candidate);
    if (!plan) continue;
    const value = JSON.parse(candidate.literal) as FlagValue;
    const component = rewriteComponent(workspace, plan, value);
    if (component === undefined) continue;
    const sites = new Map<string, string>();
    let ok = true;
    for (const file of new Set(candidate.sites.map((s) => s.file))) {
      const text = file === plan.file ? component : workspace.text(file);
      const without = withoutAttribute(file, text, candidate);
      if (without === undefined) ok = false;
      else sites.set(file, without);
    }
    if (!ok) continue;
    if (!sites.has(plan.file)) sites.set(plan.file, component);
    for (const [file, text] of sites) workspace.setText(file, foldLeftLiterals(file, workspace.original(file), text));
    folded = true;
  }
  return folded;
}

interface FoldPlan {
  file: string;
  tag: string;
  prop: string;
}

function planFold(workspace: Workspace, projects: ProjectOptions, candidate: ConstantProp): FoldPlan | undefined {
  const siteFiles = [...new Set(candidate.sites.map((s) => s.file))];
  const definedIn = new Set(siteFiles.map((f) => definitionFile(workspace, projects, f, candidate.tag)));
  if (definedIn.size !== 1) return undefined;
  const file = [...definedIn][0];
  if (file === undefined || !insideWorkspace(workspace, file)) return undefined;
  const sf = tryParse(file, workspace.text(file));
  const component = sf && findComponent(sf, candidate.tag);
  if (!sf || !component || !propElement(component.fn, candidate.prop)) return undefined;
  if (!propsTypeEditable(workspace, sf, component, candidate.prop)) return undefined;
  const mentions = new Set([file, ...workspace.filesMentioning(candidate.tag)]);
  for (const other of mentions)
    if (!onlyJsxUses(workspace, projects, other, candidate.tag, file, component.nameNode.getStart(sf)))
      return undefined;
  return { file, tag: candidate.tag, prop: candidate.prop };
}

function insideWorkspace(workspace: Workspace, file: string): boolean {
  const relative = workspace.relative(file);
  return (
    !relative.startsWith('../') &&
    !path.isAbsolute(relative) &&
    !relative.split('/').includes('node_modules') &&
    !/\.d\.[cm]?ts$/.test(file)
  );
}

/** The file defining the component `<tag>` of this file: itself, or the module a named import resolves to. */
function definitionFile(workspace: Workspace, projects: ProjectOptions, file: string, tag: string): string | undefined {
  const sf = tryParse(file, workspace.text(file));
  if (!sf) return undefined;
  if (findComponent(sf, tag)) return file;
  for (const statement of sf.statements) {
    const specifier = importedAs(statement, tag);
    if (specifier) return resolveImport(projects, file, specifier);
  }
  return undefined;
}

/** The module of `import { tag } from '<module>'` (not type-only, not renamed), if this statement is one. */
function importedAs(statement: ts.Statement, tag: string): string | undefined {
  if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) return undefined;
  const clause = statement.importClause;
  const bindings = clause?.namedBindings;
  if (!clause || clause.isTypeOnly || !bindings || !ts.isNamedImports(bindings)) return undefined;
  const named = bindings.elements.some(
    (e) => !e.isTypeOnly && e.name.text === tag && (e.propertyName ?? e.name).text === tag,
  );
  return named ? statement.moduleSpecifier.text : undefined;
}

function resolveImport(projects: ProjectOptions, file: string, specifier: string): string | undefined {
  const options = projects.for(file);
  const resolved = ts.resolveModuleName(
    specifier,
    file,
    { ...options, allowJs: true, moduleResolution: options.moduleResolution ?? ts.ModuleResolutionKind.Bundler },
    ts.sys,
  ).resolvedModule;
  return resolved ? path.resolve(resolved.resolvedFileName) : undefined;
}

interface Component {
  fn: FunctionWithBody;
  nameNode: ts.Identifier;
  /** `const X: FC<Props> = ({ … }) =>`: the props type given on the variable instead of the parameter. */
  variableType?: ts.TypeNode;
}

/** A top-level function component named `tag`: a function declaration or a const holding a function. */
function findComponent(sf: ts.SourceFile, tag: string): Component | undefined {
  for (const statement of sf.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === tag && statement.body)
      return { fn: statement, nameNode: statement.name };
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      const named = namedFunction(decl);
      if (named?.name === tag && ts.isIdentifier(decl.name)) {
        const typeArgument =
          decl.type && ts.isTypeReferenceNode(decl.type) && decl.type.typeArguments?.length === 1
            ? decl.type.typeArguments[0]
            : undefined;
        return { fn: named.fn, nameNode: decl.name, ...(typeArgument ? { variableType: typeArgument } : {}) };
      }
    }
  }
  return undefined;
}

/** The element destructuring `prop` from the component's props (`{ a, prop }`), if that is how it reads it. */
function propElement(fn: FunctionWithBody, prop: string): ts.BindingElement | undefined {
  const param = fn.parameters[0];
  if (!param || fn.parameters.length > 2 || param.initializer || !ts.isObjectBindingPattern(param.name))
    return undefined;
  return param.name.elements.find(
    (e) =>
      !e.dotDotDotToken &&
      ts.isIdentifier(e.name) &&
      (e.propertyName ? ts.isIdentifier(e.propertyName) && e.propertyName.text === prop : e.name.text === prop),
  );
}

/** The props type's member named `prop` that must go with it, or undefined when there is none to edit. */
function propMember(sf: ts.SourceFile, component: Component, prop: string): ts.TypeElement | undefined {
  const members = propsMembers(sf, component);
  return members?.find((m) => m.name && ts.isIdentifier(m.name) && m.name.text === prop);
}

function propsMembers(sf: ts.SourceFile, component: Component): ts.NodeArray<ts.TypeElement> | undefined {
  const type = component.fn.parameters[0]?.type ?? component.variableType;
  if (!type) return undefined;
  if (ts.isTypeLiteralNode(type)) return type.members;
  const declaration = localType(sf, type);
  if (!declaration) return undefined;
  return ts.isInterfaceDeclaration(declaration)
    ? declaration.members
    : ts.isTypeLiteralNode(declaration.type)
      ? declaration.type.members
      : undefined;
}

function localType(
  sf: ts.SourceFile,
  type: ts.TypeNode,
): ts.InterfaceDeclaration | ts.TypeAliasDeclaration | undefined {
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || type.typeArguments) return undefined;
  const name = type.typeName.text;
  return sf.statements.find(
    (s): s is ts.InterfaceDeclaration | ts.TypeAliasDeclaration =>
      (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === name && !s.typeParameters,
  );
}

/**
 * The prop can leave the props type: there is no type, or it is an inline literal, or a type of
 * this file that only this component's parameter names (so no other code sees the member go). A
 * type that does not list the prop itself (it extends another) works only if the prop is optional
 * there, which this cannot see: refused.
 */
function propsTypeEditable(workspace: Workspace, sf: ts.SourceFile, component: Component, prop: string): boolean {
  const type = component.fn.parameters[0]?.type ?? component.variableType;
  if (!type) return !sf.fileName.endsWith('.tsx');
  if (ts.isTypeLiteralNode(type)) return propMember(sf, component, prop) !== undefined;
  const declaration = localType(sf, type);
  if (!declaration) return false;
  if (ts.isInterfaceDeclaration(declaration) && declaration.heritageClauses?.length) return false;
  if (!propMember(sf, component, prop)) return false;
  const name = declaration.name.text;
  if (workspace.filesMentioning(name).some((f) => f !== sf.fileName)) return false;
  let mentions = 0;
  const count = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name) mentions++;
    node.forEachChild(count);
  };
  count(sf);
  return mentions === 2; // its declaration and the component's parameter
}

/**
 * Every mention of `tag` in the file is the component's own declaration, an import of it from its
 * file, or a JSX element: anything else (a mock, `typeof`, a default or re-export, a property)
 * could render it with other props than the elements show.
 */
function onlyJsxUses(
  workspace: Workspace,
  projects: ProjectOptions,
  file: string,
  tag: string,
  definedIn: string,
  declarationStart: number,
): boolean {
  const sf = tryParse(file, workspace.text(file));
  if (!sf) return false;
  let ok = true;
  const visit = (node: ts.Node): void => {
    if (!ok) return;
    if (ts.isIdentifier(node) && node.text === tag) {
      const parent = node.parent;
      const isTag =
        (ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent) || ts.isJsxClosingElement(parent)) &&
        parent.tagName === node;
      const isDeclaration = file === definedIn && node.getStart(sf) === declarationStart;
      const isImport =
        ts.isImportSpecifier(parent) &&
        ts.isImportDeclaration(parent.parent.parent.parent) &&
        importedAs(parent.parent.parent.parent, tag) !== undefined &&
        resolveImport(projects, file, (parent.parent.parent.parent.moduleSpecifier as ts.StringLiteral).text) ===
          path.resolve(definedIn);
      ok = isTag || isDeclaration || isImport;
      return;
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return ok;
}

/**
 * The component's file with the prop folded: each read of it rewritten to the literal (and what that
 * decides simplified), then the destructured element and the props type's member removed.
 * Undefined when a read cannot be rewritten.
 */
function rewriteComponent(workspace: Workspace, plan: FoldPlan, value: FlagValue): string | undefined {
  const program = createBindingProgram(new Map([[plan.file, workspace.text(plan.file)]]));
  const sf = program.getSourceFile(plan.file);
  const checker = program.getTypeChecker();
  const component = sf && findComponent(sf, plan.tag);
  const element = component && propElement(component.fn, plan.prop);
  if (!sf || !component || !element || !ts.isIdentifier(element.name)) return undefined;
  const uses = readsOf(checker, component.fn, element.name);
  if (uses === undefined) return undefined;
  let text = sf.text;
  if (uses.length > 0) {
    const result = rewriteFile(
      sf,
      checker,
      uses.map((use) => syntheticReference(sf, plan, use)),
      value,
    );
    if (result.leftInPlace > 0) return undefined;
    text = result.text;
  }
  const after = tryParse(plan.file, text);
  const folded = after && findComponent(after, plan.tag);
  const gone = folded && propElement(folded.fn, plan.prop);
  const pattern = gone?.parent;
  if (!after || !folded || !gone || !pattern) return undefined;
  const edits = removeListElements(after, pattern.elements, new Set([gone]));
  // `({ prop }: Props)` with nothing else destructured: left to the author (the parameter and maybe its type go).
  if (!edits) return undefined;
  const member = propMember(after, folded, plan.prop);
  if (member) edits.push(removalRange(after, member));
  return applyOffsetEdits(text, edits);
}

/** The reads of the destructured prop in its component; undefined if one is a write, a shorthand or a type query. */
function readsOf(checker: ts.TypeChecker, fn: FunctionWithBody, name: ts.Identifier): ts.Identifier[] | undefined {
  const symbol = checker.getSymbolAtLocation(name);
  if (!symbol) return undefined;
  const reads: ts.Identifier[] = [];
  let ok = true;
  const visit = (node: ts.Node): void => {
    if (!ok) return;
    if (ts.isIdentifier(node) && node !== name && node.text === name.text) {
      if (
        checker.getSymbolAtLocation(node) === symbol ||
        checker.getShorthandAssignmentValueSymbol(node.parent) === symbol
      ) {
        if (isWriteTarget(node) || ts.isShorthandPropertyAssignment(node.parent) || ts.isTypeQueryNode(node.parent))
          ok = false;
        else reads.push(node);
      }
      return;
    }
    node.forEachChild(visit);
  };
  visit(fn);
  return ok ? reads : undefined;
}

/** A read of the prop, as the rewrite expects the flag's own evaluations. */
function syntheticReference(sf: ts.SourceFile, plan: FoldPlan, use: ts.Identifier): FlagReference {
  const at = (pos: number): { line: number; character: number } => sf.getLineAndCharacterOfPosition(pos);
  const location: Location = { file: plan.file, range: { start: at(use.getStart(sf)), end: at(use.end) } };
  return {
    key: plan.prop,
    location,
    evaluation: location,
    kind: 'property',
    keyForm: 'literal',
    source: 'prop',
    callee: plan.prop,
  };
}

/** The file with `prop` removed from every `<tag>` element; undefined if an element no longer has the literal. */
function withoutAttribute(file: string, text: string, candidate: ConstantProp): string | undefined {
  const sf = tryParse(file, text);
  if (!sf) return undefined;
  const edits: OffsetEdit[] = [];
  let ok = true;
  const visit = (node: ts.Node): void => {
    if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && ts.isIdentifier(node.tagName)) {
      if (node.tagName.text === candidate.tag)
        for (const attr of node.attributes.properties)
          if (ts.isJsxAttribute(attr) && ts.isIdentifier(attr.name) && attr.name.text === candidate.prop) {
            if (attributeLiteral(attr) !== candidate.literal) ok = false;
            edits.push({ start: attr.pos, end: attr.end, text: '' });
          }
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return ok ? applyOffsetEdits(text, edits) : undefined;
}
