/**
 * Quick fixes for Flaglint's diagnostics, as versioned workspace edits (never file writes): add an
 * unregistered flag to the registry, fill in owner / rollback plan / expiry, extend an expiry, mark
 * a flag archived, delete an unused entry; and "remove flag" (a refactor that asks for the value to
 * keep, so it runs as a command).
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { Registry, RuleId } from '../../core/model';
import { ClientCommands, type RemoveFlagArgs } from '../../protocol';
import { DIAGNOSTIC_SOURCE, fileToUri, rangeContains, uriToFile, type DiagnosticData } from '../convert';
import { toWorkspaceEdit } from '../edits';
import { registryKeyOf } from '../lookup';
import { RegistryEditor, mostCommon } from '../registryEditor';
import type { FolderState, Workspace } from '../workspace';

const ROLLBACK_PLACEHOLDER = 'TODO: how to turn this flag off safely, and what happens to data written meanwhile';

export class CodeActionsFeature {
  private readonly editor: RegistryEditor;

  constructor(private readonly workspace: Workspace) {
    this.editor = new RegistryEditor(workspace);
  }

  codeActions(params: CodeActionParams): CodeAction[] {
    const file = uriToFile(params.textDocument.uri);
    const folder = file ? this.workspace.folderFor(file) : undefined;
    if (!file || !folder) return [];
    this.workspace.flush(params.textDocument.uri);
    const actions: CodeAction[] = [];
    const removalOffered = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const key = (diagnostic.data as DiagnosticData | undefined)?.flagKey;
      if (!key) continue;
      try {
        actions.push(...this.fixes(folder, file, key, diagnostic, removalOffered));
      } catch (error) {
        this.workspace.logError(error);
      }
    }
    // "Remove flag" as a refactoring wherever the cursor is on a flag reference.
    if (!folder.isRegistryFile(file)) {
      for (const ref of this.workspace.referencesIn(file)) {
        const key = registryKeyOf(ref);
        if (removalOffered.has(key) || !rangeContains(ref.evaluation.range, params.range.start)) continue;
        removalOffered.add(key);
        actions.push(this.removeFlagAction(key, params.textDocument.uri, CodeActionKind.RefactorRewrite));
      }
    }
    const only = params.context.only;
    return only?.length ? actions.filter((a) => only.some((kind) => a.kind === kind || a.kind?.startsWith(`${kind}.`))) : actions;
  }

  private fixes(folder: FolderState, file: string, key: string, diagnostic: Diagnostic, removalOffered: Set<string>): CodeAction[] {
    const rule = diagnostic.code as RuleId;
    const uri = fileToUri(file);
    if (rule === 'unregistered-flag') {
      const { registry, edits } = this.editor.addFlag(folder, file, key);
      if (!edits.length) return [];
      return [this.edit(`Add '${key}' to ${RegistryEditor.label(registry)}`, diagnostic, edits, true)];
    }
    const registry = this.editor.registryWith(folder, file, key);
    const entry = registry?.flags.get(key);
    if (!registry || !entry) return [];
    const actions: CodeAction[] = [];
    const set = (title: string, field: Parameters<RegistryEditor['setField']>[2], value: unknown, preferred = false): void => {
      const edits = this.editor.setField(registry, key, field, value);
      if (edits.length) actions.push(this.edit(title, diagnostic, edits, preferred));
    };
    switch (rule) {
      case 'missing-owner':
      case 'unknown-owner': {
        for (const owner of ownerChoices(registry)) set(`Set owner of '${key}' to ${owner}`, 'owner', owner, actions.length === 0);
        if (!actions.length) set(`Add owner placeholder to '${key}'`, 'owner', '@TODO-owner');
        break;
      }
      case 'missing-rollback-plan':
        set(`Add rollback plan placeholder to '${key}'`, 'rollback', ROLLBACK_PLACEHOLDER, true);
        break;
      case 'missing-expiry': {
        const days = (entry.type && registry.policy.maxAgeDays[entry.type]) || 90;
        const expires = RegistryEditor.extendedExpiry(undefined, days);
        set(`Set expiry of '${key}' to ${expires} (in ${days} days)`, 'expires', expires, true);
        set(`Mark '${key}' permanent`, 'permanent', true);
        break;
      }
      case 'stale-flag':
        if (!entry.permanent) {
          for (const days of [30, 90]) {
            const expires = RegistryEditor.extendedExpiry(entry.expires, days);
            set(`Extend expiry of '${key}' by ${days} days (to ${expires})`, 'expires', expires);
          }
        }
        this.offerRemoval(actions, key, diagnostic, uri, removalOffered);
        break;
      case 'archived-flag-in-use':
        this.offerRemoval(actions, key, diagnostic, uri, removalOffered);
        break;
      case 'unused-flag': {
        set(`Mark '${key}' archived`, 'status', 'archived', true);
        const edits = this.editor.removeEntry(registry, key);
        if (edits.length) actions.push(this.edit(`Delete the registry entry of '${key}'`, diagnostic, edits, false));
        break;
      }
      default:
        break;
    }
    if (rule === 'stale-flag' && folder.referencesTo(key).length === 0) set(`Mark '${key}' archived`, 'status', 'archived');
    return actions;
  }

  private offerRemoval(actions: CodeAction[], key: string, diagnostic: Diagnostic, uri: string, offered: Set<string>): void {
    if (offered.has(key)) return;
    offered.add(key);
    const action = this.removeFlagAction(key, uri, CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    actions.push(action);
  }

  private removeFlagAction(key: string, uri: string, kind: string): CodeAction {
    const args: Omit<RemoveFlagArgs, 'value'> = { key, uri };
    return { title: `Remove flag '${key}' from the code…`, kind, command: { title: `Remove flag '${key}'`, command: ClientCommands.removeFlag, arguments: [args] } };
  }

  private edit(title: string, diagnostic: Diagnostic, edits: Parameters<typeof toWorkspaceEdit>[1], preferred: boolean): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred || undefined, edit: toWorkspaceEdit(this.workspace, edits) };
  }
}

/** Owners to offer: the registry's allowed owners, else the owners its flags use most (at most three). */
function ownerChoices(registry: Registry): string[] {
  if (registry.owners.length) return registry.owners.slice(0, 3);
  const used = [...registry.flags.values()].map((e) => e.owner);
  const choices: string[] = [];
  let rest = used;
  while (choices.length < 3) {
    const next = mostCommon(rest);
    if (!next) break;
    choices.push(next);
    rest = rest.filter((o) => o !== next);
  }
  return choices;
}
