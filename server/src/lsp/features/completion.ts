/**
 * Completion of known flag keys: inside the key string of a flag call in code, and in a registry
 * entry's `dependsOn` list.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, CompletionItemTag, MarkupKind, type CompletionItem, type CompletionParams, type Range } from 'vscode-languageserver/node';
import type { FlagEntry, Position } from '../../core/model';
import { rangeContains } from '../../core/service';
import { uriToFile } from '../convert';
import { lifetime } from '../describe';
import type { FolderState, Workspace } from '../workspace';

/** Flag-evaluating callees every preset knows, for a call the engine has not seen yet (an empty key). */
const COMMON_CALLEES = [
  'variation', 'variationDetail', 'boolVariation', 'stringVariation', 'numberVariation', 'jsonVariation',
  'getBooleanValue', 'getStringValue', 'getNumberValue', 'getObjectValue', 'getBooleanDetails',
  'isEnabled', 'isOn', 'isOff', 'getVariant', 'isFeatureEnabled', 'getFeatureFlag', 'useFeatureFlagEnabled',
  'useFeatureFlag', 'useFlag', 'useFeatureIsOn', 'useFeatureValue', 'checkGate', 'useGate', 'getValue', 'getValueAsync',
  'hasFeature', 'getTreatment', 'feature', 'evalFeature',
];

export class CompletionFeature {
  constructor(private readonly workspace: Workspace) {}

  completion(params: CompletionParams): CompletionItem[] | null {
    const file = uriToFile(params.textDocument.uri);
    const folder = file ? this.workspace.folderFor(file) : undefined;
    const text = file ? this.workspace.readText(file) : undefined;
    if (!file || !folder || text === undefined) return null;
    const doc = TextDocument.create(params.textDocument.uri, 'text', 0, text);
    if (folder.isRegistryFile(file)) {
      const context = dependsOnContext(doc, params.position);
      if (!context) return null;
      return this.items(folder, file, context.range, context.ownKey);
    }
    const range = this.keyStringRange(folder, file, doc, params.position);
    return range ? this.items(folder, file, range, undefined) : null;
  }

  /** The inside of the key string literal under the cursor, when it is a flag call's key. */
  private keyStringRange(folder: FolderState, file: string, doc: TextDocument, position: Position): Range | undefined {
    for (const ref of this.workspace.referencesIn(file)) {
      if (ref.keyForm !== 'literal' && ref.keyForm !== 'template') continue;
      if (!rangeContains(ref.location.range, position)) continue;
      const raw = doc.getText(ref.location.range);
      if (/^['"`]/.test(raw)) {
        return { start: { line: ref.location.range.start.line, character: ref.location.range.start.character + 1 }, end: { line: ref.location.range.end.line, character: ref.location.range.end.character - 1 } };
      }
      return ref.location.range;
    }
    // The engine may not report a call whose key is still empty or half-typed: read the line.
    const line = doc.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
    const before = line.slice(0, position.character);
    const match = /([A-Za-z_$][\w$]*)\s*\(\s*(['"`])([\w.:/-]*)$/.exec(before);
    if (!match) return undefined;
    const callees = new Set(COMMON_CALLEES);
    for (const ref of folder.result()?.references ?? []) callees.add(ref.callee.split('.').pop() ?? ref.callee);
    if (!callees.has(match[1])) return undefined;
    const rest = line.slice(position.character);
    const tail = new RegExp(`^[\\w.:/-]*`).exec(rest)?.[0] ?? '';
    return { start: { line: position.line, character: position.character - match[3].length }, end: { line: position.line, character: position.character + tail.length } };
  }

  private items(folder: FolderState, file: string, range: Range, ownKey: string | undefined): CompletionItem[] {
    const entries = new Map<string, FlagEntry>();
    for (const registry of folder.registries()) for (const entry of registry.flags.values()) if (!entries.has(entry.key)) entries.set(entry.key, entry);
    try {
      for (const entry of folder.index.registryFor(file).flags.values()) entries.set(entry.key, entry);
    } catch {
      // no governing registry yet
    }
    const items: CompletionItem[] = [];
    for (const entry of entries.values()) {
      if (entry.key === ownKey) continue;
      const detail = [entry.owner, entry.type, entry.status, lifetime(entry)].filter(Boolean).join(' · ');
      const retired = entry.status === 'archived' || entry.status === 'deprecated';
      items.push({
        label: entry.key,
        kind: CompletionItemKind.Constant,
        detail: detail || undefined,
        documentation: entry.description ? { kind: MarkupKind.Markdown, value: entry.description } : undefined,
        textEdit: { range, newText: entry.key },
        filterText: entry.key,
        // Retired flags sort last: new code should not start using them.
        sortText: `${retired ? '1' : '0'}${entry.key}`,
        tags: retired ? [CompletionItemTag.Deprecated] : undefined,
      });
    }
    return items;
  }
}

/**
 * Whether the cursor is in a `dependsOn` list of a registry entry (block or flow style, YAML or
 * JSON), read from the lines so that it works while the buffer is half-typed.
 */
export function dependsOnContext(doc: TextDocument, position: Position): { range: Range; ownKey?: string } | undefined {
  const lines = doc.getText().split(/\r?\n/);
  const line = lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const typed = /[\w.:/-]*$/.exec(before)?.[0] ?? '';
  const tail = /^[\w.:/-]*/.exec(line.slice(position.character))?.[0] ?? '';
  const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: { line: position.line, character: position.character + tail.length } };

  // Flow style on the same line: `dependsOn: [a, b|` or `"dependsOn": ["a", "|`.
  const flow = /["']?dependsOn["']?\s*:\s*\[([^\]]*)$/.exec(before);
  if (flow) return { range, ownKey: ownKeyAbove(lines, position.line, indentOf(line)) };

  // Block style: `  - b|` under a `dependsOn:` key with less indentation; or a JSON array spread over lines.
  const item = /^(\s*)-\s*["']?[\w.:/-]*$/.exec(before);
  const jsonItem = /^\s*"?[\w.:/-]*$/.test(before) || /^\s*("[^"]*",\s*)*"[\w.:/-]*$/.test(before);
  if (!item && !jsonItem) return undefined;
  const indent = indentOf(line);
  for (let at = position.line - 1; at >= 0; at--) {
    const above = lines[at];
    if (!above.trim() || above.trim().startsWith('#')) continue;
    const aboveIndent = indentOf(above);
    if (/^\s*-/.test(above) && aboveIndent === indent) continue; // a sibling item
    if (jsonItem && /^\s*"[^"]*"\s*,?\s*$/.test(above)) continue; // a sibling JSON item
    if (/^\s*["']?dependsOn["']?\s*:\s*\[?\s*$/.test(above) && aboveIndent <= indent) {
      return { range, ownKey: ownKeyAbove(lines, at, aboveIndent) };
    }
    return undefined;
  }
  return undefined;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)?.[0].length ?? 0;
}

/** The key of the entry that holds the field on `line` (the nearest less-indented `key:` above). */
function ownKeyAbove(lines: string[], line: number, fieldIndent: number): string | undefined {
  for (let at = line - 1; at >= 0; at--) {
    const match = /^(\s*)["']?([^"':#\s][^"':]*)["']?\s*:\s*\{?\s*$/.exec(lines[at]);
    if (match && match[1].length < fieldIndent) return match[2];
  }
  return undefined;
}
