import { ts } from 'ts-morph';
import type { KeyExpr } from './facts';
import type { Scope } from './scope';
import { memberChain, propertyNameText, rangeOf, shorten, unwrap } from './syntax';

const MAX_DEPTH = 8;

/**
 * What a key expression is, from inside its file: a literal, a module-scope name to resolve across
 * files, a parameter of the enclosing function, or dynamic (with the reason, for the finding).
 */
export function keyExprOf(node: ts.Expression, scope: Scope, sf: ts.SourceFile, depth = 0): KeyExpr {
  const e = unwrap(node);
  // A literal still being typed (`isEnabled('new-ch` with no closing quote) names no flag yet: it
  // reads as the empty key, which resolve/ drops, so the editor shows no 'unregistered' flicker.
  if (ts.isStringLiteral(e)) return { k: 'str', value: e.isUnterminated ? '' : e.text, form: 'literal' };
  if (ts.isNoSubstitutionTemplateLiteral(e))
    return { k: 'str', value: e.isUnterminated ? '' : e.text, form: 'template' };
  const text = shorten(node.getText(sf));
  if (depth > MAX_DEPTH) return { k: 'dyn', text, reason: 'the key is defined through too many indirections' };
  if (ts.isTemplateExpression(e)) {
    return {
      k: 'tpl',
      head: e.head.text,
      spans: e.templateSpans.map((s) => ({
        expr: keyExprOf(s.expression, scope, sf, depth + 1),
        literal: s.literal.text,
      })),
      text,
    };
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = keyExprOf(e.left, scope, sf, depth + 1);
    const right = keyExprOf(e.right, scope, sf, depth + 1);
    return {
      k: 'tpl',
      head: '',
      spans: [
        { expr: left, literal: '' },
        { expr: right, literal: '' },
      ],
      text,
    };
  }
  if (ts.isConditionalExpression(e)) return { k: 'dyn', text, reason: 'the key is chosen at run time' };
  const chain = memberChain(e);
  if (!chain) return { k: 'dyn', text, reason: 'the key is computed at run time' };
  if (!ts.isIdentifier(chain.root)) return { k: 'dyn', text, reason: 'the key is read from an object at run time' };
  const name = chain.root.text;
  const b = scope.lookup(name);
  if (!b) return { k: 'dyn', text, reason: `'${name}' is not declared in this file` };
  // `route.flag` of a row the code iterates or is handed: the rows' `flag` values may be in a table here.
  const dataProp = chain.path.length === 1 ? chain.path[0] : undefined;
  switch (b.t) {
    case 'module':
      return { k: 'ref', name, path: chain.path };
    case 'param': {
      if (!b.fn)
        return {
          k: 'dyn',
          text,
          reason: `'${name}' is a parameter of an anonymous function`,
          ...(dataProp ? { dataProp } : {}),
        };
      // A wrapper forwards its parameter (`key`) or one property of it (`options.key`, `{ flag }`);
      // anything deeper (`req.params.flag`) is a value read at run time, not a key its callers pass.
      const prop = b.prop ?? chain.path[0];
      const depth = (b.prop === undefined ? 0 : 1) + chain.path.length;
      if (depth > 1) return { k: 'dyn', text, reason: `the key is read from the parameter '${name}' at run time` };
      return { k: 'param', fn: b.fn, index: b.index, ...(prop !== undefined ? { prop } : {}) };
    }
    case 'local': {
      if (!b.init)
        return { k: 'dyn', text, reason: `'${name}' has no initial value`, ...(dataProp ? { dataProp } : {}) };
      if (!b.isConst) return { k: 'dyn', text, reason: `'${name}' is not a constant` };
      const init = unwrap(b.init);
      if (chain.path.length === 0) return asLocalDefinition(keyExprOf(init, scope, sf, depth + 1), init, sf, 'const');
      if (ts.isObjectLiteralExpression(init)) return memberOfLiteral(init, chain.path, scope, sf, depth, text);
      const inner = keyExprOf(init, scope, sf, depth + 1);
      if (inner.k === 'ref') return { k: 'ref', name: inner.name, path: [...inner.path, ...chain.path] };
      return { k: 'dyn', text, reason: 'the key is read from an object at run time' };
    }
    default:
      return { k: 'dyn', text, reason: `'${name}' is not a constant key` };
  }
}

function memberOfLiteral(
  obj: ts.ObjectLiteralExpression,
  path: string[],
  scope: Scope,
  sf: ts.SourceFile,
  depth: number,
  text: string,
): KeyExpr {
  const [first, ...rest] = path;
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p) || propertyNameText(p.name) !== first) continue;
    const init = unwrap(p.initializer);
    if (rest.length === 0) return asLocalDefinition(keyExprOf(init, scope, sf, depth + 1), init, sf, 'object');
    if (ts.isObjectLiteralExpression(init)) return memberOfLiteral(init, rest, scope, sf, depth + 1, text);
  }
  return { k: 'dyn', text, reason: `the object has no constant member '${first}'` };
}

function asLocalDefinition(key: KeyExpr, init: ts.Expression, sf: ts.SourceFile, form: 'const' | 'object'): KeyExpr {
  if (key.k !== 'str' || key.def) return key;
  return { ...key, form, def: rangeOf(init, sf) };
}
