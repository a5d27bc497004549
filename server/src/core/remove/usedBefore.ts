import { ts } from 'ts-morph';
import { BindingUses, recent } from './bindingUses';
import { countIdentifiers, isReferenceIdentifier } from './syntax';

/**
 * Which declarations were used before the rewrite, by symbol, so that the cleanup only removes what
 * the flag's removal made unused and never a binding the author had already left unused (kept for a
 * reason a reader cannot see: a rest element's exclusion, a future use, a lint suppression).
 *
 * A declaration is matched between the two versions by its name and the named functions and classes
 * around it (`AccountPage/useBilling/plan`): positions shift with the rewrite, names of containers
 * do not. When several declarations share a key (`const row` in two callbacks of one function), the
 * key counts as used only if all of them were, which errs on the side of leaving code alone.
 */
export class UsedBefore {
  private readonly used = new Map<string, boolean>();
  private readonly read = new Map<string, boolean>();
  private readonly readCounts = new Map<string, number>();
  private readonly reassigned = new Map<string, boolean>();
  private readonly names: Map<string, number>;

  /** The original's uses, shared by the cleanup's rounds of one file (see BindingUses.of). */
  static of(file: string, original: string): UsedBefore {
    return recent(USED_BEFORE, file, original, () => new UsedBefore(file, original), 16);
  }

  constructor(file: string, original: string) {
    const uses = BindingUses.of(file, original);
    this.names = countIdentifiers(uses.sf);
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        if (isDeclarationName(node)) {
          const key = declarationKey(node);
          const usedHere = (uses.mentions(node) ?? this.names.get(node.text) ?? 0) >= 2;
          this.used.set(key, (this.used.get(key) ?? true) && usedHere);
          this.read.set(key, (this.read.get(key) ?? true) && (uses.reads(node) ?? 0) >= 1);
          this.readCounts.set(key, Math.min(this.readCounts.get(key) ?? Infinity, uses.reads(node) ?? 0));
          this.reassigned.set(key, (this.reassigned.get(key) ?? true) && uses.isReassigned(node) === true);
        }
        return;
      }
      node.forEachChild(visit);
    };
    visit(uses.sf);
  }

  /** Whether the variable named `name` was assigned after its declaration in the original. */
  wasReassigned(name: ts.Identifier): boolean {
    return this.reassigned.get(declarationKey(name)) ?? false;
  }

  /** Whether the variable named `name` was read (not only assigned) in the original. */
  wasRead(name: ts.Identifier): boolean {
    return this.read.get(declarationKey(name)) ?? false;
  }

  /** How many reads the variable named `name` had in the original (the fewest, when names repeat). */
  readCount(name: ts.Identifier): number {
    return this.readCounts.get(declarationKey(name)) ?? 0;
  }

  /** Whether the declaration named `name` (in the rewritten file) was used in the original. */
  wasUsed(name: ts.Identifier): boolean {
    return this.used.get(declarationKey(name)) ?? (this.names.get(name.text) ?? 0) >= 2;
  }
}

function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p || !isReferenceIdentifier(id)) return false;
  return (
    (ts.isVariableDeclaration(p) ||
      ts.isBindingElement(p) ||
      ts.isFunctionDeclaration(p) ||
      ts.isClassDeclaration(p) ||
      ts.isInterfaceDeclaration(p) ||
      ts.isTypeAliasDeclaration(p) ||
      ts.isEnumDeclaration(p) ||
      ts.isImportClause(p) ||
      ts.isImportSpecifier(p) ||
      ts.isNamespaceImport(p)) &&
    p.name === id
  );
}

/** `Outer/inner/name`: the names of the enclosing named functions, methods and classes, then the name. */
export function declarationKey(name: ts.Identifier): string {
  const parts = [name.text];
  for (let node: ts.Node | undefined = name.parent?.parent; node && !ts.isSourceFile(node); node = node.parent) {
    const container = containerName(node);
    if (container) parts.unshift(container);
  }
  return parts.join('/');
}

function containerName(node: ts.Node): string | undefined {
  if (
    (ts.isFunctionDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isModuleDeclaration(node)) &&
    node.name
  )
    return node.name.getText();
  if (
    (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) &&
    ts.isVariableDeclaration(node.parent) &&
    ts.isIdentifier(node.parent.name)
  )
    return node.parent.name.text;
  return undefined;
}

const USED_BEFORE: { file: string; text: string; value: UsedBefore }[] = [];
