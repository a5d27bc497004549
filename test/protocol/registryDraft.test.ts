/**
 * `flaglint init` (the CLI as a process) and the editor's "Create Registry from Code" (the server
 * over JSON-RPC) draft one registry: the same file, byte for byte, for the same tree.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { ServerCommands } from '../../protocol/src';
import { flaglint, requireBuiltCli } from '../cli/helpers/flaglint';
import { copyFixture, LspSession, NOW } from './lspSession';
import { must } from '../helpers/must';

interface CreateResult {
  uri?: string;
  flags: number;
  message: string;
}

/** Two copies of a fixture prepared alike: one for the CLI, one for the server. */
function twin(name: string, prepare: (dir: string) => void): [string, string] {
  const dirs: [string, string] = [copyFixture(name), copyFixture(name)];
  for (const dir of dirs) prepare(dir);
  return dirs;
}

async function createFromEditor(root: string): Promise<{ result: CreateResult; text: string }> {
  const session = await LspSession.start(root, { applyEditsToDisk: true });
  try {
    await session.ready();
    const result = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.createRegistry,
      arguments: [{}],
    })) as CreateResult;
    return { result, text: fs.readFileSync(path.join(root, 'flags.yaml'), 'utf8') };
  } finally {
    await session.stop();
  }
}

function createFromCli(root: string): string {
  const run = flaglint(['init', root, '--now', NOW, '--no-cache']);
  assert.equal(run.status, 0, run.stderr);
  return fs.readFileSync(path.join(root, 'flags.yaml'), 'utf8');
}

describe('one registry draft for flaglint init and the editor', function () {
  before(requireBuiltCli);

  it('writes the same flags.yaml (owners from CODEOWNERS, types, defaults, where-used comments)', async function () {
    const [cliRoot, editorRoot] = twin('no-registry', (dir) => {
      fs.mkdirSync(path.join(dir, '.github'));
      fs.writeFileSync(path.join(dir, '.github', 'CODEOWNERS'), '*  @notes/platform\n/src/notes.ts @notes/web\n');
    });
    const fromCli = createFromCli(cliRoot);
    const { result, text } = await createFromEditor(editorRoot);
    assert.equal(text, fromCli);
    const flags = (parseYaml(text) as { flags: Record<string, { owner: string; created: string }> }).flags;
    assert.equal(result.flags, Object.keys(flags).length);
    assert.deepEqual(Object.keys(flags), ['markdown-notes', 'pinned-notes-first']);
    assert.equal(must(flags['markdown-notes']).owner, '@notes/web');
    assert.equal(must(flags['markdown-notes']).created, NOW);
  });

  it('drafts every flag of a tree with constants and wrappers, the same from both', async function () {
    const [cliRoot, editorRoot] = twin('app', (dir) => fs.rmSync(path.join(dir, 'flags.yaml')));
    const fromCli = createFromCli(cliRoot);
    const { result, text } = await createFromEditor(editorRoot);
    assert.equal(text, fromCli);
    const keys = Object.keys((parseYaml(text) as { flags: Record<string, unknown> }).flags);
    assert.ok(keys.length >= 3, `expected the app's flags, got ${keys.join(', ')}`);
    assert.equal(result.flags, keys.length);
    assert.match(result.message, /^Created .*flags\.yaml with \d+ flags$/);
  });

  it('still writes a registry (with no flags) when the code evaluates none', async function () {
    const [cliRoot, editorRoot] = twin('no-registry', (dir) => fs.rmSync(path.join(dir, 'src'), { recursive: true }));
    const fromCli = createFromCli(cliRoot);
    const { result, text } = await createFromEditor(editorRoot);
    assert.equal(text, fromCli);
    assert.deepEqual(parseYaml(text), { flags: {} });
    assert.equal(result.flags, 0);
    assert.doesNotMatch(result.message, /No edits/);
  });
});
