import * as assert from 'node:assert/strict';
import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { PREVIEW_SENTINEL, previewableEdit } from '../../../client/src/previewEdit';
import { must } from '../../helpers/must';

const SEARCH = 'file:///shop/apps/api/src/routes/search.ts';
const REGISTRY = 'file:///shop/flags.yaml';

function removal(): WorkspaceEdit {
  const range = { start: { line: 20, character: 2 }, end: { line: 21, character: 0 } };
  return {
    documentChanges: [
      { textDocument: { uri: SEARCH, version: 3 }, edits: [{ range, newText: '', annotationId: 'flaglint' }] },
      { textDocument: { uri: REGISTRY, version: null }, edits: [{ range, newText: '', annotationId: 'flaglint' }] },
    ],
    changeAnnotations: { flaglint: { label: "Remove flag 'legacy-search'", needsConfirmation: false } },
  };
}

describe('refactor preview edit', () => {
  it('keeps every real change checked and adds one creation of an existing file that needs confirmation', () => {
    const edit = must(previewableEdit(removal()));
    assert.equal(must(edit.changeAnnotations?.['flaglint']).needsConfirmation, false);
    assert.equal(must(edit.changeAnnotations?.[PREVIEW_SENTINEL]).needsConfirmation, true);
    const changes = edit.documentChanges ?? [];
    assert.equal(changes.length, 3);
    const sentinel = changes[2] as CreateFile;
    assert.equal(sentinel.kind, 'create');
    assert.equal(sentinel.uri, SEARCH, 'the sentinel names a file the edit already changes');
    // VS Code's preview lists a creation of an existing file only when overwrite is set.
    assert.deepEqual(sentinel.options, { ignoreIfExists: true });
    assert.deepEqual(
      (changes[0] as TextDocumentEdit).edits,
      (removal().documentChanges![0] as TextDocumentEdit).edits,
      'the real changes are untouched',
    );
  });

  it('without an existing file to name, lets every change need confirmation so VS Code still previews', () => {
    const created: WorkspaceEdit = {
      documentChanges: [
        { kind: 'create', uri: REGISTRY, annotationId: 'flaglint' },
        { textDocument: { uri: REGISTRY, version: null }, edits: [] },
      ],
      changeAnnotations: { flaglint: { label: 'Create flags.yaml', needsConfirmation: false } },
    };
    const edit = must(previewableEdit(created));
    assert.equal(edit.documentChanges?.length, 2);
    assert.equal(must(edit.changeAnnotations?.['flaglint']).needsConfirmation, true);
  });
});
