import type { ScanResult } from '../../engine/types';
import { auditLine } from '../../history/format';
import type { Finding, FlagReference } from '../../model';
import { dayOf } from '../../rules/dates';
import type { FlagGraph } from '../graph';
import type { InventoryRow } from '../inventory';
import { displayPath } from '../paths';
import { countBySeverity } from '../summary';
import { CLIENT_SCRIPT } from './clientScript';
import { escapeHtml as esc, scriptJson } from './escape';
import { renderMapSvg } from './mapSvg';
import { ageHistogram, expiryTimeline, flagsByOwner, flagsByStatus } from './reportData';
import { STYLES } from './styles';

export interface HtmlReportInput {
  result: ScanResult;
  inventory: readonly InventoryRow[];
  graph: FlagGraph;
  now: Date;
  /** chart.js's UMD build (the caller reads it from node_modules), inlined so the file needs no network. */
  chartJs: string;
  tool: { name: string; version: string };
  title?: string;
}

/** Rows of the problems table before "… and N more": the file stays openable on a large code base. */
const MAX_PROBLEMS = 1000;
/** References listed per flag (the count is always exact). */
const MAX_REFS = 50;

/**
 * Reads no network and runs nothing but chart.js and CLIENT_SCRIPT: the CSP says so to the browser
 * as well, so a link or image smuggled into a description could not load even if escaping failed.
 */
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

function location(f: { location: Finding['location'] }, root: string): string {
  return `${displayPath(f.location.file, root)}:${f.location.range.start.line + 1}`;
}

function total(n: number, what: string, tone = ''): string {
  return `<div class="total${tone && n > 0 ? ` ${tone}` : ''}" data-total="${esc(what)}"><span class="n">${n}</span><span class="what">${esc(what)}</span></div>`;
}

function chart(name: string, title: string, height: number, note = ''): string {
  return `<div class="chart"><h3>${esc(title)}</h3><div class="box" style="height:${height}px"><canvas id="chart-${name}" role="img" aria-label="${esc(title)}"></canvas></div>${note ? `<p class="note">${esc(note)}</p>` : ''}</div>`;
}

