// Typing a flag call: while the key is empty or its quote unclosed, it is not a flag (no code lens,
// no new flag in the count); once typed, it is. Through the real editor's edits and lens provider.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { eventually, flaglint, openDocument, positionOf } from './helpers';

const CHECKOUT = 'apps/api/src/routes/checkout.ts';

interface Status {
  flags: number;
  scanning: boolean;
}

async function lensTitlesByLine(document: vscode.TextDocument): Promise<Map<number, string[]>> {
  const lenses =
    (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100)) ??
    [];
  const byLine = new Map<number, string[]>();
  for (const lens of lenses)
    byLine.set(lens.range.start.line, [...(byLine.get(lens.range.start.line) ?? []), lens.command?.title ?? '']);
  return byLine;
}

describe('Flaglint while a flag call is half typed', () => {
  let status: () => Promise<Status>;

  before(async () => {
    const api = await flaglint();
    const client = api.client() as unknown as { sendRequest(method: string): Promise<Status> };
    status = () => client.sendRequest('flaglint/status');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('counts neither an empty key nor an unclosed quote as a flag, and counts the key once typed', async () => {
    const document = await openDocument(CHECKOUT);
    const editor = vscode.window.activeTextEditor!;
    const before = await eventually('the first scan to end', async () => {
      const s = await status();
      return s.scanning ? undefined : s;
    });
    const at = positionOf(document, '  const onePage').line;

    // An empty key, then a real key below it: the real one's lens says the server has seen the edit.
    await editor.edit((b) =>
      b.insert(
        new vscode.Position(at, 0),
        "  const typing = await ldClient.variation('', context, false);\n  const probe = await ldClient.variation('typing-probe-one', context, false);\n",
      ),
    );
    let lenses = await eventually('a lens for typing-probe-one', async () => {
      const byLine = await lensTitlesByLine(document);
      return (byLine.get(at + 1) ?? []).some((t) => t.includes('typing-probe-one')) ? byLine : undefined;
    });
    assert.deepEqual(lenses.get(at) ?? [], [], 'the empty key has a code lens');
    assert.equal((await status()).flags, before.flags + 1, 'the empty key was counted as a flag');

    // The quote still open, as while typing; the probe renamed so that its lens marks this version.
    await editor.edit((b) => {
      b.replace(document.lineAt(at).range, "  const typing = await ldClient.variation('");
      b.replace(
        document.lineAt(at + 1).range,
        "  const probe = await ldClient.variation('typing-probe-two', context, false);",
      );
    });
    lenses = await eventually('a lens for typing-probe-two', async () => {
      const byLine = await lensTitlesByLine(document);
      return [...byLine.values()].flat().some((t) => t.includes('typing-probe-two')) ? byLine : undefined;
    });
    assert.deepEqual(lenses.get(at) ?? [], [], 'the half-typed call has a code lens');
    assert.equal((await status()).flags, before.flags + 1, 'the half-typed call was counted as a flag');

    // Typed out: now it is a flag.
    await editor.edit((b) =>
      b.replace(document.lineAt(at).range, "  const typing = await ldClient.variation('typing-done', context, false);"),
    );
    await eventually('a lens for typing-done', async () =>
      ((await lensTitlesByLine(document)).get(at) ?? []).some((t) => t.includes('typing-done')),
    );
    assert.equal((await status()).flags, before.flags + 2);
  });
});
