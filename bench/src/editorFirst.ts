import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { generateRepo } from './generate';
import { median } from './sideBySide';

/**
 * `node out/bench/src/editorFirst.js [--files 12000] [--runs 5] [--repo <folder> --open <file>] [--server <a.js>,<b.js>]`
 *
 * The editor's wait: the real language server (the `dist/server.js` bundle when built, else the
 * compiled one) started over stdio on a workspace with one document open, as VS Code starts it
 * (initialize, initialized, didOpen at once). Reports, per run and as medians: the time from the
 * process start to the first publishDiagnostics of the open document, and to the end of the first
 * scan (the `flaglint/indexChanged` status that stops saying "scanning"). No analysis cache, so
 * every run is a cold start. `--server` names the server module(s) to start; with two or more, the runs
 * alternate between them (run i starts server i mod n), so that each sees the same machine load, and
 * each gets its own medians.
 */
interface Args {
  files: number;
  runs: number;
  repo?: string;
  open?: string;
  servers?: string[];
}

interface Run {
  /** The server's answer to `initialize`: its modules are loaded by then. */
  initializedMs: number;
  firstDiagnosticsMs: number;
  scanEndMs: number;
  firstCount: number;
  finalCount: number;
  /** Whether the first diagnostics of the open document were already its final ones. */
  firstEqualsFinal: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: 12000, runs: 5 };
  for (let i = 0; i < argv.length; i += 2) {
    const [a, v] = [argv[i], argv[i + 1]];
    if (v === undefined) throw new Error(`${a} needs a value`);
    if (a === '--files') args.files = Number(v);
    else if (a === '--runs') args.runs = Number(v);
    else if (a === '--repo') args.repo = path.resolve(v);
    else if (a === '--open') args.open = v;
    else if (a === '--server') args.servers = v.split(',').map((p) => path.resolve(p));
    else throw new Error(`unknown argument ${a} (expected --files, --runs, --repo, --open, --server)`);
  }
  return args;
}

function serverPath(): string {
  const bundle = path.resolve(__dirname, '../../../dist/server.js');
  return fs.existsSync(bundle) ? bundle : path.resolve(__dirname, '../../server/src/lsp/main.js');
}

async function oneRun(server: string, root: string, file: string): Promise<Run> {
  const uri = pathToFileURL(file).toString();
  const started = performance.now();
  const child = spawn(process.execPath, [server, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  let first: { at: number; diagnostics: Diagnostic[] } | undefined;
  let latest: Diagnostic[] = [];
  let scanEnd: number | undefined;
  let scanStarted = false;
  let wake: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (wake = resolve));
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (params.uri !== uri) return;
    if (!first && params.diagnostics.length)
      first = { at: performance.now() - started, diagnostics: params.diagnostics };
    latest = params.diagnostics;
  });
  connection.onNotification('flaglint/indexChanged', (status: { scanning: boolean }) => {
    if (status.scanning) scanStarted = true;
    else if (scanStarted && scanEnd === undefined) {
      scanEnd = performance.now() - started;
      wake();
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).toString(),
    workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: path.basename(root) }],
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true, workspaceFolders: true, codeLens: { refreshSupport: true } },
    },
    initializationOptions: { trusted: true },
  });
  const initializedMs = Math.round(performance.now() - started);
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: {
      uri,
      languageId: file.endsWith('x') ? 'typescriptreact' : 'typescript',
      version: 1,
      text: fs.readFileSync(file, 'utf8'),
    },
  });
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 120_000))]);
  // The scan's diagnostics are published before its status says it ended (see Workspace.runScan).
  const final = latest;
  await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
  await connection.sendNotification(ExitNotification.type).catch(() => undefined);
  connection.dispose();
  child.kill();
  if (!first || scanEnd === undefined)
    throw new Error(`no diagnostics for ${file} (or the scan did not end) within 120 s`);
  return {
    initializedMs,
    firstDiagnosticsMs: Math.round(first.at),
    scanEndMs: Math.round(scanEnd),
    firstCount: first.diagnostics.length,
    finalCount: final.length,
    firstEqualsFinal: JSON.stringify(first.diagnostics) === JSON.stringify(final),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let root: string;
  let file: string;
  if (args.repo) {
    if (!args.open) throw new Error('--repo needs --open <file with findings>');
    root = args.repo;
    file = path.resolve(root, args.open);
  } else {
    root = path.join(os.tmpdir(), `flaglint-bench-editor-${args.files}`);
    const repo = generateRepo(root, args.files);
    // The generator's large file evaluates unregistered and misspelt flags: it has findings.
    file = args.open ? path.resolve(root, args.open) : repo.largeFile;
    console.log(`generated ${repo.files} files (${(repo.bytes / 1048576).toFixed(1)} MB) in ${root}`);
  }
  const servers = args.servers ?? [serverPath()];
  console.log(
    `server ${servers.map((s) => path.relative(process.cwd(), s)).join(' / ')}; open ${path.relative(root, file)}; ${os.cpus().length} cores, Node ${process.version}`,
  );
  const runs = new Map<string, Run[]>(servers.map((s) => [s, []]));
  for (let i = 0; i < args.runs * servers.length; i++) {
    const server = servers[i % servers.length]!;
    const run = await oneRun(server, root, file);
    runs.get(server)!.push(run);
    const label = servers.length > 1 ? ` ${path.relative(process.cwd(), server)}` : '';
    console.log(
      `  run ${i + 1}${label}: initialize answered ${run.initializedMs} ms, first diagnostics ${run.firstDiagnosticsMs} ms (${run.firstCount}), scan end ${run.scanEndMs} ms (${run.finalCount}), first = final: ${run.firstEqualsFinal}, load ${os.loadavg()[0]!.toFixed(2)}`,
    );
  }
  for (const [server, list] of runs) {
    const firsts = list.map((r) => r.firstDiagnosticsMs);
    const ends = list.map((r) => r.scanEndMs);
    console.log(
      `${path.relative(process.cwd(), server)}: median of ${list.length}: initialize answered ${median(list.map((r) => r.initializedMs))} ms, first diagnostics ${median(firsts)} ms (${Math.min(...firsts)}–${Math.max(...firsts)}), scan end ${median(ends)} ms (${Math.min(...ends)}–${Math.max(...ends)})`,
    );
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
