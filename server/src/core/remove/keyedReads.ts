import { ts } from 'ts-morph';
import { parseFile, skipInnerTransparent, skipOuterTransparent } from './syntax';
import type { Workspace } from './workspace';

/**
 * A key constant the removal had to keep can still be how the code reads the flag: through a
 * receiver Flaglint does not know as a flag collection (`registry.current()?.[FLAG.x]`, a cache
 * map, another service's snapshot). Rewriting the known reads and deleting the registry entry would
 * then leave the flag half removed. Such a read is a value looked up by the key (`<receiver>[KEY]`)
 * whose receiver is not a table of definitions the project declares itself (`const Catalog = {
 * [FLAG.x]: z.boolean() }`, read as `Catalog[FLAG.x].safeParse(v)`: a schema, not the flag).
 *
 * Returns the read's text when `use` (the constant, or `Container.member`) is such a read.
 */
export function unknownKeyedRead(use: ts.Node, sf: ts.SourceFile, workspace: Workspace): string | undefined {
  const key = skipOuterTransparent(use);
  const access = key.parent;
  if (!access || !ts.isElementAccessExpression(access) || access.argumentExpression !== key) return undefined;
  if (isWriteTarget(access)) return undefined;
  const receiver = skipInnerTransparent(access.expression);
  if (ts.isIdentifier(receiver) && declaresKeyedObject(workspace, receiver.text)) return undefined;
  return access.getText(sf);
}

/** `x[K] = v`, `delete x[K]`, `x[K]++`: the code writes the key, it does not read the flag. */
function isWriteTarget(access: ts.ElementAccessExpression): boolean {
  const outer = skipOuterTransparent(access);
  const p = outer.parent;
  if (!p) return false;
  if (ts.isBinaryExpression(p) && p.left === outer)
    return (
      p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    );
  return ts.isDeleteExpression(p) || ts.isPostfixUnaryExpression(p) || ts.isPrefixUnaryExpression(p);
}

/** A `const NAME = { [KEY]: … }` (through `as`/`satisfies`) somewhere in the workspace. */
function declaresKeyedObject(workspace: Workspace, name: string): boolean {
  for (const file of workspace.filesMentioning(name)) {
    const sf = parseFile(file, workspace.text(file));
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name && n.initializer) {
        const init = skipInnerTransparent(n.initializer);
        found =
          ts.isObjectLiteralExpression(init) &&
          init.properties.some((p) => p.name && ts.isComputedPropertyName(p.name));
        return;
      }
      n.forEachChild(visit);
    };
    visit(sf);
    if (found) return true;
  }
  return false;
}
