/**
 * Quick fixes for Flaglint's diagnostics, as versioned workspace edits (never file writes): add an
 * unregistered flag to the registry, fill in owner / rollback plan / expiry, extend an expiry, mark
 * a flag archived, delete an unused entry; and "remove flag" (a refactor that asks for the value to
 * keep, so it runs as a command).
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { Registry, RuleId } from '../../core/model';
import { ClientCommands, type RemoveFlagArgs, type RevealEntryArgs } from '../../protocol';
import { DIAGNOSTIC_SOURCE, fileToUri, rangeContains, uriToFile, type DiagnosticData } from '../convert';
import { toWorkspaceEdit } from '../edits';
import { registryKeyOf } from '../lookup';
import { codeownersAt } from '../../core/registry/codeownersMatch';
import { ROLLBACK_PLACEHOLDER, RegistryEditor, mostCommon } from '../registryEditor';
import type { FolderState, Workspace } from '../workspace';


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
      const action = this.edit(`Add '${key}' to ${RegistryEditor.label(registry)}`, diagnostic, edits, true);
      // After the edit, VS Code reveals the entry and offers its placeholders as snippet tab stops.
      const args: RevealEntryArgs = { registryUri: fileToUri(edits[0].file), key };
      action.command = { title: 'Reveal the new entry', command: ClientCommands.revealEntry, arguments: [args] };
      return [action];
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
        for (const owner of ownerChoices(registry, folder, key)) set(`Set owner of '${key}' to ${owner}`, 'owner', owner, actions.length === 0);
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

/**
 * Owners to offer, all of them: first who CODEOWNERS says owns the files that evaluate the flag,
 * then the registry's `owners:`, the other CODEOWNERS owners, and the owners its flags already use
 * (most used first).
 */
function ownerChoices(registry: Registry, folder: FolderState, key: string): string[] {
  const codeowners = codeownersAt(folder.root);
  const ofCode = folder.referencesTo(key).flatMap((ref) => codeowners.ownersOf(ref.location.file));
  const used = [...registry.flags.values()].map((e) => e.owner);
  const byUse: string[] = [];
  for (let rest = used, next = mostCommon(rest); next; rest = rest.filter((o) => o !== next), next = mostCommon(rest)) byUse.push(next);
  const byCode: string[] = [];
  for (let rest: (string | undefined)[] = ofCode, next = mostCommon(rest); next; rest = rest.filter((o) => o !== next), next = mostCommon(rest)) byCode.push(next);
  // With an `owners:` list, only its owners are valid; a CODEOWNERS owner outside it would be a new finding.
  const valid = (owner: string) => !registry.owners.length || registry.owners.includes(owner);
  return [...new Set([...byCode, ...registry.owners, ...codeowners.all, ...byUse])].filter(valid);
}
