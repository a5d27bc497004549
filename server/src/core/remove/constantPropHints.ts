import { ts } from 'ts-morph';
import { tryParse } from './constantReturnHints';
import type { Workspace } from './workspace';

/** A prop the removal left at one literal on every element of its component in the workspace. */
export interface ConstantProp {
  tag: string;
  prop: string;
  /** The literal as JSON text (`"test"`, `true`). */
  literal: string;
  /** Every element of the component: its file and `file:line` for the summary. */
  sites: { file: string; where: string }[];
}

/**
 * JSX props the removal set to a literal (`newTrialBannerVariant="test"`, `showFeaturedTemplates={false}`)
 * where every element of that component in the workspace now passes the same literal: the flag was
 * handed down as a prop, and the component still branches on it. propFolding.ts folds the ones it
 * can prove safe into the component; the rest are listed for the author with the call sites.
 */
export function constantProps(workspace: Workspace, changed: readonly string[]): ConstantProp[] {
  const found: ConstantProp[] = [];
  const seen = new Set<string>();
  for (const file of [...changed].sort()) {
    if (!/\.[jt]sx$/.test(file)) continue;
    const original = workspace.original(file);
    const text = workspace.text(file);
    if (original === text) continue;
    const sf = tryParse(file, text);
    if (!sf) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isJsxAttribute(node) && ts.isIdentifier(node.name) && !original.includes(node.getText(sf))) {
        const value = attributeLiteral(node);
        const tag = tagName(node);
        const id = `${tag}\0${node.name.text}`;
        if (value !== undefined && tag && !seen.has(id)) {
          seen.add(id);
          const sites = propSites(workspace, tag, node.name.text);
          if (sites.length > 0 && sites.every((s) => s.value === value))
            found.push({ tag, prop: node.name.text, literal: value, sites });
        }
      }
      node.forEachChild(visit);
    };
    visit(sf);
  }
  return found;
}

/** The constant props left after folding, for the author (see constantProps). */
export function constantPropHints(workspace: Workspace, changed: readonly string[]): string[] {
  return constantProps(workspace, changed).map(
    ({ tag, prop, literal, sites }) =>
      `<${tag}>'s prop ${prop} is now ${literal} wherever it is used (${sites.map((s) => s.where).join(', ')}); the component's branches on it can be folded and the prop dropped.`,
  );
}

/** The literal a prop is given: `={true}`, `="x"`, a bare attribute (true); else undefined. */
export function attributeLiteral(attr: ts.JsxAttribute): string | undefined {
  const init = attr.initializer;
  if (!init) return 'true';
  if (ts.isStringLiteral(init)) return JSON.stringify(init.text);
  if (ts.isJsxExpression(init) && init.expression) {
    const e = init.expression;
    if (e.kind === ts.SyntaxKind.TrueKeyword) return 'true';
    if (e.kind === ts.SyntaxKind.FalseKeyword) return 'false';
    if (e.kind === ts.SyntaxKind.NullKeyword) return 'null';
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return JSON.stringify(e.text);
    if (ts.isNumericLiteral(e)) return String(Number(e.text));
  }
  return undefined;
}

/** The element's tag when it names a component (capitalised identifier), else undefined. */
function tagName(attr: ts.JsxAttribute): string | undefined {
  const element = attr.parent.parent;
  const tag = element.tagName;
  return ts.isIdentifier(tag) && /^[A-Z]/.test(tag.text) ? tag.text : undefined;
}

/** Every element `<tag>` in the workspace, with the literal it gives `prop` (undefined: not a literal or absent). */
function propSites(
  workspace: Workspace,
  tag: string,
  prop: string,
): { file: string; where: string; value: string | undefined }[] {
  const sites: { file: string; where: string; value: string | undefined }[] = [];
  for (const file of workspace.filesMentioning(tag).sort()) {
    if (!/\.[jt]sx$/.test(file)) continue;
    const sf = tryParse(file, workspace.text(file));
    if (!sf) continue;
    const visit = (node: ts.Node): void => {
      if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && ts.isIdentifier(node.tagName)) {
        if (node.tagName.text === tag) {
          const attr = node.attributes.properties.find(
            (p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && ts.isIdentifier(p.name) && p.name.text === prop,
          );
          const spread = node.attributes.properties.some(ts.isJsxSpreadAttribute);
          sites.push({
            file,
            where: `${workspace.relative(file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`,
            value: attr && !spread ? attributeLiteral(attr) : undefined,
          });
        }
      }
      node.forEachChild(visit);
    };
    visit(sf);
  }
  return sites;
}
