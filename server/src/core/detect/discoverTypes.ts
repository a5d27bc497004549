import { ts } from 'ts-morph';
import { typeNamesIn } from './callCollector';
import { usedAsBoolean } from './discoverEvidence';
import type { DiscoverySite } from './discoverySites';
import { propertyNameText, unwrap } from './syntax';

/**
 * Discovery of collections named by their type (`scan.collections: [TEnterpriseLicenseFeatures]`,
 * core/detect/collections.ts): a type whose name says features or flags, whose members are nearly
 * all booleans, and whose values are tested member by member (`if (features.sso)`). The type and
 * its values may be declared in different files, so each file gives what it declares and what it
 * reads, and the two are joined when discovery adds files up (discoverySites.ts).
 */
export function typedCollectionSites(sf: ts.SourceFile): DiscoverySite[] {
  const sites: DiscoverySite[] = [];
  const zodObjects = zodBooleanObjects(sf);
  const localMembers = new Map<string, { name: string; type: ts.TypeNode }[]>();
  for (const st of sf.statements) {
    if (!ts.isInterfaceDeclaration(st) && !ts.isTypeAliasDeclaration(st)) continue;
    const members = ts.isInterfaceDeclaration(st)
      ? st.members
      : ts.isTypeLiteralNode(st.type)
        ? st.type.members
        : undefined;
    const typed = (members ?? []).flatMap((m) => {
      const name = ts.isPropertySignature(m) ? propertyNameText(m.name) : undefined;
      return name !== undefined && ts.isPropertySignature(m) && m.type ? [{ name, type: m.type }] : [];
    });
    localMembers.set(st.name.text, typed);
    if (!TYPE_NAME.test(st.name.text)) continue;
    const booleans = members
      ? typed.filter((m) => isBooleanType(m.type)).map((m) => m.name)
      : ts.isTypeAliasDeclaration(st)
        ? zodInferOf(st, zodObjects)
        : undefined;
    if (booleans && booleans.length >= MIN_MEMBERS && booleans.length >= 0.8 * Math.max(typed.length, 1))
      sites.push({ kind: 'flag-type', name: st.name.text, members: booleans });
  }
  // Values declared with a type here: `features: T`, and `{ features }: Props` where Props is local.
  const typedNames = new Map<string, string[]>();
  const note = (name: ts.BindingName, type: ts.TypeNode | undefined): void => {
    if (!type) return;
    if (ts.isIdentifier(name)) typedNames.set(name.text, typeNamesIn(type));
    else if (ts.isObjectBindingPattern(name)) {
      const members = typeNamesIn(type).flatMap((t) => localMembers.get(t) ?? []);
      for (const el of name.elements) {
        const prop = propertyNameText(el.propertyName ?? (ts.isIdentifier(el.name) ? el.name : undefined));
        const m = members.find((x) => x.name === prop);
        if (m && ts.isIdentifier(el.name)) typedNames.set(el.name.text, typeNamesIn(m.type));
      }
    }
  };
  const stack: ts.Node[] = [sf];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isParameter(node) || ts.isVariableDeclaration(node)) note(node.name, node.type);
    else if (ts.isPropertyAccessExpression(node) && usedAsBoolean(node)) {
      const root = unwrap(node.expression);
      const types = ts.isIdentifier(root) ? typedNames.get(root.text) : undefined;
      if (types?.length) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        sites.push({ kind: 'typed-read', types, member: node.name.text, line });
      }
    }
    // Children pushed last-first, so that a parameter is noted before the body that reads it.
    const children: ts.Node[] = [];
    node.forEachChild((c) => {
      children.push(c);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return sites;
}

/** `TEnterpriseLicenseFeatures`, `FeatureFlags`, `OrgToggles`: the type's name says what it holds. */
const TYPE_NAME = /(Features|Flags|Toggles)$/;
/** One boolean member is a type with a flag in it, not a set of flags. */
const MIN_MEMBERS = 2;

/** `boolean`, `boolean | undefined`, `true | false | null`. */
function isBooleanType(type: ts.TypeNode): boolean {
  if (type.kind === ts.SyntaxKind.BooleanKeyword) return true;
  if (ts.isLiteralTypeNode(type))
    return type.literal.kind === ts.SyntaxKind.TrueKeyword || type.literal.kind === ts.SyntaxKind.FalseKeyword;
  if (!ts.isUnionTypeNode(type)) return false;
  const rest = type.types.filter(
    (t) =>
      t.kind !== ts.SyntaxKind.UndefinedKeyword &&
      !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword),
  );
  return rest.length > 0 && rest.every(isBooleanType);
}

/** `type T = z.infer<typeof Z>`: the boolean members of the local zod object Z. */
function zodInferOf(
  st: ts.TypeAliasDeclaration,
  zodObjects: ReadonlyMap<string, { booleans: string[]; all: number }>,
): string[] | undefined {
  const t = st.type;
  if (!ts.isTypeReferenceNode(t) || !/^(infer|input|output)$/.test(t.typeName.getText().split('.').pop() ?? ''))
    return undefined;
  const arg = t.typeArguments?.[0];
  if (!arg || !ts.isTypeQueryNode(arg)) return undefined;
  const z = zodObjects.get(arg.exprName.getText());
  return z && z.booleans.length >= 0.8 * z.all ? z.booleans : undefined;
}

/** `const Z = z.object({ a: z.boolean(), b: z.boolean().default(false) })` at a file's top level. */
function zodBooleanObjects(sf: ts.SourceFile): Map<string, { booleans: string[]; all: number }> {
  const out = new Map<string, { booleans: string[]; all: number }>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer && unwrap(d.initializer);
      if (!ts.isIdentifier(d.name) || !init || !ts.isCallExpression(init)) continue;
      if (!/^z\.(strictObject|object)$/.test(init.expression.getText(sf))) continue;
      const obj = init.arguments[0];
      if (!obj || !ts.isObjectLiteralExpression(obj)) continue;
      const props = obj.properties.filter(ts.isPropertyAssignment);
      const booleans = props
        .filter((p) => /^z\.boolean\(\)/.test(p.initializer.getText(sf)))
        .map((p) => propertyNameText(p.name) ?? '');
      out.set(d.name.text, { booleans, all: props.length });
    }
  }
  return out;
}