/** The self-contained inventory report: one HTML file, scripts, styles and the map inline. */
export function renderHtmlReport(input: HtmlReportInput): string {
  const { result, inventory, graph } = input;
  const root = result.root;
  const today = dayOf(input.now);
  const counts = countBySeverity(result.findings);
  const registered = inventory.filter((r) => r.registered);
  const stale = new Set(result.findings.filter((f) => f.ruleId === 'stale-flag').map((f) => f.flagKey));
  const expired = registered.filter(
    (r) => r.daysToExpiry !== undefined && r.daysToExpiry < 0 && r.status !== 'archived' && !r.permanent,
  ).length;
  const age = ageHistogram(inventory);
  const expiry = expiryTimeline(inventory, today);
  const data = { byOwner: flagsByOwner(inventory), byStatus: flagsByStatus(inventory), age, expiry };
  const map = renderMapSvg(graph);
  const title = input.title ?? 'Feature flag inventory';

  const refsByKey = new Map<string, FlagReference[]>();
  for (const ref of result.references) {
    const key = ref.registryKey ?? ref.key;
    const list = refsByKey.get(key);
    if (list) list.push(ref);
    else refsByKey.set(key, [ref]);
  }
  const audit = (row: InventoryRow): string | undefined => {
    const registry = result.registries.find((r) => r.path === row.registry);
    const timeline = registry?.timeline?.flags[row.key];
    return timeline ? auditLine(timeline) : undefined;
  };

  const out: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head><body>',
    `<h1>${esc(title)}</h1>`,
    `<p class="meta">${esc(root)} · as of ${esc(input.now.toISOString().slice(0, 10))} · ${esc(input.tool.name)} ${esc(input.tool.version)}</p>`,
    '<section class="totals" id="totals">',
    total(inventory.length, 'flags'),
    total(registered.length, 'registered'),
    total(inventory.length - registered.length, 'unregistered', 'bad'),
    total(result.references.length, 'evaluations'),
    total(result.stats.files, 'files scanned'),
    total(counts.error, 'errors', 'bad'),
    total(counts.warning, 'warnings', 'warn'),
    total(stale.size, 'stale flags', 'warn'),
    total(expired, 'expired', 'bad'),
    '</section>',
    '<h2>Flags by owner, status, age and expiry</h2>',
    '<section class="charts">',
    chart('owner', 'Flags by owner', Math.min(600, Math.max(160, data.byOwner.labels.length * 24 + 40))),
    chart('status', 'Flags by status', 240),
    chart(
      'age',
      'Age (days since created)',
      240,
      age.undated > 0
        ? `${age.undated} registered flag${age.undated === 1 ? ' has' : 's have'} no created date (and git could not date ${age.undated === 1 ? 'it' : 'them'}).`
        : '',
    ),
    chart(
      'expiry',
      'Expiries by month (red: overdue)',
      240,
      expiry.labels.length === 0 ? 'No flag has an expiry date.' : '',
    ),
    '</section>',
  ];

  out.push(`<h2 id="problems">Problems (${result.findings.length})</h2>`);
  if (result.findings.length === 0) out.push('<p class="empty">No problems.</p>');
  else {
    out.push(
      '<table class="problems"><thead><tr><th>Severity</th><th>Rule</th><th>Location</th><th>Flag</th><th>Message</th></tr></thead><tbody>',
    );
    for (const f of result.findings.slice(0, MAX_PROBLEMS)) {
      out.push(
        `<tr data-rule="${esc(f.ruleId)}"><td class="sev ${esc(f.severity)}">${esc(f.severity)}</td><td><code>${esc(f.ruleId)}</code></td><td><code>${esc(location(f, root))}</code></td>` +
          `<td>${f.flagKey === undefined ? '' : `<code>${esc(f.flagKey)}</code>`}</td><td>${esc(f.message)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
    if (result.findings.length > MAX_PROBLEMS)
      out.push(
        `<p class="empty">… and ${result.findings.length - MAX_PROBLEMS} more (<code>flaglint check</code> lists them all).</p>`,
      );
  }

  out.push('<h2 id="map">Dependency map</h2>');
  if (map.drawn === 0) out.push('<p class="empty">No flag depends on another (no <code>dependsOn</code> links).</p>');
  else {
    out.push(`<div class="map-wrap">${map.svg}</div>`);
    if (map.isolated > 0)
      out.push(
        `<p class="empty">${map.isolated} flag${map.isolated === 1 ? '' : 's'} without dependencies ${map.isolated === 1 ? 'is' : 'are'} not drawn.</p>`,
      );
  }

  const statuses = [...new Set(inventory.map((r) => (r.registered ? (r.status ?? '') : 'unregistered')))]
    .filter((s) => s !== '')
    .sort();
  out.push(
    '<h2 id="flags">Every flag</h2>',
    '<div class="filters"><input id="filter" type="search" placeholder="Filter by key, owner, type, package…" aria-label="Filter flags">',
    `<select id="status-filter" aria-label="Status"><option value="">any status</option>${statuses.map((s) => `<option value="${esc(s)}">${esc(s)}</option>`).join('')}</select>`,
    '<span id="filter-count"></span></div>',
    '<table class="flags"><thead><tr><th>Flag</th><th>Status</th><th>Owner</th><th>Type</th><th>Age</th><th>Expires</th><th>Evaluations</th><th>Packages</th><th>Problems</th></tr></thead><tbody>',
  );
  for (const row of inventory) {
    const status = row.registered ? (row.status ?? '') : 'unregistered';
    const refs = refsByKey.get(row.key) ?? [];
    const search = [row.key, row.owner, row.type, status, row.description, ...row.packages]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    const problems = row.problems.error + row.problems.warning + row.problems.info + row.problems.hint;
    const trail = audit(row);
    const refList =
      refs.length === 0
        ? ''
        : `<details><summary>${refs.length} place${refs.length === 1 ? '' : 's'}</summary><ul>${refs
            .slice(0, MAX_REFS)
            .map((r) => `<li><code>${esc(location(r, root))}</code> ${esc(r.callee)}</li>`)
            .join('')}${refs.length > MAX_REFS ? `<li>… and ${refs.length - MAX_REFS} more</li>` : ''}</ul></details>`;
    out.push(
      `<tr class="flag-row" data-key="${esc(row.key)}" data-status="${esc(status)}" data-search="${esc(search)}">` +
        `<td><code>${esc(row.key)}</code>${row.description ? `<br><span class="empty">${esc(row.description)}</span>` : ''}${trail ? `<br><span class="empty">${esc(trail)}</span>` : ''}</td>` +
        `<td>${esc(status)}</td><td>${esc(row.owner ?? '')}</td><td>${esc(row.type ?? '')}</td>` +
        `<td class="num">${row.ageDays === undefined ? '' : `${row.ageDays} d`}</td><td>${esc(row.permanent ? 'permanent' : (row.expires ?? ''))}</td>` +
        `<td class="num">${row.references}${refList}</td><td>${esc(row.packages.join(', '))}</td><td class="num">${problems || ''}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  out.push(`<script type="application/json" id="flaglint-data">${scriptJson(data)}</script>`);
  out.push(
    `<script>${input.chartJs.replace(/\/\/# sourceMappingURL=\S+\s*$/, '').replace(/<\/script/gi, '<\\/script')}</script>`,
  );
  out.push(`<script>${CLIENT_SCRIPT}</script>`);
  out.push('</body></html>');
  return `${out.join('\n')}\n`;
}
