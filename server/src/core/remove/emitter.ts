import { ts } from 'ts-morph';
import { literalText } from './flagValue';
import type { FlagValue } from './flagValue';
import { attributeExpression, gateIsOn } from './jsxGates';
import { attachedCommentStart, indentAt, newlineOf, reindent, removalRange, removeListElements } from './layout';
import type { RewriteState } from './rewriteState';
import { canUnwrapBlock } from './scoping';
import {
  escapeTemplateText,
  isJsxNode,
  isMultilineJsx,
  preferredQuote,
  slotPrecedence,
  standsAtStatementStart,
  startsLikeStatement,
} from './placement';
import {
  canUnwrapStatements,
  containsSwitchBreak,
  deadCodeSurvivors,
  endsFunctionBody,
  isStatementContainer,
} from './reachability';
import { isPrimitive, type Simplified } from './simplify';
import { isPure, isUnconditionalExit, precedence, skipInnerTransparent } from './syntax';
import { applyOffsetEdits, type OffsetEdit } from '../text';
import { isSdkAccessorCall } from './sdkAccessors';

type StatementResult =
  | { kind: 'keep' }
  | { kind: 'remove' }
  /** New text for the statement's span; `exits` when it ends in return/throw/break/continue. */
  | { kind: 'replace'; text: string; exits: boolean };

/**
 * Produces the rewritten text of one file from a RewriteState: every changed construct is replaced
 * by text built from the original slices of what it keeps, so untouched code, comments inside kept
 * code and formatting stay byte-identical.
 */
export class Emitter {
  private readonly sf: ts.SourceFile;
  private readonly text: string;
  private readonly quote: "'" | '"';

  constructor(private readonly state: RewriteState) {
    this.sf = state.sf;
    this.text = state.sf.text;
    this.quote = preferredQuote(state.sf);
  }

  emitFile(): string {
    const { edits } = this.statementListEdits(this.sf.statements);
    return applyOffsetEdits(this.text, edits);
  }

  // ------------------------------------------------------------------------------------------
  // Generic descent

  private isChanged(node: ts.Node): boolean {
    return this.state.dirty.has(node);
  }

  /** The node's text with its changed descendants rewritten. */
  private emitKept(node: ts.Node): string {
    const start = node.getStart(this.sf);
    return applyOffsetEdits(this.text.slice(start, node.end), this.editsWithin(node), start);
  }

  /** Edits inside a node that keeps its own shape. */
  private editsWithin(node: ts.Node): OffsetEdit[] {
    if (isStatementContainer(node)) {
      const edits: OffsetEdit[] = [];
      if (ts.isCaseClause(node) && this.isChanged(node.expression))
        edits.push(...this.expressionEdits(node.expression));
      edits.push(...this.statementListEdits(node.statements).edits);
      if (ts.isBlock(node) && edits.length > 0) {
        // A body the removal emptied closes up: `() => {}`, not braces around blank lines.
        const start = node.getStart(this.sf) + 1;
        const inner = applyOffsetEdits(this.text.slice(start, node.end - 1), edits, start);
        if (inner.trim() === '') return [{ start, end: node.end - 1, text: '' }];
      }
      return edits;
    }
    if (ts.isIfStatement(node)) return this.ifEdits(node);
    const edits: OffsetEdit[] = [];
    node.forEachChild((child) => {
      if (!this.isChanged(child)) return;
      edits.push(...this.childEdits(node, child));
    });
    return edits;
  }

  private childEdits(parent: ts.Node, child: ts.Node): OffsetEdit[] {
    if (ts.isShorthandPropertyAssignment(child) && this.state.exprSeeds.has(child.name)) {
      const value = this.state.exprSeeds.get(child.name);
      return [{ start: child.getStart(this.sf), end: child.end, text: `${child.name.text}: ${this.literal(value)}` }];
    }
    if (ts.isVariableDeclarationList(child)) return this.declarationListEdits(child);
    if (ts.isObjectBindingPattern(child) || ts.isArrayBindingPattern(child)) return this.bindingPatternEdits(child);
    if (ts.isArrayLiteralExpression(child) && child.elements.some((e) => this.state.removedElements.has(e)))
      return this.arrayLiteralEdits(child);
    if (ts.isJsxExpression(child) && (ts.isJsxElement(parent) || ts.isJsxFragment(parent)))
      return this.jsxChildEdits(child);
    if (ts.isJsxExpression(child) && ts.isJsxAttribute(parent)) return this.jsxAttributeEdits(child);
    if ((ts.isJsxElement(child) || ts.isJsxSelfClosingElement(child)) && this.state.gates.has(child))
      return this.gateEdits(child);
    if (ts.isStatement(child) && !ts.isBlock(child) && !isStatementContainer(parent))
      return this.slotStatementEdits(parent, child);
    if (ts.isExpression(child)) return this.expressionEdits(child);
    return this.editsWithin(child);
  }

