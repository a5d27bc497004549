/**
 * Quick fixes for Flaglint's diagnostics, from the service's fix catalogue (core/service/fixes.ts),
 * as versioned workspace edits (never file writes); and "remove flag" (a refactor that asks for the
 * value to keep, so it runs as a client command).
 */
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import type { RuleId } from '../../core/model';
import { fixesFor, rangeContains, registryKeyOf, type Workspace } from '../../core/service';
import { ClientCommands, type RemoveFlagArgs, type RevealEntryArgs } from '../../../../protocol/src';
import { DIAGNOSTIC_SOURCE, fileToUri, uriToFile, type DiagnosticData } from '../convert';
import { toWorkspaceEdit } from '../edits';

export class CodeActionsFeature {
  constructor(private readonly workspace: Workspace) {}

  codeActions(params: CodeActionParams): CodeAction[] {
    const uri = params.textDocument.uri;
    const file = uriToFile(uri);
    const folder = file ? this.workspace.folderFor(file) : undefined;
    if (!file || !folder) return [];
    this.workspace.flush(file);
    const actions: CodeAction[] = [];
    // One "remove flag" per key, however many of its diagnostics are under the cursor.
    const removalOffered = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      const key = (diagnostic.data as DiagnosticData | undefined)?.flagKey;
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || !key) continue;
      try {
        for (const fix of fixesFor(this.workspace, folder, file, key, diagnostic.code as RuleId)) {
          if (fix.kind === 'edit') {
            const action: CodeAction = {
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              isPreferred: fix.preferred || undefined,
              edit: toWorkspaceEdit(this.workspace, fix.edits),
            };
            if (fix.reveal) {
              // After the edit, VS Code reveals the new entry and offers its placeholders as snippet tab stops.
              const args: RevealEntryArgs = { registryUri: fileToUri(fix.reveal.file), key: fix.reveal.key };
              action.command = {
                title: 'Reveal the new entry',
                command: ClientCommands.revealEntry,
                arguments: [args],
              };
            }
            actions.push(action);
          } else if (!removalOffered.has(fix.key)) {
            removalOffered.add(fix.key);
            actions.push({ ...removeFlagAction(fix.key, uri, CodeActionKind.QuickFix), diagnostics: [diagnostic] });
          }
        }
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
        actions.push(removeFlagAction(key, uri, CodeActionKind.RefactorRewrite));
      }
    }
    const only = params.context.only;
    return only?.length
      ? actions.filter((a) => only.some((kind) => a.kind === kind || a.kind?.startsWith(`${kind}.`)))
      : actions;
  }
}

function removeFlagAction(key: string, uri: string, kind: string): CodeAction {
  const args: Omit<RemoveFlagArgs, 'value'> = { key, uri };
  return {
    title: `Remove flag '${key}' from the code…`,
    kind,
    command: { title: `Remove flag '${key}'`, command: ClientCommands.removeFlag, arguments: [args] },
  };
}
