// Quick fixes edit the registry the way a careful person would: the entry lands in flags.yaml, the
// file's comments and other entries stay as they were, and the diagnostic goes away.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import {
  describeDiagnostics,
  eventually,
  fileUri,
  flaglint,
  flaglintDiagnostics,
  openDocument,
  ruleOf,
} from './helpers';
import { must } from '../../helpers/must';

async function fixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((a) => a.kind?.value.startsWith('quickfix'));
}

async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" did not apply`);
  if (action.command)
    await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
}

async function diagnosticFor(file: string, rule: string, key: string): Promise<vscode.Diagnostic> {
  const uri = fileUri(file);
  return eventually(`a ${rule} diagnostic for ${key} in ${file}`, () => {
    const diagnostics = flaglintDiagnostics(uri);
    const found = diagnostics.find((d) => ruleOf(d) === rule && d.message.includes(key));
    if (!found) throw new Error(`have ${describeDiagnostics(diagnostics)}`);
    return found;
  });
}

describe('Flaglint quick fixes', () => {
  before(async () => {
    await flaglint();
  });

  it("adds an unregistered flag to flags.yaml, keeping the file's comments and entries", async () => {
    const header = 'apps/web/src/components/Header.tsx';
    await openDocument(header);
    const registry = await vscode.workspace.openTextDocument(fileUri('flags.yaml'));
    const before = registry.getText();
    const diagnostic = await diagnosticFor(header, 'unregistered-flag', 'holiday-banner');
    const fixes = await fixesFor(fileUri(header), diagnostic);
    const add = fixes.find((a) => /add/i.test(a.title) && a.title.includes('holiday-banner'));
    assert.ok(add, `no "add to registry" fix; offered ${JSON.stringify(fixes.map((a) => a.title))}`);
    await apply(add);

    const after = await eventually('holiday-banner in flags.yaml', () =>
      registry.getText().match(/^\s+holiday-banner:/m) ? registry.getText() : undefined,
    );
    const lost = before.split('\n').filter((line) => line.trim() && !after.includes(line));
    assert.deepStrictEqual(lost, [], 'lines of the registry were lost or rewritten');
    await eventually(
      'the unregistered-flag diagnostic to go away',
      () => !flaglintDiagnostics(fileUri(header)).some((d) => ruleOf(d) === 'unregistered-flag'),
    );
  });

  it('sets a missing owner from the known owners', async () => {
    await openDocument('flags.yaml');
    const diagnostic = await diagnosticFor('flags.yaml', 'missing-owner', 'product-reviews-v2');
    const fixes = await fixesFor(fileUri('flags.yaml'), diagnostic);
    const setOwner = fixes.find(
      (a) => a.title.includes('product-reviews-v2') && /owner/i.test(a.title) && /@[a-z-]+/.test(a.title),
    );
    assert.ok(setOwner, `no "set owner" fix; offered ${JSON.stringify(fixes.map((a) => a.title))}`);
    const owner = /@[a-z-]+/.exec(setOwner.title)![0];
    await apply(setOwner);
    const registry = await vscode.workspace.openTextDocument(fileUri('flags.yaml'));
    await eventually(`owner ${owner} in the product-reviews-v2 entry`, () => {
      const entry = /\n {2}product-reviews-v2:\n((?: {4}.*\n)+)/.exec(registry.getText());
      return must(entry?.[1]).includes(`owner: "${owner}"`) || must(entry?.[1]).includes(`owner: '${owner}'`);
    });
    await eventually(
      'the missing-owner diagnostic to go away',
      () =>
        !flaglintDiagnostics(fileUri('flags.yaml')).some(
          (d) => ruleOf(d) === 'missing-owner' && d.message.includes('product-reviews-v2'),
        ),
    );
  });
});
