/**
 * Completion of known flag keys: where it applies (inside the key string of a flag call in code, or
 * in a registry entry's `dependsOn` list) and which registry entries it offers.
 */
import type { FlagEntry, Position, Range } from '../model';
import { SDKS } from '../sdks';
import { TextPositions, rangeContains } from '../text';
import type { FolderState, Workspace } from './session';

export interface KeyCompletion {
  /** The text the chosen key replaces (the typed part of the key and what follows it). */
  range: Range;
  /** The keys to offer, the governing registry's entries winning over other registries' of the same key. */
  entries: FlagEntry[];
}

/**
 * Flag-evaluating callees every SDK module declares (core/sdks), for a call the engine has not seen
 * yet (an empty key). Key-list calls take an array, not a key string.
 */
const COMMON_CALLEES: readonly string[] = [
  ...new Set(SDKS.flatMap((sdk) => sdk.calls.filter((c) => !c.keyList).map((c) => c.name))),
];

/** The keys to complete at a position, or undefined where no key belongs. */
export function completeKey(workspace: Workspace, file: string, position: Position): KeyCompletion | undefined {
  const folder = workspace.folderFor(file);
  const text = workspace.readText(file);
  if (!folder || text === undefined) return undefined;
  if (folder.isRegistryFile(file)) {
    const context = dependsOnContext(text, position);
    return context ? { range: context.range, entries: entriesFor(folder, file, context.ownKey) } : undefined;
  }
  const range = keyStringRange(workspace, folder, file, text, position);
  return range ? { range, entries: entriesFor(folder, file, undefined) } : undefined;
}

/** The inside of the key string literal at the position, when it is a flag call's key. */
function keyStringRange(
  workspace: Workspace,
  folder: FolderState,
  file: string,
  text: string,
  position: Position,
): Range | undefined {
  for (const ref of workspace.referencesIn(file)) {
    if (ref.keyForm !== 'literal' && ref.keyForm !== 'template') continue;
    if (rangeContains(ref.location.range, position)) return keyInside(text, ref.location.range);
  }
  // The engine may not report a call whose key is still empty or half-typed: read the line.
  const line = new TextPositions(file, text).lineText(position.line);
  const before = line.slice(0, position.character);
  const match = /([A-Za-z_$][\w$]*)\s*\(\s*(['"`])([\w.:/-]*)$/.exec(before);
  if (!match) return undefined;
  const callees = new Set(COMMON_CALLEES);
  for (const ref of folder.result()?.references ?? []) callees.add(ref.callee.split('.').pop() ?? ref.callee);
  if (!callees.has(match[1]!)) return undefined;
  const tail = /^[\w.:/-]*/.exec(line.slice(position.character))?.[0] ?? '';
  return {
    start: { line: position.line, character: position.character - match[3]!.length },
    end: { line: position.line, character: position.character + tail.length },
  };
}

/** A key literal's range without its quotes; a half-typed literal has only the opening one. */
function keyInside(text: string, range: Range): Range {
  const raw = new TextPositions('', text).slice(range);
  const quote = raw[0];
  if (quote !== "'" && quote !== '"' && quote !== '`') return range;
  const closed = raw.length >= 2 && raw.endsWith(quote);
  return {
    start: { line: range.start.line, character: range.start.character + 1 },
    end: closed ? { line: range.end.line, character: range.end.character - 1 } : range.end,
  };
}

function entriesFor(folder: FolderState, file: string, ownKey: string | undefined): FlagEntry[] {
  const entries = new Map<string, FlagEntry>();
  for (const registry of folder.registries())
    for (const entry of registry.flags.values()) if (!entries.has(entry.key)) entries.set(entry.key, entry);
  try {
    for (const entry of folder.index.registryFor(file).flags.values()) entries.set(entry.key, entry);
  } catch {
    // no governing registry yet
  }
  if (ownKey !== undefined) entries.delete(ownKey);
  return [...entries.values()];
}

/**
 * Whether the cursor is in a `dependsOn` list of a registry entry (block or flow style, YAML or
 * JSON), read from the lines so that it works while the buffer is half-typed.
 */
function dependsOnContext(text: string, position: Position): { range: Range; ownKey?: string } | undefined {
  const lines = text.split(/\r?\n/);
  const line = lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const typed = /[\w.:/-]*$/.exec(before)?.[0] ?? '';
  const tail = /^[\w.:/-]*/.exec(line.slice(position.character))?.[0] ?? '';
  const range: Range = {
    start: { line: position.line, character: position.character - typed.length },
    end: { line: position.line, character: position.character + tail.length },
  };

  // Flow style on the same line: `dependsOn: [a, b|` or `"dependsOn": ["a", "|`.
  const flow = /["']?dependsOn["']?\s*:\s*\[([^\]]*)$/.exec(before);
  if (flow) return { range, ownKey: ownKeyAbove(lines, position.line, indentOf(line)) };

  // Block style: `  - b|` under a `dependsOn:` key with less indentation; or a JSON array spread over lines.
  const item = /^(\s*)-\s*["']?[\w.:/-]*$/.exec(before);
  const jsonItem = /^\s*"?[\w.:/-]*$/.test(before) || /^\s*("[^"]*",\s*)*"[\w.:/-]*$/.test(before);
  if (!item && !jsonItem) return undefined;
  const indent = indentOf(line);
  for (let at = position.line - 1; at >= 0; at--) {
    const above = lines[at]!;
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
    const match = /^(\s*)["']?([^"':#\s][^"':]*)["']?\s*:\s*\{?\s*$/.exec(lines[at]!);
    if (match && match[1]!.length < fieldIndent) return match[2];
  }
  return undefined;
}
