/**
 * "Flaglint: Show Dependency Map": a webview with the flags' dependsOn graph drawn as a picture
 * (laid out in the extension host by mapLayout.ts; the page itself loads nothing: a strict CSP,
 * one inline script with a nonce that only forwards clicks). Clicking a flag opens its registry
 * entry; the map redraws when the index changes.
 */
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GraphRequest, type GraphResult, type TreeFlag } from '../../protocol/src/requests';
import type { FlagExplorer } from './flagExplorer';
import { renderMap } from './mapLayout';
import { plural } from './plural';

export class DependencyMap implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private focus: string | undefined;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly explorer: FlagExplorer,
  ) {}

  /** Opens (or reveals) the map; with a flag, only its neighbourhood. */
  async show(flag?: string): Promise<void> {
    this.focus = flag;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('flaglint.map', 'Flag dependency map', vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: { open?: string }) => {
        if (typeof message.open === 'string') void this.openEntry(message.open);
      });
    } else {
      this.panel.reveal();
    }
    await this.update();
  }

  /** Redraws an open map (the server's index changed). */
  async update(): Promise<void> {
    const panel = this.panel;
    const client = this.client();
    if (!panel || !client?.isRunning()) return;
    let result: GraphResult | null;
    try {
      result = await client.sendRequest(GraphRequest, { flag: this.focus });
    } catch (error) {
      panel.webview.html = page(
        panel.webview,
        `<p class="empty">The dependency map is not available: ${escapeHtml(String(error))}</p>`,
      );
      return;
    }
    panel.title = this.focus ? `Dependencies of ${this.focus}` : 'Flag dependency map';
    panel.webview.html = page(panel.webview, body(result, this.focus));
  }

  private async openEntry(key: string): Promise<void> {
    const flag: TreeFlag | undefined = (await this.explorer.flags()).find((f) => f.flag.key === key)?.flag;
    if (!flag?.definition) {
      void vscode.window.showInformationMessage(`'${key}' has no registry entry.`);
      return;
    }
    const { start, end } = flag.definition.range;
    await vscode.window.showTextDocument(vscode.Uri.parse(flag.definition.uri), {
      selection: new vscode.Range(start.line, start.character, end.line, end.character),
      viewColumn: vscode.ViewColumn.Beside,
    });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function body(result: GraphResult | null, focus: string | undefined): string {
  if (!result) return '<p class="empty">Flaglint is still scanning, or the workspace has no flags.</p>';
  const { graph } = result;
  const picture = renderMap(graph);
  const broken = graph.edges.filter((e) => e.kind !== 'ok').length;
  const summary = [
    plural(graph.edges.length, 'dependency', 'dependencies'),
    `between ${plural(new Set(graph.edges.flatMap((e) => [e.from, e.to])).size, 'flag')}`,
    graph.cycles.length ? `${plural(graph.cycles.length, 'cycle')}` : undefined,
    broken ? `${plural(broken, 'link')} to unknown or retired flags` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const heading = `<h1>${focus ? `Dependencies of <code>${escapeHtml(focus)}</code>` : `Flag dependencies in ${escapeHtml(result.folderName)}`}</h1>`;
  if (!graph.edges.length)
    return `${heading}<p class="empty">No flag declares <code>dependsOn</code>${focus ? '' : ` (${plural(graph.nodes.length, 'flag')} in all)`}.</p>`;
  const legend =
    '<ul class="legend"><li><span class="swatch active"></span>active</li><li><span class="swatch proposed"></span>proposed</li><li><span class="swatch rolled-out"></span>rolled out</li>' +
    '<li><span class="swatch deprecated"></span>deprecated / archived</li><li><span class="swatch unregistered"></span>not in the registry</li>' +
    '<li><span class="line cycle"></span>cycle</li><li><span class="line broken"></span>link to an unknown or retired flag</li></ul>';
  return `${heading}<p class="summary">${summary}. Arrows point from a flag to the flag it needs. Click a flag to open its registry entry.</p>${legend}<div class="map">${picture.svg}</div>`;
}

function page(webview: vscode.Webview, content: string): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:;`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${STYLE}</style></head><body>${content}
<script nonce="${nonce}">const vscode = acquireVsCodeApi();
for (const node of document.querySelectorAll('.node')) {
  const open = () => vscode.postMessage({ open: node.getAttribute('data-key') });
  node.addEventListener('click', open);
  node.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
}</script></body></html>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 16px 16px; }
h1 { font-size: 1.3em; font-weight: 600; } .summary, .empty { color: var(--vscode-descriptionForeground); }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 14px; font-size: 0.9em; }
.legend li { display: flex; align-items: center; gap: 5px; }
.swatch { width: 14px; height: 10px; border-radius: 2px; display: inline-block; border: 1px solid var(--vscode-foreground); }
.line { width: 22px; height: 0; display: inline-block; border-top: 2px solid; }
.line.cycle { border-color: var(--vscode-charts-red, #e51400); } .line.broken { border-top-style: dashed; border-color: var(--vscode-charts-orange, #d18616); }
.map { overflow: auto; }
svg .node { cursor: pointer; } svg .node:focus { outline: none; } svg .node:focus rect, svg .node:hover rect { stroke-width: 2.5; }
svg rect { stroke: var(--vscode-foreground); stroke-width: 1; fill: var(--vscode-editor-background); }
svg .active rect, .swatch.active { fill: rgba(56, 138, 52, 0.25); background: rgba(56, 138, 52, 0.25); }
svg .proposed rect, .swatch.proposed { fill: rgba(0, 122, 204, 0.22); background: rgba(0, 122, 204, 0.22); }
svg .rolled-out rect, .swatch.rolled-out { fill: rgba(101, 90, 199, 0.25); background: rgba(101, 90, 199, 0.25); }
svg .deprecated rect, svg .archived rect, .swatch.deprecated { fill: rgba(128, 128, 128, 0.25); background: rgba(128, 128, 128, 0.25); }
svg .unregistered rect, .swatch.unregistered { fill: rgba(209, 134, 22, 0.25); background: rgba(209, 134, 22, 0.25); stroke-dasharray: 4 3; }
svg text { fill: var(--vscode-foreground); text-anchor: middle; font-family: var(--vscode-font-family); }
svg text.key { font-size: 12px; font-weight: 600; } svg text.sub { font-size: 10px; fill: var(--vscode-descriptionForeground); }
svg .edge { fill: none; stroke: var(--vscode-foreground); stroke-width: 1.4; opacity: 0.75; }
svg .edge.unknown, svg .edge.retired { stroke: var(--vscode-charts-orange, #d18616); stroke-dasharray: 5 4; opacity: 1; }
svg .edge.cycle { stroke: var(--vscode-charts-red, #e51400); opacity: 1; }
svg .arrowhead { fill: var(--vscode-foreground); }
`;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