  private expressionEdits(expr: ts.Expression): OffsetEdit[] {
    if (!this.isChanged(expr)) return [];
    if (this.state.promiseSeeds.has(expr)) {
      return [
        { start: expr.getStart(this.sf), end: expr.end, text: `Promise.resolve(${this.literal(this.state.value)})` },
      ];
    }
    const r = this.state.simplifier.simplify(expr);
    if (r.kind === 'same' && ts.isTemplateExpression(expr)) return this.templateEdits(expr);
    if (r.kind === 'same') return this.editsWithin(expr);
    const text = this.replacementFor(expr, r);
    return [this.joinedInitializer(expr, text) ?? { start: expr.getStart(this.sf), end: expr.end, text }];
  }

  /**
   * `const x =\n  cond ? a : await b()` that became one short line joins the `=` line, as a
   * formatter would have written it: `const x = a;`.
   */
  private joinedInitializer(expr: ts.Expression, text: string): OffsetEdit | undefined {
    const parent = expr.parent;
    if (
      !((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.initializer === expr) ||
      text.includes('\n')
    )
      return undefined;
    const gap = this.text.slice(expr.pos, expr.getStart(this.sf));
    if (!gap.includes('\n') || gap.trim() !== '') return undefined;
    const lineStart = this.text.lastIndexOf('\n', expr.pos - 1) + 1;
    const rest = this.text.slice(
      expr.end,
      this.text.indexOf('\n', expr.end) === -1 ? this.text.length : this.text.indexOf('\n', expr.end),
    );
    if (expr.pos - lineStart + 1 + text.length + rest.length > 100) return undefined;
    return { start: expr.pos, end: expr.end, text: ` ${text}` };
  }

  /** `${flavour}:${query}` once `flavour` is 'k': the known text joins the template's own. */
  private templateEdits(expr: ts.TemplateExpression): OffsetEdit[] {
    const known = expr.templateSpans.map((span) => {
      const r = this.isChanged(span.expression) ? this.state.simplifier.simplify(span.expression) : undefined;
      return r?.kind === 'const' && isPrimitive(r.value) ? String(r.value) : undefined;
    });
    if (known.every((k) => k === undefined)) return this.editsWithin(expr);
    const raw = (node: ts.Node, from: number, to: number): string => {
      const t = node.getText(this.sf);
      return t.slice(from, t.length - to);
    };
    let text = raw(expr.head, 0, 2); // "`…" without its "${"
    expr.templateSpans.forEach((span, i) => {
      text += known[i] !== undefined ? escapeTemplateText(known[i]) : '${' + this.emitExpression(span.expression) + '}';
      // A middle part is "}…${", the tail "}…`".
      text += ts.isTemplateTail(span.literal) ? raw(span.literal, 1, 0) : raw(span.literal, 1, 2);
    });
    return [{ start: expr.getStart(this.sf), end: expr.end, text }];
  }

  /** Text for `expr`'s slot once it simplifies to `r`, parenthesised where the slot needs it. */
  private replacementFor(expr: ts.Expression, r: Simplified): string {
    let text: string;
    let prec: number;
    if (r.kind === 'const') {
      text = r.node ? r.node.getText(this.sf) : this.literal(r.value);
      prec = typeof r.value === 'number' && r.value < 0 ? 15 : 18;
      if (typeof r.value === 'number' && ts.isPropertyAccessExpression(expr.parent) && expr.parent.expression === expr)
        prec = 0;
    } else if (r.kind === 'node') {
      let node = r.node;
      // `x || (await y)` → `await y`: parentheses that only separated it from its old neighbour go.
      while (
        ts.isParenthesizedExpression(node) &&
        precedence(node.expression) >= slotPrecedence(expr) &&
        !isMultilineJsx(node.expression, this.sf)
      )
        node = node.expression;
      text = this.emitExpression(node);
      prec = precedence(node);
      // Moved code keeps its layout relative to where it now starts.
      text = reindent(
        text,
        indentAt(this.text, node.getStart(this.sf)),
        indentAt(this.text, expr.getStart(this.sf)),
        this.sf.fileName,
      );
    } else if (r.kind === 'truthiness') {
      text = this.truthinessText(r.node);
      prec = precedence(r.node);
    } else if (r.kind === 'negation') {
      const inner = this.emitExpression(r.node);
      text = `${r.double ? '!!' : '!'}${precedence(r.node) < 15 ? `(${inner})` : inner}`;
      prec = 15;
    } else {
      return this.emitKept(expr);
    }
    const needsParens = prec < slotPrecedence(expr) || (startsLikeStatement(text) && standsAtStatementStart(expr));
    return needsParens ? `(${text})` : text;
  }

  /**
   * `node`'s truthiness as a boolean: `&&`/`||` keep their shape (the truthiness of `a && b` is
   * `!!a && !!b`), an operand that is boolean already stays as written, any other gets `!!`.
   */
  private truthinessText(node: ts.Expression): string {
    if (
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ||
        node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    ) {
      return `${this.truthinessText(node.left)} ${node.operatorToken.getText(this.sf)} ${this.truthinessText(node.right)}`;
    }
    const inner = this.emitExpression(node);
    if (
      this.state.isBoolean(node) ||
      (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken)
    )
      return inner;
    return `!!${precedence(node) < 15 ? `(${inner})` : inner}`;
  }

  private emitExpression(expr: ts.Expression): string {
    if (!this.isChanged(expr)) return expr.getText(this.sf);
    const r = this.state.simplifier.simplify(expr);
    if (r.kind === 'same') return this.emitKept(expr);
    return this.replacementFor(expr, r);
  }

  literal(value: unknown): string {
    if (value === undefined) return 'undefined';
    return literalText(value as FlagValue, this.quote);
  }

  // ------------------------------------------------------------------------------------------
  // Statements

  /** Statements this rewrite deletes (dead branches): a name they declare cannot clash any more. */
  private readonly removedStatements = new Set<ts.Node>();

  private statementListEdits(statements: readonly ts.Statement[]): { edits: OffsetEdit[]; exits: boolean } {
    const edits: OffsetEdit[] = [];
    let exits = false;
    /** Once a statement became an unconditional exit: what of the rest must stay. */
    let dead: Set<ts.Statement> | undefined;
    let run: ts.Statement[] = [];
    const flush = (): void => {
      if (run.length) {
        const last = run[run.length - 1]!;
        const next = statements[statements.indexOf(last) + 1];
        edits.push(removalRange(this.sf, run[0]!, last, this.commentHeadsWhatFollows(run, next)));
      }
      run = [];
    };
    for (const [index, s] of statements.entries()) {
      if (dead) {
        if (dead.has(s)) {
          flush();
          if (this.isChanged(s)) edits.push(...this.editsWithin(s));
        } else {
          run.push(s);
        }
        continue;
      }
      if (!this.isChanged(s)) {
        flush();
        exits = isUnconditionalExit(s);
        continue;
      }
      const result = this.rewriteStatement(s);
      if (result.kind === 'remove') {
        run.push(s);
        this.removedStatements.add(s);
        continue;
      }
      flush();
      if (result.kind === 'keep') {
        edits.push(...this.editsWithin(s));
        exits = isUnconditionalExit(s);
      } else {
        edits.push({ start: s.getStart(this.sf), end: s.end, text: result.text });
        exits = result.exits;
        // Code after a return that the removal made unconditional can never run.
        if (result.exits) dead = deadCodeSurvivors(statements, index + 1);
      }
    }
    flush();
    return { edits, exits };
  }

  /**
   * A variable that held the flag's value goes once its uses are folded, but the comment above it
   * may head the lines that follow it (`// With an explicit registry the one registry governs`
   * above `const on = isEnabled(…)` and, on the next line, `if (on) return …`). The comment stays
   * when only such variables go, the lines run on into kept code with no blank line between, and
   * the comment shares no word with the variables' names or the flag's key (`// Resolve the worker
   * group name` is about `workerGroupId`). A holder standing apart, or dead code, takes its comment.
   */
  private commentHeadsWhatFollows(run: readonly ts.Statement[], next: ts.Statement | undefined): boolean {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    if (!next || !run.every((s) => ts.isVariableStatement(s))) return false;
    const start = attachedCommentStart(this.sf, first);
    if (start === first.getStart(this.sf)) return false;
    if ((this.text.slice(last.end, next.getStart(this.sf)).match(/\n/g) ?? []).length !== 1) return false;
    const comment = new Set(words(this.text.slice(start, first.getStart(this.sf))));
    const names = run.flatMap((s) => s.declarationList.declarations.flatMap((d) => boundNames(d.name)));
    return ![...names, ...this.state.flagKeyTexts].some((n) => words(n).some((w) => comment.has(w)));
  }

  private rewriteStatement(s: ts.Statement): StatementResult {
    if (ts.isIfStatement(s)) return this.rewriteIf(s);
    if (ts.isExpressionStatement(s)) {
      const r = this.state.simplifier.simplify(s.expression);
      if (r.kind === 'same') return { kind: 'keep' };
      if (r.kind === 'const') return { kind: 'remove' };
      if (isPure(r.node)) return { kind: 'remove' };
      let text = this.emitExpression(r.node);
      text = reindent(
        text,
        indentAt(this.text, r.node.getStart(this.sf)),
        indentAt(this.text, s.getStart(this.sf)),
        this.sf.fileName,
      );
      if (startsLikeStatement(text)) text = `(${text})`;
      const semi = this.text.slice(s.expression.end, s.end).trim();
      return { kind: 'replace', text: text + semi, exits: false };
    }
    if (ts.isVariableStatement(s)) {
      const decls = s.declarationList.declarations;
      return decls.every((d) => this.isDeclarationRemoved(d)) ? { kind: 'remove' } : { kind: 'keep' };
    }
    if (ts.isSwitchStatement(s)) return this.rewriteSwitch(s);
    if (ts.isWhileStatement(s)) {
      const r = this.state.simplifier.simplify(s.expression);
      return r.kind === 'const' && !r.value ? { kind: 'remove' } : { kind: 'keep' };
    }
    return { kind: 'keep' };
  }

  private isDeclarationRemoved(d: ts.VariableDeclaration): boolean {
    if (this.state.removedDeclarations.has(d)) return true;
    if (
      ts.isObjectBindingPattern(d.name) &&
      d.name.elements.length > 0 &&
      d.name.elements.every((e) => this.state.removedBindings.has(e))
    ) {
      // Every binding read the flag: the source object (`useFlags()`, `this.props.flags`) goes too.
      return !d.initializer || isPure(d.initializer) || isSdkAccessorCall(d.initializer, this.state.callees);
    }
    return false;
  }

  private rewriteIf(s: ts.IfStatement): StatementResult {
    const cond = this.isChanged(s.expression) ? this.state.simplifier.simplify(s.expression) : undefined;
    if (cond?.kind === 'const') {
      const live = cond.value ? s.thenStatement : s.elseStatement;
      if (!live) return { kind: 'remove' };
      return this.liveBranch(live, s);
    }
    const decided = cond?.kind === 'same' ? this.decidedAfterEffect(s.expression) : undefined;
    if (decided) {
      // `if (track() && false)`: the call still runs, the branch is decided.
      let effect = this.emitExpression(decided.effect);
      if (startsLikeStatement(effect)) effect = `(${effect})`;
      const live = decided.value ? s.thenStatement : s.elseStatement;
      const rest: StatementResult = live ? this.liveBranch(live, s) : { kind: 'remove' };
      if (rest.kind !== 'replace') return { kind: 'replace', text: `${effect};`, exits: false };
      const nl = newlineOf(this.text);
      return {
        kind: 'replace',
        text: `${effect};${nl}${indentAt(this.text, s.getStart(this.sf))}${rest.text}`,
        exits: rest.exits,
      };
    }
    // The condition stays; a branch may have emptied.
    if (!s.elseStatement && this.isChanged(s.thenStatement) && isPure(s.expression)) {
      const then = this.branchResult(s.thenStatement);
      if (then === 'empty') return { kind: 'remove' };
    }
    return { kind: 'keep' };
  }

  /** `effect() && <falsy>` / `effect() || <truthy>`: the outcome is known once `effect()` has run. */
  private decidedAfterEffect(condition: ts.Expression): { effect: ts.Expression; value: boolean } | undefined {
    const e = skipInnerTransparent(condition);
    if (!ts.isBinaryExpression(e) || !this.isChanged(e.right)) return undefined;
    const right = this.state.simplifier.simplify(e.right);
    if (right.kind !== 'const') return undefined;
    if (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && !right.value)
      return { effect: e.left, value: false };
    if (e.operatorToken.kind === ts.SyntaxKind.BarBarToken && right.value) return { effect: e.left, value: true };
    return undefined;
  }

  /** 'empty' when the branch has nothing left to do. */
  private branchResult(branch: ts.Statement): 'empty' | 'code' {
    if (ts.isBlock(branch)) {
      const text = this.emitKept(branch);
      return /^\{\s*\}$/.test(text) ? 'empty' : 'code';
    }
    const r = this.rewriteStatement(branch);
    return r.kind === 'remove' ? 'empty' : 'code';
  }

  private ifEdits(s: ts.IfStatement): OffsetEdit[] {
    const edits: OffsetEdit[] = [];
    edits.push(...this.expressionEdits(s.expression));
    if (this.isChanged(s.thenStatement)) {
      edits.push(
        ...(ts.isBlock(s.thenStatement)
          ? this.editsWithin(s.thenStatement)
          : this.slotStatementEdits(s, s.thenStatement)),
      );
    }
    const otherwise = s.elseStatement;
    if (otherwise && this.isChanged(otherwise)) {
      if (this.branchResult(otherwise) === 'empty') {
        edits.push({ start: s.thenStatement.end, end: otherwise.end, text: '' });
      } else {
        edits.push(...(ts.isBlock(otherwise) ? this.editsWithin(otherwise) : this.slotStatementEdits(s, otherwise)));
      }
    }
    return edits;
  }

  /** The statement kept from an `if` with a constant condition, in place of the `if`. */
  private liveBranch(live: ts.Statement, s: ts.Statement): StatementResult {
    const targetIndent = indentAt(this.text, s.getStart(this.sf));
    if (ts.isBlock(live)) {
      const { edits, exits } = this.statementListEdits(live.statements);
      if (isStatementContainer(s.parent) && canUnwrapBlock(live, s, (n) => this.removedStatements.has(n))) {
        const last = live.statements[live.statements.length - 1];
        // `if (!enabled) { res.status(404).end(); return; }` at the end of a handler: the return is noise.
        if (last && ts.isReturnStatement(last) && !last.expression && !this.isChanged(last) && endsFunctionBody(s)) {
          edits.push(removalRange(this.sf, last));
        }
        const text = this.unwrapBlock(live, edits, targetIndent);
        return text.trim() === '' ? { kind: 'remove' } : { kind: 'replace', text, exits };
      }
      const start = live.getStart(this.sf);
      const text = applyOffsetEdits(this.text.slice(start, live.end), edits, start);
      const fromIndent = indentAt(this.text, live.end - 1);
      return { kind: 'replace', text: reindent(text, fromIndent, targetIndent, this.sf.fileName), exits };
    }
    const inner = this.rewriteStatement(live);
    if (inner.kind === 'remove') return inner;
    const text = inner.kind === 'replace' ? inner.text : this.emitKept(live);
    const exits = inner.kind === 'replace' ? inner.exits : isUnconditionalExit(live);
    return {
      kind: 'replace',
      text: reindent(text, indentAt(this.text, live.getStart(this.sf)), targetIndent, this.sf.fileName),
      exits,
    };
  }

  /** A block's statements, moved out of their braces to the indentation of the statement replaced. */
  private unwrapBlock(block: ts.Block, edits: OffsetEdit[], targetIndent: string): string {
    const innerStart = block.getStart(this.sf) + 1;
    const innerEnd = block.end - 1;
    let inner = applyOffsetEdits(this.text.slice(innerStart, innerEnd), edits, innerStart);
    inner = inner.replace(/^[ \t]*\r?\n/, '').replace(/\s+$/, '');
    const first = block.statements[0] ?? block;
    const fromIndent = block.statements.length ? indentAt(this.text, first.getStart(this.sf)) : targetIndent;
    // reindent() leaves the first line alone; it is placed where the replaced statement started.
    const lines = inner.split('\n');
    const firstLine = lines[0]!.replace(/^[ \t]+/, '');
    return reindent([firstLine, ...lines.slice(1)].join('\n'), fromIndent, targetIndent, this.sf.fileName);
  }

  /** A statement standing where one statement is required (`else` branch, loop body without braces). */
  private slotStatementEdits(parent: ts.Node, s: ts.Statement): OffsetEdit[] {
    if (ts.isBlock(s)) return this.editsWithin(s);
    const result = this.rewriteStatement(s);
    if (result.kind === 'keep') return this.editsWithin(s);
    if (result.kind === 'remove') return [{ start: s.getStart(this.sf), end: s.end, text: '{}' }];
    let text = result.text;
    const sibling = ts.isIfStatement(parent) && parent.thenStatement === s && parent.elseStatement;
    // A bare `if` in a then-branch would capture the outer `else`, or several statements would spill out.
    if ((sibling && /^if\b/.test(text)) || (!text.startsWith('{') && this.hasSeveralStatements(text)))
      text = `{ ${text} }`;
    return [{ start: s.getStart(this.sf), end: s.end, text }];
  }

  private hasSeveralStatements(text: string): boolean {
    const parsed = ts.createSourceFile('x.tsx', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
    return parsed.statements.length > 1;
  }

  /**
   * `switch (variant)` once the variant is known: the matching clause's statements replace the
   * switch when control cannot leave them early; otherwise the switch stays with its literal.
   */
  private rewriteSwitch(s: ts.SwitchStatement): StatementResult {
    const disc = this.isChanged(s.expression) ? this.state.simplifier.simplify(s.expression) : undefined;
    if (disc?.kind !== 'const') return { kind: 'keep' };
    const clauses = s.caseBlock.clauses;
    let index = -1;
    for (let i = 0; i < clauses.length; i++) {
      const clause = clauses[i]!;
      if (ts.isDefaultClause(clause)) continue;
      const r = this.state.simplifier.simplify(clause.expression);
      if (r.kind !== 'const') return { kind: 'keep' };
      if (r.value === disc.value) {
        index = i;
        break;
      }
    }
    if (index === -1) index = clauses.findIndex(ts.isDefaultClause);
    if (index === -1) return { kind: 'remove' };
    // Collect statements through fall-through until a clause ends in an exit. A clause written as
    // `case 'a': { …; break; }` ends in the block's break.
    const statements: ts.Statement[] = [];
    for (let i = index; i < clauses.length; i++) {
      const own = [...clauses[i]!.statements];
      const block = own.length === 1 && ts.isBlock(own[0]!) ? own[0] : undefined;
      statements.push(...(block ? block.statements : own));
      const last = statements[statements.length - 1];
      if (last && isUnconditionalExit(last)) break;
    }
    const last = statements[statements.length - 1];
    const body = last && ts.isBreakStatement(last) && !last.label ? statements.slice(0, -1) : statements;
    if (body.some(containsSwitchBreak)) return { kind: 'keep' };
    if (body.length === 0) return { kind: 'remove' };
    const targetIndent = indentAt(this.text, s.getStart(this.sf));
    const pieces = body
      .map((st) => {
        const r = this.rewriteStatement(st);
        if (r.kind === 'remove') return '';
        const text = r.kind === 'replace' ? r.text : this.emitKept(st);
        return reindent(text, indentAt(this.text, st.getStart(this.sf)), targetIndent, this.sf.fileName);
      })
      .filter((t) => t !== '');
    const nl = newlineOf(this.text);
    const exits = body.length > 0 && isUnconditionalExit(body[body.length - 1]!);
    const scoped = body.some(
      (st) =>
        (ts.isVariableStatement(st) && (st.declarationList.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) !== 0) ||
        ts.isClassDeclaration(st) ||
        ts.isFunctionDeclaration(st),
    );
    if (scoped && !canUnwrapStatements(body, s)) {
      const inner = pieces
        .map((p) => targetIndent + '  ' + reindent(p, targetIndent, targetIndent + '  ', this.sf.fileName))
        .join(nl);
      return { kind: 'replace', text: `{${nl}${inner}${nl}${targetIndent}}`, exits };
    }
    return { kind: 'replace', text: pieces.join(nl + targetIndent), exits };
  }

  // ------------------------------------------------------------------------------------------
  // Declarations

  private declarationListEdits(list: ts.VariableDeclarationList): OffsetEdit[] {
    const removed = new Set(list.declarations.filter((d) => this.isDeclarationRemoved(d)));
    const edits: OffsetEdit[] = [];
    if (removed.size > 0) {
      const listEdits = removeListElements(this.sf, list.declarations, removed, false);
      if (listEdits) edits.push(...listEdits);
    }
    for (const d of list.declarations) {
      if (removed.has(d) || !this.isChanged(d)) continue;
      d.forEachChild((child) => {
        if (this.isChanged(child)) edits.push(...this.childEdits(d, child));
      });
    }
    return edits;
  }

  /** `Promise.all([load(), getFlag()])` whose second element went with its binding. */
  private arrayLiteralEdits(list: ts.ArrayLiteralExpression): OffsetEdit[] {
    const removed = new Set<ts.Node>(list.elements.filter((e) => this.state.removedElements.has(e)));
    const edits = [...(removeListElements(this.sf, list.elements, removed) ?? [])];
    for (const el of list.elements) if (!removed.has(el) && this.isChanged(el)) edits.push(...this.expressionEdits(el));
    return edits;
  }

  private bindingPatternEdits(pattern: ts.ObjectBindingPattern | ts.ArrayBindingPattern): OffsetEdit[] {
    const elements: readonly ts.Node[] = pattern.elements;
    const removed = new Set(elements.filter((e) => ts.isBindingElement(e) && this.state.removedBindings.has(e)));
    const edits: OffsetEdit[] = [];
    if (removed.size > 0) {
      const listEdits = removeListElements(this.sf, elements, removed);
      // Every element gone: `const {} = useFlags()` when the source could not be dropped.
      edits.push(...(listEdits ?? [{ start: pattern.getStart(this.sf) + 1, end: pattern.end - 1, text: '' }]));
    }
    for (const el of elements) {
      if (removed.has(el) || !this.isChanged(el)) continue;
      edits.push(...this.editsWithin(el));
    }
    return edits;
  }

  // ------------------------------------------------------------------------------------------
  // JSX

  /** `{flag && <New />}` as a child: the element itself, or nothing. */
  private jsxChildEdits(child: ts.JsxExpression): OffsetEdit[] {
    if (!child.expression) return [];
    const r = this.state.simplifier.simplify(child.expression);
    if (r.kind === 'same') return this.editsWithin(child);
    if (r.kind === 'const') {
      const v = r.value;
      if (v === null || v === undefined || typeof v === 'boolean' || v === '')
        return [removalRange(this.sf, child, child, true)];
      return [
        {
          start: child.expression.getStart(this.sf),
          end: child.expression.end,
          text: this.replacementFor(child.expression, r),
        },
      ];
    }
    const inner = skipInnerTransparent(r.node);
    if (ts.isJsxFragment(inner) && inner.children.some((c) => !(ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces))) {
      // Already among children: the fragment's own children take its place.
      const kids = inner.children.filter((c) => !(ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces));
      const first = kids[0]!;
      const edits: OffsetEdit[] = [];
      for (const c of inner.children) if (this.isChanged(c)) edits.push(...this.childEdits(inner, c));
      const start = first.getStart(this.sf);
      const body = applyOffsetEdits(
        this.text.slice(start, kids[kids.length - 1]!.end),
        edits.filter((e) => e.start >= start),
        start,
      );
      const text = reindent(
        body,
        indentAt(this.text, start),
        indentAt(this.text, child.getStart(this.sf)),
        this.sf.fileName,
      );
      return [{ start: child.getStart(this.sf), end: child.end, text }];
    }
    if (ts.isJsxElement(inner) || ts.isJsxSelfClosingElement(inner) || ts.isJsxFragment(inner)) {
      const text = reindent(
        this.emitExpression(inner),
        indentAt(this.text, inner.getStart(this.sf)),
        indentAt(this.text, child.getStart(this.sf)),
        this.sf.fileName,
      );
      return [{ start: child.getStart(this.sf), end: child.end, text }];
    }
    return [
      {
        start: child.expression.getStart(this.sf),
        end: child.expression.end,
        text: this.replacementFor(child.expression, r),
      },
    ];
  }

  /** `className={variant === 'grid' ? 'recs' : 'recs wide'}` → `className="recs"`. */
  private jsxAttributeEdits(value: ts.JsxExpression): OffsetEdit[] {
    if (!value.expression) return [];
    const r = this.state.simplifier.simplify(value.expression);
    // JSX attribute strings have no escapes and decode entities: only plain text may lose its braces.
    if (r.kind === 'const' && typeof r.value === 'string' && /^[^"&\\\n{}<>]*$/.test(r.value)) {
      return [{ start: value.getStart(this.sf), end: value.end, text: `"${r.value}"` }];
    }
    return this.editsWithin(value);
  }

  /** `<IfFeatureEnabled feature="x">…</IfFeatureEnabled>`: its children, its fallback, or nothing. */
  private gateEdits(element: ts.JsxElement | ts.JsxSelfClosingElement): OffsetEdit[] {
    const gate = this.state.gates.get(element)!;
    const inJsx = ts.isJsxElement(element.parent) || ts.isJsxFragment(element.parent);
    const range = { start: element.getStart(this.sf), end: element.end };
    const indent = indentAt(this.text, range.start);
    if (gate.rendersValue) {
      const literal = this.literal(this.state.value);
      return [{ ...range, text: inJsx ? `{${literal}}` : literal }];
    }
    const on = gateIsOn(gate, element, this.state.value);
    if (on === undefined) {
      this.state.warnings.push(
        `${this.state.where(element)}: cannot tell whether this gate renders its children for the kept value; edit it by hand.`,
      );
      return [];
    }
    if (on) {
      const children = ts.isJsxElement(element)
        ? element.children.filter((c) => !(ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces))
        : [];
      if (children.length === 0)
        return inJsx ? [removalRange(this.sf, element, element, true)] : [{ ...range, text: 'null' }];
      const first = children[0]!;
      const last = children[children.length - 1]!;
      const from = indentAt(this.text, first.getStart(this.sf));
      const body = this.emitChildren(element as ts.JsxElement, first.getStart(this.sf), last.end);
      if (inJsx || (children.length === 1 && !ts.isJsxText(first) && !ts.isJsxExpression(first))) {
        return [{ ...range, text: reindent(body, from, indent, this.sf.fileName) }];
      }
      const nl = newlineOf(this.text);
      return [
        {
          ...range,
          text: `<>${nl}${indent}  ${reindent(body, from, indent + '  ', this.sf.fileName)}${nl}${indent}</>`,
        },
      ];
    }
    const fallback = gate.fallbackAttribute ? attributeExpression(element, gate.fallbackAttribute) : undefined;
    if (fallback && fallback !== 'present') {
      const text = reindent(
        fallback.getText(this.sf),
        indentAt(this.text, fallback.getStart(this.sf)),
        indent,
        this.sf.fileName,
      );
      return [{ ...range, text: inJsx && !isJsxNode(fallback) ? `{${text}}` : text }];
    }
    return inJsx ? [removalRange(this.sf, element, element, true)] : [{ ...range, text: 'null' }];
  }

  private emitChildren(element: ts.JsxElement, start: number, end: number): string {
    const edits: OffsetEdit[] = [];
    for (const c of element.children) if (this.isChanged(c)) edits.push(...this.childEdits(element, c));
    return applyOffsetEdits(this.text.slice(start, end), edits, start);
  }
}

/** The words of a name or a comment, split at case changes and punctuation, of three letters or more. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3);
}

function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : boundNames(e.name)));
}
