/** A service session over a small workspace written to a temporary folder, with a host that records what it is told. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Workspace, type FolderState, type OpenDocument, type SessionHost } from '../../../server/src/core/service';
import { must } from '../../helpers/must';

export class RecordingHost implements SessionHost {
  readonly logs: string[] = [];
  readonly messages: string[] = [];
  showMessage(_type: string, message: string): void {
    this.messages.push(message);
  }
  log(_type: string, message: string): void {
    this.logs.push(message);
  }
  async createProgress(): Promise<{ report(): void; done(): void }> {
    return { report() {}, done() {} };
  }
}

export interface TestSession {
  root: string;
  workspace: Workspace;
  folder: FolderState;
  host: RecordingHost;
  /** Editor buffers by absolute path (the test may add some). */
  buffers: Map<string, OpenDocument>;
  abs(rel: string): string;
  /** The line/character of the `occurrence`-th `needle` in a file (plus `offset` characters). */
  positionOf(rel: string, needle: string, offset?: number): { line: number; character: number };
  dispose(): void;
}

/** Writes `files` (relative path → text) to a fresh folder and scans it as a one-folder session. */
export async function startSession(files: Record<string, string>): Promise<TestSession> {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-service-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  const host = new RecordingHost();
  const buffers = new Map<string, OpenDocument>();
  const workspace = new Workspace({
    client: host,
    openDocuments: () => [...buffers.values()],
    trusted: true,
    debounceMs: 0,
  });
  const folder = workspace.addFolder({ uri: `file://${root}`, name: path.basename(root), root });
  await workspace.scan(folder);
  const abs = (rel: string): string => path.join(root, rel);
  return {
    root,
    workspace,
    folder,
    host,
    buffers,
    abs,
    positionOf(rel, needle, offset = 0) {
      const text = fs.readFileSync(abs(rel), 'utf8');
      const at = text.indexOf(needle);
      if (at < 0) throw new Error(`'${needle}' is not in ${rel}`);
      const before = text.slice(0, at + offset).split('\n');
      return { line: before.length - 1, character: must(before[before.length - 1]).length };
    },
    dispose() {
      workspace.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A storefront: an OpenFeature client, flags held in constants, and a registry with a dependency. */
export const STOREFRONT: Record<string, string> = {
  'package.json': JSON.stringify(
    { name: 'storefront', dependencies: { '@openfeature/server-sdk': '^1.0.0' } },
    null,
    2,
  ),
  'flags.yaml': [
    'owners:',
    '  - "@checkout"',
    '  - "@search"',
    'flags:',
    '  new-checkout:',
    '    owner: "@checkout"',
    '    type: release',
    '    status: active',
    '    created: 2026-09-01',
    '    expires: 2026-10-01',
    '    rollback: Turn it off; carts placed meanwhile stay valid.',
    '    dependsOn: [payments-v2]',
    '  payments-v2:',
    '    owner: "@checkout"',
    '    type: ops',
    '    status: active',
    '    created: 2026-08-10',
    '    permanent: true',
    '    rollback: Turn it off; the v1 gateway stays warm.',
    '  search-v2:',
    '    type: experiment',
    '    status: active',
    '    created: 2026-09-20',
    '    expires: 2026-12-31',
    '  old-banner:',
    '    owner: "@search"',
    '    type: release',
    '    status: active',
    '    created: 2026-01-10',
    '    expires: 2026-12-31',
    '    rollback: Turn it off.',
    '',
  ].join('\n'),
  'src/flags.ts': [
    "import { OpenFeature } from '@openfeature/server-sdk';",
    '',
    'export const client = OpenFeature.getClient();',
    "export const PAYMENTS_V2 = 'payments-v2';",
    '',
  ].join('\n'),
  'src/checkout.ts': [
    "import { client, PAYMENTS_V2 } from './flags';",
    '',
    'export async function steps(userId: string): Promise<string[]> {',
    "  const onePage = await client.getBooleanValue('new-checkout', false, { targetingKey: userId });",
    "  return onePage ? ['pay'] : ['basket', 'address', 'pay'];",
    '}',
    '',
    'export async function gateway(userId: string): Promise<string> {',
    "  return (await client.getBooleanValue(PAYMENTS_V2, false, { targetingKey: userId })) ? 'v2' : 'v1';",
    '}',
    '',
    'export async function search(userId: string): Promise<boolean> {',
    "  const ranked = await client.getBooleanValue('search-v2', false, { targetingKey: userId });",
    "  const suggest = await client.getBooleanValue('search-suggestions', true, { targetingKey: userId });",
    '  return ranked && suggest;',
    '}',
    '',
  ].join('\n'),
};
