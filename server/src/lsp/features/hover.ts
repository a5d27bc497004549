/** Hover on a flag (code reference, registry key or dependsOn item): the registry entry in full. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { entryMarkdown } from '../describe';
import { flagAt } from '../lookup';
import type { Workspace } from '../workspace';

export class HoverFeature {
  constructor(private readonly workspace: Workspace) {}

  hover(params: HoverParams): Hover | null {
    const at = flagAt(this.workspace, params.textDocument.uri, params.position);
    if (!at) return null;
    const value = entryMarkdown({
      key: at.key,
      entry: at.entry,
      registryFile: at.entry?.location.file,
      folder: at.folder,
      references: at.folder.referencesTo(at.key),
      problems: at.folder.problemsOf(at.key),
      reference: at.reference,
    });
    return { contents: { kind: MarkupKind.Markdown, value }, range: at.range };
  }
}
