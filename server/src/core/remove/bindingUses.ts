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

  /**
   * The uses of one text, shared while it is asked for again: the cleanup's rounds and the passes
   * after them (literal folding, key definitions) ask for the same file's text in turn, and each
   * answer costs a parse and a bind. The few most recent texts are kept; older ones are dropped.
   */
  static of(file: string, text: string): BindingUses {
    return recent(BINDING_USES, file, text, () => new BindingUses(file, text));
  }

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

const BINDING_USES: { file: string; text: string; value: BindingUses }[] = [];

/** A small most-recently-used memo by file and exact text (a text is immutable: no entry goes stale). */
export function recent<T>(
  list: { file: string; text: string; value: T }[],
  file: string,
  text: string,
  make: () => T,
  size = 6,
): T {
  const i = list.findIndex((e) => e.file === file && e.text === text);
  if (i >= 0) {
    const [hit] = list.splice(i, 1);
    list.unshift(hit!);
    return hit!.value;
  }
  const value = make();
  list.unshift({ file, text, value });
  if (list.length > size) list.length = size;
  return value;
}
