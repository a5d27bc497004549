/** Open documents, kept from didOpen/didChange/didClose (incremental sync), without needing a connection. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
} from 'vscode-languageserver/node';

export class DocumentStore {
  private readonly docs = new Map<string, TextDocument>();

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  all(): TextDocument[] {
    return [...this.docs.values()];
  }

  open(params: DidOpenTextDocumentParams): TextDocument {
    const { uri, languageId, version, text } = params.textDocument;
    const doc = TextDocument.create(uri, languageId, version, text);
    this.docs.set(uri, doc);
    return doc;
  }

  change(params: DidChangeTextDocumentParams): TextDocument | undefined {
    const doc = this.docs.get(params.textDocument.uri);
    if (!doc) return undefined;
    const updated = TextDocument.update(doc, params.contentChanges, params.textDocument.version);
    this.docs.set(doc.uri, updated);
    return updated;
  }

  close(params: DidCloseTextDocumentParams): void {
    this.docs.delete(params.textDocument.uri);
  }
}
