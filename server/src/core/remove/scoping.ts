import { ts } from 'ts-morph';
import { collectBindingNames, isModuleFile } from './syntax';

/**
 * Whether the statements of `block` may move into the scope that holds `replaced` (the `if` they
 * were the live branch of). A block-scoped declaration may not: clash with a name declared there
 * (a duplicate declaration), capture a use of an outer variable of that name (a silent change of
 * meaning), or be a `using` declaration (disposal would move to the end of the outer scope).
 */
export function canUnwrapBlock(
  block: Pick<ts.Block, 'statements'>,
  replaced: ts.Statement,
  /** Siblings the same rewrite deletes: what they declare is gone with them. */
  removed: (node: ts.Node) => boolean = () => false,
): boolean {
  const names = new Set<string>();
  for (const s of block.statements) {
    if (ts.isVariableStatement(s)) {
      // Using = 4 and AwaitUsing = Const | Using: compare the whole block-scoping field.
      const scoping = s.declarationList.flags & ts.NodeFlags.BlockScoped;
      if (scoping === ts.NodeFlags.Using || scoping === ts.NodeFlags.AwaitUsing) return false;
      if (scoping !== 0) {
        const out: string[] = [];
        for (const d of s.declarationList.declarations) collectBindingNames(d.name, out);
        out.forEach((n) => names.add(n));
      }
    } else if (
      (ts.isFunctionDeclaration(s) ||
        ts.isClassDeclaration(s) ||
        ts.isEnumDeclaration(s) ||
        ts.isInterfaceDeclaration(s) ||
        ts.isTypeAliasDeclaration(s)) &&
      s.name
    ) {
      names.add(s.name.text);
    }
  }
  if (names.size === 0) return true;

  const container = replaced.parent;
  // A script's top level is shared with every other script: keep its blocks.
  if (ts.isSourceFile(container) && !isModuleFile(container)) return false;

  const scope: ts.Node[] =
    ts.isCaseClause(container) || ts.isDefaultClause(container)
      ? [...container.parent.clauses]
      : [...(container as ts.Block).statements];
  for (const node of scope) {
    if (node === replaced || removed(node)) continue;
    if (ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      if (node.statements.some((s) => s !== replaced && mentions(s, names))) return false;
    } else if (mentions(node, names)) {
      return false;
    }
  }
  // Parameters and the catch variable share the body's scope.
  const owner = container.parent;
  const outer: string[] = [];
  if (owner && ts.isFunctionLike(owner)) for (const p of owner.parameters) collectBindingNames(p.name, outer);
  if (owner && ts.isCatchClause(owner) && owner.variableDeclaration)
    collectBindingNames(owner.variableDeclaration.name, outer);
  return !outer.some((n) => names.has(n));
}

/** Whether any identifier below `node` is one of `names`. */
export function mentions(node: ts.Node, names: ReadonlySet<string>): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && names.has(n.text)) found = true;
    else n.forEachChild(visit);
  };
  visit(node);
  return found;
}
