/**
 * After the "Add to registry" quick fix: show the new entry in the registry file and turn its
 * placeholders (description, owner, type, rollback plan) into snippet tab stops, so the user fills
 * them in with Tab; then say which problems the entry still raises.
 */
import * as vscode from 'vscode';
import type { RevealEntryArgs } from '../../protocol/src/commands';
import { plural } from './plural';

const FLAG_TYPES = ['release', 'experiment', 'ops', 'permission', 'kill-switch'];
/** The fields that get tab stops, in tab order. */
const STOPS = ['description', 'owner', 'type', 'rollback'] as const;

export async function revealEntry(args: RevealEntryArgs): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.registryUri));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const block = entryBlock(document, args.key);
  if (!block) {
    // JSON or flow style: no tab stops, but show the entry's key.
    const at = document.getText().indexOf(JSON.stringify(args.key));
    if (at >= 0) {
      const start = document.positionAt(at);
      editor.selection = new vscode.Selection(start, start);
      editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    void reportProblems(document, args.key);
    return;
  }
  editor.revealRange(block, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  const snippet = entrySnippet(document.getText(block));
  if (snippet) await editor.insertSnippet(snippet, block);
  else editor.selection = new vscode.Selection(block.start, block.start);
  void reportProblems(document, args.key);
}

/** The lines of a YAML block entry `key:` with its indented fields (undefined in JSON or flow style). */
export function entryBlock(document: vscode.TextDocument, key: string): vscode.Range | undefined {
  const keyLine = new RegExp(`^(\\s*)(?:${escapeRegExp(key)}|'${escapeRegExp(key)}'|"${escapeRegExp(key)}")\\s*:\\s*$`);
  for (let line = 0; line < document.lineCount; line++) {
    const match = keyLine.exec(document.lineAt(line).text);
    if (!match) continue;
    const indent = match[1]!.length;
    let last = line;
    for (let next = line + 1; next < document.lineCount; next++) {
      const text = document.lineAt(next).text;
      if (!text.trim()) continue;
      if (text.length - text.trimStart().length <= indent) break;
      last = next;
    }
    return new vscode.Range(line, 0, last, document.lineAt(last).text.length);
  }
  return undefined;
}

/** The entry's text as a snippet: each placeholder field's value becomes a tab stop (type a choice). */
export function entrySnippet(text: string): vscode.SnippetString | undefined {
  let stops = 0;
  const lines = text.split(/\r?\n/).map((line) => {
    const field = /^(\s*)([\w-]+)(\s*:\s*)(.*)$/.exec(line);
    const index = field ? STOPS.indexOf(field[2] as (typeof STOPS)[number]) : -1;
    if (!field || index < 0) return escapeSnippet(line);
    stops++;
    // Every group of the pattern takes part in a match (possibly empty).
    const [, indent = '', name = '', colon = '', value = ''] = field;
    if (name === 'type') {
      const choices = [value, ...FLAG_TYPES.filter((t) => t !== value)].filter(Boolean);
      return `${escapeSnippet(indent + name + colon)}\${${index + 1}|${choices.map(escapeChoice).join(',')}|}`;
    }
    return `${escapeSnippet(indent + name + colon)}\${${index + 1}:${escapePlaceholder(value)}}`;
  });
  return stops ? new vscode.SnippetString(lines.join('\n')) : undefined;
}

/** Once the server has checked the new entry, name what it still lacks (or nothing). */
async function reportProblems(document: vscode.TextDocument, key: string): Promise<void> {
  const problems = await waitForEntryProblems(document, key);
  if (!problems.length) return;
  const list = problems.map((d) => d.message).join(' · ');
  void vscode.window.showInformationMessage(
    `The new entry '${key}' still has ${plural(problems.length, 'problem')}: ${list}`,
  );
}

async function waitForEntryProblems(document: vscode.TextDocument, key: string): Promise<vscode.Diagnostic[]> {
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const block = entryBlock(document, key);
    // Without a YAML block (JSON), the findings that name the flag.
    const about = (d: vscode.Diagnostic) =>
      block ? Boolean(block.intersection(d.range)) : d.message.includes(`'${key}'`);
    const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'flaglint' && about(d));
    if (found.length) return found;
  }
  return [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
function escapePlaceholder(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
function escapeChoice(text: string): string {
  return text.replace(/[\\$},|]/g, '\\$&');
}
