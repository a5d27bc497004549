/** textDocument/completion: the service's key completion (core/service/completion.ts) as completion items. */
import {
  CompletionItemKind,
  CompletionItemTag,
  MarkupKind,
  type CompletionItem,
  type CompletionParams,
} from 'vscode-languageserver/node';
import { completeKey, type Workspace } from '../../core/service';
import { toLspRange, uriToFile } from '../convert';
import { lifetime } from '../describe';

export class CompletionFeature {
  constructor(private readonly workspace: Workspace) {}

  completion(params: CompletionParams): CompletionItem[] | null {
    const file = uriToFile(params.textDocument.uri);
    const completion = file ? completeKey(this.workspace, file, params.position) : undefined;
    if (!completion) return null;
    const range = toLspRange(completion.range);
    return completion.entries.map((entry) => {
      const detail = [entry.owner, entry.type, entry.status, lifetime(entry)].filter(Boolean).join(' · ');
      const retired = entry.status === 'archived' || entry.status === 'deprecated';
      return {
        label: entry.key,
        kind: CompletionItemKind.Constant,
        detail: detail || undefined,
        documentation: entry.description ? { kind: MarkupKind.Markdown, value: entry.description } : undefined,
        textEdit: { range, newText: entry.key },
        filterText: entry.key,
        // Retired flags sort last: new code should not start using them.
        sortText: `${retired ? '1' : '0'}${entry.key}`,
        tags: retired ? [CompletionItemTag.Deprecated] : undefined,
      };
    });
  }
}
