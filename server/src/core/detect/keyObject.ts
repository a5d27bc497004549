import { ts } from 'ts-morph';
import type { Scope } from './scope';
import { propertyNameText, unwrap } from './syntax';

/** Properties of an object passed as a key (`{ key: FLAGS.X }`) or as React props that may carry a key. */
export const KEY_OBJECT_PROPS = [
  'key',
  'flag',
  'flagKey',
  'flagName',
  'feature',
  'featureKey',
  'featureName',
  'name',
  'gate',
  'experiment',
  'toggle',
];

/** How many local constants and factory calls to look through (`const q = Cmd.create({ … })`). */
const MAX_HOPS = 4;

/**
 * The expression holding the key inside an argument that is an object, for the shapes real code
 * uses: `{ key: X }` written in place, built by a factory or a constructor
 * (`GetFeatureFlagCommand.create({ key: X })`, `new FlagQuery({ name: 'x' })`), or held in a local
 * constant first. `keyPath` (from the registry's function spec) names the property path; without
 * it, the first of KEY_OBJECT_PROPS. Undefined when the argument is not such an object.
 */
export function keyInObject(
  arg: ts.Expression,
  scope: Scope,
  keyPath: readonly string[] | undefined,
): ts.Expression | undefined {
  let e = unwrap(arg);
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
    if (ts.isObjectLiteralExpression(e)) return keyPath?.length ? atPath(e, keyPath) : keyProperty(e);
    if (ts.isIdentifier(e)) {
      const b = scope.lookup(e.text);
      if (b?.t !== 'local' || !b.isConst || !b.init) return undefined;
      e = unwrap(b.init);
      continue;
    }
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
      // A factory takes the object as one of its arguments; the first object literal (or local holding one) is it.
      const inner = (e.arguments ?? []).map(unwrap).find((a) => ts.isObjectLiteralExpression(a) || ts.isIdentifier(a));
      if (!inner) return undefined;
      e = inner;
      continue;
    }
    return undefined;
  }
  return undefined;
}

function valueOf(p: ts.ObjectLiteralElementLike): ts.Expression | undefined {
  if (ts.isPropertyAssignment(p)) return p.initializer;
  if (ts.isShorthandPropertyAssignment(p)) return p.name;
  return undefined;
}

function keyProperty(obj: ts.ObjectLiteralExpression): ts.Expression | undefined {
  for (const name of KEY_OBJECT_PROPS) {
    for (const p of obj.properties) {
      if (propertyNameText(p.name) === name) {
        const v = valueOf(p);
        if (v) return v;
      }
    }
  }
  return undefined;
}

function atPath(obj: ts.ObjectLiteralExpression, path: readonly string[]): ts.Expression | undefined {
  const [first, ...rest] = path;
  const p = obj.properties.find((x) => propertyNameText(x.name) === first);
  const v = p && valueOf(p);
  if (!v || rest.length === 0) return v;
  const inner = unwrap(v);
  return ts.isObjectLiteralExpression(inner) ? atPath(inner, rest) : undefined;
}
