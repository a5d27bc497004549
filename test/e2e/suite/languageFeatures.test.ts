// Code lens, hover, go to definition, find references, completion, workspace symbols and rename,
// through the same VS Code commands the editor's UI uses.
import * as assert from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually, fileUri, flaglint, hoverText, openDocument, positionOf } from './helpers';
import { must } from '../../helpers/must';

const CHECKOUT = 'apps/api/src/routes/checkout.ts';

describe('Flaglint language features', () => {
  before(async () => {
    await flaglint();
  });

  it('shows a code lens above a reference with the flag key, its owner and status', async () => {
    const document = await openDocument(CHECKOUT);
    const line = positionOf(document, "'guest-checkout'").line;
    const lenses = await eventually('a Flaglint code lens on the guest-checkout line', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        document.uri,
        100,
      );
      const here = all.filter(
        (lens) => lens.range.start.line === line && lens.command?.title.includes('guest-checkout'),
      );
      return here.length ? here : undefined;
    });
    const title = must(lenses[0]).command!.title;
    assert.match(title, /@checkout-team/, `lens "${title}" does not name the owner`);
    assert.match(title, /rolled-out/, `lens "${title}" does not give the status`);
    assert.match(title, /reference/, `lens "${title}" does not count references`);
  });

  it('shows the registry entry when hovering a reference', async () => {
    const document = await openDocument(CHECKOUT);
    const position = positionOf(document, "'guest-checkout'", 3);
    const text = await eventually('a hover on guest-checkout', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        position,
      );
      const joined = hoverText(hovers);
      return joined.includes('guest-checkout') ? joined : undefined;
    });
    assert.match(text, /Lets shoppers place an order without creating an account/, 'the hover lacks the description');
    assert.match(text, /@checkout-team/, 'the hover lacks the owner');
    assert.match(text, /Turn off; guests are asked to sign in before payment/, 'the hover lacks the rollback plan');
  });

  it('goes from a reference to its registry entry', async () => {
    const document = await openDocument(CHECKOUT);
    const position = positionOf(document, "'guest-checkout'", 3);
    const registry = await openDocument('flags.yaml');
    const entryLine = positionOf(registry, '\n  guest-checkout:').line + 1;
    const targets = await eventually('a definition for guest-checkout', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        document.uri,
        position,
      );
      return found.length ? found : undefined;
    });
    const first = must(targets[0]);
    const uri = 'targetUri' in first ? first.targetUri : first.uri;
    const range = 'targetUri' in first ? first.targetRange : first.range;
    assert.strictEqual(path.basename(uri.fsPath), 'flags.yaml');
    assert.strictEqual(range.start.line, entryLine, 'definition does not land on the registry key');
  });

  it('finds every reference from a registry entry', async () => {
    const registry = await openDocument('flags.yaml');
    const position = positionOf(registry, '\n  new-checkout:', 3);
    const locations = await eventually('references of new-checkout in code', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        registry.uri,
        position,
      );
      const inCode = found.filter((l) => !l.uri.fsPath.endsWith('flags.yaml'));
      return inCode.length >= 2 ? inCode : undefined;
    });
    const files = locations.map((l) => vscode.workspace.asRelativePath(l.uri, false)).sort();
    assert.ok(files.includes(CHECKOUT), `no reference in ${CHECKOUT}: ${JSON.stringify(files)}`);
  });

  it('completes registered keys inside a flag call', async () => {
    const document = await openDocument(CHECKOUT);
    const position = positionOf(document, "'guest-checkout'", 1);
    const list = await eventually('completion items with registered keys', async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        position,
      );
      const labels = result.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      return labels.includes('new-checkout') ? labels : undefined;
    });
    assert.ok(
      list.includes('payments-api-v2'),
      `completion lacks payments-api-v2: ${JSON.stringify(list.slice(0, 30))}`,
    );
  });

  it('lists flags as workspace symbols', async () => {
    const symbols = await eventually('a workspace symbol for new-checkout', async () => {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
        'vscode.executeWorkspaceSymbolProvider',
        'new-checkout',
      );
      const flags = found.filter((s) => s.name === 'new-checkout');
      return flags.length ? flags : undefined;
    });
    assert.strictEqual(path.basename(must(symbols[0]).location.uri.fsPath), 'flags.yaml');
  });

  it('renames a flag key across code and registry', async () => {
    const document = await openDocument(CHECKOUT);
    const position = positionOf(document, "'guest-checkout'", 3);
    const edit = await eventually('a rename edit for guest-checkout', async () =>
      vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider',
        document.uri,
        position,
        'guest-orders',
      ),
    );
    const files = edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri, false));
    assert.ok(files.includes('flags.yaml'), `rename does not touch the registry: ${JSON.stringify(files)}`);
    assert.ok(files.includes(CHECKOUT), `rename does not touch ${CHECKOUT}: ${JSON.stringify(files)}`);
    const registryEdits = edit.get(fileUri('flags.yaml'));
    assert.ok(
      registryEdits.some((e) => e.newText.includes('guest-orders')),
      'the registry edit does not write the new key',
    );
  });
});
