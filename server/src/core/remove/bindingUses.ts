import { ts } from 'ts-morph';
import { createBindingProgram } from './bindingProgram';
import { isWriteTarget } from './rewriteState';
import { isReferenceIdentifier } from './syntax';

/**
 * How many times each binding of one file is mentioned (its declaration included), by symbol, so
 * that a `flags` destructured in one function is not kept alive by another function's own `flags`.
 */
export class BindingUses {
  readonly sf: ts.SourceFile;
  private readonly checker: ts.TypeChecker;
  private readonly counts = new Map<ts.Symbol, number>();
  /** `x = value;` statements by the symbol they assign: mentions that write and never read. */
  private readonly writes = new Map<ts.Symbol, ts.ExpressionStatement[]>();
  /** Symbols written anywhere after their declaration (`x = …`, `x++`, `[x] = …`, `for (x of …)`). */
  private readonly reassigned = new Set<ts.Symbol>();

  constructor(file: string, text: string) {
    const program = createBindingProgram(new Map([[file, text]]));
    this.sf = program.getSourceFile(file)!;
    this.checker = program.getTypeChecker();
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        if (isReferenceIdentifier(node)) {
          const symbol = this.symbolOf(node);
          if (symbol) this.counts.set(symbol, (this.counts.get(symbol) ?? 0) + 1);
          if (symbol && isWriteTarget(node)) this.reassigned.add(symbol);
          const assignment = node.parent;
          if (
            symbol &&
            ts.isBinaryExpression(assignment) &&
            assignment.left === node &&
            assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
            ts.isExpressionStatement(assignment.parent)
          ) {
            this.writes.set(symbol, [...(this.writes.get(symbol) ?? []), assignment.parent]);
          }
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

  /** The `name = value;` statements of the binding; undefined when the checker cannot tell. */
  assignments(name: ts.Identifier): readonly ts.ExpressionStatement[] | undefined {
    const symbol = this.checker.getSymbolAtLocation(name);
    return symbol ? (this.writes.get(symbol) ?? []) : undefined;
  }

  /** Whether the binding is assigned after its declaration; undefined when the checker cannot tell. */
  isReassigned(name: ts.Identifier): boolean | undefined {
    const symbol = this.checker.getSymbolAtLocation(name);
    return symbol ? this.reassigned.has(symbol) : undefined;
  }

  /** Mentions that read the binding (neither its declaration nor a plain `name = value;`). */
  reads(name: ts.Identifier): number | undefined {
    const all = this.mentions(name);
    const writes = this.assignments(name);
    return all === undefined || writes === undefined ? undefined : all - 1 - writes.length;
  }

  private symbolOf(id: ts.Identifier): ts.Symbol | undefined {
    const parent = id.parent;
    if (ts.isShorthandPropertyAssignment(parent) && parent.name === id)
      return this.checker.getShorthandAssignmentValueSymbol(parent);
    if (ts.isExportSpecifier(parent) && !parent.parent.parent.moduleSpecifier) {
      return this.checker.getExportSpecifierLocalTargetSymbol(parent) ?? this.checker.getSymbolAtLocation(id);
    }
    return this.checker.getSymbolAtLocation(id);
  }
}
