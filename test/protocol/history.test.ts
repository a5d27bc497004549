import * as assert from 'node:assert/strict';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { TreeRequest, type TreeResult } from '../../protocol/src';
import { gitRepo, type GitRepo } from '../cli/helpers/gitRepo';
import { LspSession, uriOf } from './lspSession';

const REGISTRY_V1 = `flags:
  fast-refunds:
    description: Refunds issued by the support tool settle in one step.
    owner: "@payments"
    type: release
    rollback: Turn it off; refunds go back to the two-step review.
    expires: 2027-03-01
`;

const REGISTRY_V2 = REGISTRY_V1.replace('owner: "@payments"', 'owner: "@billing"');

const CODE = `import { useFlag } from '@openfeature/react-sdk';

export function RefundButton() {
  const fast = useFlag('fast-refunds', false);
  return fast.value ? 'Refund now' : 'Request refund';
}
`;

/** The registry's git history reaches the editor: who added a flag's entry and who changed it last. */
describe('language server: the registry history in hovers and the Explorer', function () {
  this.timeout(60_000);
  let repo: GitRepo;
  let session: LspSession;

  before(async () => {
    repo = gitRepo('flaglint-lsp-history-');
    repo.commit(
      { 'flags.yaml': REGISTRY_V1, 'src/RefundButton.tsx': CODE, 'package.json': '{ "name": "support-tool" }\n' },
      'Ana Lima',
      '2026-03-02',
      'Add fast refunds',
    );
    repo.commit({ 'flags.yaml': REGISTRY_V2 }, 'Ravi Patel', '2026-06-15', 'Billing owns refunds now');
    session = await LspSession.start(repo.dir);
    await session.ready();
  });

  after(async () => {
    await session?.stop();
    repo?.remove();
  });

  it('the hover names the commit author and day that added the entry and that changed it last', async () => {
    await session.open('src/RefundButton.tsx');
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriOf(session.abs('src/RefundButton.tsx')) },
      position: session.positionOf('src/RefundButton.tsx', "'fast-refunds'", 2),
    });
    const text = (hover?.contents as MarkupContent).value;
    assert.ok(
      text.includes('| History | added 2026-03-02 by Ana Lima · last changed 2026-06-15 by Ravi Patel |'),
      text,
    );
    // No `created:` in the registry: the entry's age comes from the commit that added it.
    assert.ok(/\| Created \| 2026-03-02/.test(text), text);
  });

  it('the Explorer tree carries the same line for the tooltip', async () => {
    const tree = await session.connection.sendRequest<TreeResult>(TreeRequest.method, {});
    const flag = tree.folders.flatMap((f) => f.flags).find((f) => f.key === 'fast-refunds');
    assert.equal(flag?.audit, 'added 2026-03-02 by Ana Lima · last changed 2026-06-15 by Ravi Patel');
  });
});
