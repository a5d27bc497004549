import { ts } from 'ts-morph';
import { createBindingProgram } from './bindingProgram';
import { isReferenceIdentifier } from './syntax';

/**
 * How many times each binding of one file is mentioned (its declaration included), by symbol, so
 * that a `flags` destructured in one function is not kept alive by another function's own `flags`.
 */
export class BindingUses {
  readonly sf: ts.SourceFile;
  private readonly checker: ts.TypeChecker;
  private readonly counts = new Map<ts.Symbol, number>();

  constructor(file: string, text: string) {
    const program = createBindingProgram(new Map([[file, text]]));
    this.sf = program.getSourceFile(file)!;
    this.checker = program.getTypeChecker();
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        if (isReferenceIdentifier(node)) {
          const symbol = this.symbolOf(node);
          if (symbol) this.counts.set(symbol, (this.counts.get(symbol) ?? 0) + 1);
        }
        return;
      }
      node.forEachChild(visit);
    };
    visit(this.sf);
  }

  /** Mentions of the binding a declaration name introduces; undefined when the checker cannot tell. */
  mentions(name: ts.Identifier): number | undefined {
    const symbol = this.checker.getSymbolAtLocation(name);
    return symbol ? (this.counts.get(symbol) ?? 0) : undefined;
  }

  private symbolOf(id: ts.Identifier): ts.Symbol | undefined {
    const parent = id.parent;
    if (ts.isShorthandPropertyAssignment(parent) && parent.name === id) return this.checker.getShorthandAssignmentValueSymbol(parent);
    if (ts.isExportSpecifier(parent) && !parent.parent.parent.moduleSpecifier) {
      return this.checker.getExportSpecifierLocalTargetSymbol(parent) ?? this.checker.getSymbolAtLocation(id);
    }
    return this.checker.getSymbolAtLocation(id);
  }
}
