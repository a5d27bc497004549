// Starts and stops one code-server (VS Code 1.100 web workbench + a real Node extension host) with
// its own config, user data and extensions folders, so a run never touches the user's editor.
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { repoRoot } from './paths.mjs';

const execFileAsync = promisify(execFile);

export const editorDir = process.env.FLAGLINT_EDITOR_DIR ?? path.join(repoRoot, '.tools', 'editor');
export const codeServerBin = path.join(editorDir, 'node_modules', '.bin', 'code-server');

/** Settings that keep the workbench from showing welcome pages, trust prompts and update checks. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.codeLens': true,
  'editor.hover.delay': 100,
  'editor.lightbulb.enabled': 'on',
  'workbench.editor.enablePreview': false,
  'chat.disableAIFeatures': true,
};

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * One code-server instance under `baseDir`. Call start(), then stop() in a finally; stop() kills the
 * whole process group, because closing the browser leaves the extension host (and any language
 * server it started) running for hours.
 */
export class Editor {
  constructor(baseDir, { settings = {}, log = () => {} } = {}) {
    this.baseDir = baseDir;
    this.userDataDir = path.join(baseDir, 'user-data');
    this.extensionsDir = path.join(baseDir, 'extensions');
    this.configFile = path.join(baseDir, 'config.yaml');
    this.logFile = path.join(baseDir, 'code-server.log');
    this.settings = { ...quietSettings, ...settings };
    this.log = log;
    this.child = undefined;
    this.port = undefined;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Path on the server as the workbench names it in `payload` (extensionDevelopmentPath and the like). */
  remoteUri(absPath) {
    return `vscode-remote://127.0.0.1:${this.port}${absPath}`;
  }

  commonArgs() {
    return ['--config', this.configFile, '--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir];
  }

  prepare() {
    if (!fs.existsSync(codeServerBin)) {
      throw new Error(`code-server is not installed at ${codeServerBin}; run .ci/install-editor.sh`);
    }
    fs.mkdirSync(path.join(this.userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(this.extensionsDir, { recursive: true });
    fs.writeFileSync(this.configFile, 'auth: none\ncert: false\n');
    fs.writeFileSync(path.join(this.userDataDir, 'User', 'settings.json'), JSON.stringify(this.settings, null, 2));
  }

  /** Installs a .vsix the way a user would (`code-server --install-extension`), before the server starts. */
  async installExtension(vsixPath) {
    const { stdout, stderr } = await execFileAsync(
      codeServerBin,
      [...this.commonArgs(), '--install-extension', vsixPath],
      {
        timeout: 120_000,
      },
    );
    const text = `${stdout}${stderr}`;
    if (!/successfully installed/i.test(text)) {
      throw new Error(`installing ${vsixPath} failed:\n${text}`);
    }
    const installed = fs
      .readdirSync(this.extensionsDir)
      .filter((name) => !name.startsWith('.') && name !== 'extensions.json');
    return installed.map((name) => path.join(this.extensionsDir, name));
  }

  async start({ env = {}, timeoutMs = 60_000 } = {}) {
    this.port = await freePort();
    const out = fs.openSync(this.logFile, 'a');
    // detached: the server leads its own process group (setsid), so stop() can kill everything it spawned.
    this.child = spawn(
      codeServerBin,
      [
        ...this.commonArgs(),
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${this.port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
      ],
      { detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...env } },
    );
    fs.closeSync(out);
    this.child.on('exit', (code, signal) => this.log(`code-server exited (code ${code}, signal ${signal})`));
    await this.waitHealthy(timeoutMs);
  }

  async waitHealthy(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let lastError;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) break;
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) return;
        lastError = new Error(`HTTP ${response.status}`);
      } catch (error) {
        lastError = error;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(
      `code-server did not become healthy on ${this.url} (${lastError?.message}); log:\n${this.tailLog()}`,
    );
  }

  tailLog(lines = 40) {
    try {
      return fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** Synchronous so it can also run from a process 'exit' handler. */
  killNow(signal = 'SIGKILL') {
    if (!this.child || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // already gone
    }
  }

  async stop() {
    if (!this.child) return;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.killNow('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    }
    // Extension hosts and language servers may outlive the server itself: sweep the whole group.
    this.killNow('SIGKILL');
    this.child = undefined;
  }
}
