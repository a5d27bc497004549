/** How a flag is summarised in lenses, hovers and the tree: the same words everywhere. */
import * as path from 'node:path';
import type { Finding, FlagEntry, FlagReference, Location } from '../core/model';
import { auditLine } from '../core/service';
import { daysBetween, parseDate, plural, relative, spanText, today } from './dates';
import type { FolderState } from './workspace';

/** "expires in 47 days", "expired 3 days ago", "permanent", "age 2 months", or undefined. */
export function lifetime(entry: FlagEntry, now = today()): string | undefined {
  if (entry.permanent) return 'permanent';
  const expires = parseDate(entry.expires);
  if (expires) {
    const days = daysBetween(now, expires);
    if (days < 0) return `expired ${relative(expires, now)}`;
    return days === 0 ? 'expires today' : `expires ${relative(expires, now)}`;
  }
  const created = parseDate(entry.created);
  if (created) return `age ${spanText(Math.max(0, daysBetween(created, now)))}`;
  return undefined;
}

/** The code lens title: key · type · owner · status · age or time to expiry · N references. */
export function lensTitle(key: string, entry: FlagEntry | undefined, referenceCount: number): string {
  const refs = plural(referenceCount, 'reference');
  if (!entry) return `${key} · not in registry · ${refs}`;
  const parts = [key, entry.type ?? 'no type', entry.owner ?? 'no owner', entry.status ?? 'no status'];
  const life = lifetime(entry);
  if (life) parts.push(life);
  parts.push(refs);
  return parts.join(' · ');
}

/** Packages that evaluate the flag, sorted. */
export function actualPackages(folder: FolderState, refs: readonly ({ location: Location } | Location)[]): string[] {
  return [...new Set(refs.map((r) => folder.packages.packageOf('location' in r ? r.location.file : r.file)))].sort();
}

function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  return `${ticks}${text}${ticks}`;
}

function escape(text: string): string {
  return text.replace(/([\\*_[\]<>|#])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function dateCell(text: string | undefined, now: Date): string | undefined {
  if (!text) return undefined;
  const date = parseDate(text);
  return date ? `${text} (${relative(date, now)})` : text;
}

function valueCell(entry: FlagEntry): string | undefined {
  if (entry.valueType === undefined && entry.defaultValue === undefined) return undefined;
  const parts = [entry.valueType ?? 'unknown type'];
  if (entry.defaultValue !== undefined) parts.push(`default ${code(JSON.stringify(entry.defaultValue))}`);
  return parts.join(', ');
}

function linksCell(links: FlagEntry['links']): string | undefined {
  if (!links) return undefined;
  const list = Array.isArray(links) ? links.map((url) => [url, url] as const) : Object.entries(links);
  if (!list.length) return undefined;
  return list
    .map(([label, url]) =>
      /^https?:\/\//.test(url) ? `[${escape(label)}](${url})` : `${escape(label)}: ${escape(url)}`,
    )
    .join(', ');
}

/** "added 2026-03-02 by … · last changed …", from the git history of the registry that holds the entry. */
function historyCell(folder: FolderState, entry: FlagEntry): string | undefined {
  const registry = folder.registries().find((r) => r.flags.get(entry.key) === entry);
  const timeline = registry?.timeline?.flags[entry.key];
  const line = timeline ? auditLine(timeline) : undefined;
  return line ? escape(line) : undefined;
}

/** The registry entry in full, as Markdown for a hover. */
export function entryMarkdown(options: {
  key: string;
  entry: FlagEntry | undefined;
  registryFile?: string;
  folder: FolderState;
  references: FlagReference[];
  problems: Finding[];
  reference?: FlagReference;
}): string {
  const { key, entry, folder, references, problems, reference } = options;
  const now = today();
  const lines: string[] = [];
  if (!entry) {
    lines.push(`**${escape(key)}** — not in the registry`);
    lines.push(
      '',
      'This flag is evaluated in code but no registry entry records its owner, type, expiry or rollback plan.',
    );
  } else {
    const heading = [`**${escape(entry.key)}**`];
    if (entry.type) heading.push(`${entry.type} flag`);
    if (entry.status) heading.push(entry.status);
    lines.push(heading.join(' · '));
    if (entry.description) lines.push('', escape(entry.description));
    const rows: [string, string | undefined][] = [
      ['Owner', entry.owner ? escape(entry.owner) : '_none_'],
      ['Value', valueCell(entry)],
      ['Created', dateCell(entry.created, now)],
      ['Expires', entry.permanent ? 'never (permanent)' : (dateCell(entry.expires, now) ?? '_no expiry_')],
      ['Rollback', entry.rollback ? escape(entry.rollback) : '_no plan_'],
      [
        'Runbook',
        entry.runbook
          ? /^https?:\/\//.test(entry.runbook)
            ? `[${escape(entry.runbook)}](${entry.runbook})`
            : escape(entry.runbook)
          : undefined,
      ],
      ['Depends on', entry.dependsOn?.length ? entry.dependsOn.map(code).join(', ') : undefined],
      ['Aliases', entry.aliases?.length ? entry.aliases.map(code).join(', ') : undefined],
      ['Scope', entry.scope?.length ? entry.scope.map(code).join(', ') : undefined],
      ['Used in', references.length ? actualPackages(folder, references).map(code).join(', ') : '_nowhere_'],
      ['Links', linksCell(entry.links)],
      ['History', historyCell(folder, entry)],
    ];
    lines.push('', '| | |', '|---|---|');
    for (const [label, value] of rows) if (value !== undefined) lines.push(`| ${label} | ${value} |`);
  }
  if (reference) {
    const detail = [`evaluated with ${code(reference.callee)}`];
    if (reference.registryKey && reference.registryKey !== reference.key)
      detail.push(`as alias ${code(reference.key)}`);
    if (reference.keyForm !== 'literal' && reference.keyForm !== 'template')
      detail.push(`key from ${reference.keyForm}`);
    if (reference.defaultValue !== undefined) detail.push(`fallback ${code(JSON.stringify(reference.defaultValue))}`);
    lines.push('', detail.join(', '));
  }
  lines.push(
    '',
    `${plural(references.length, 'reference')}${options.registryFile ? ` · registry ${code(path.basename(options.registryFile))}` : ''}`,
  );
  if (problems.length) {
    lines.push('', '**Problems**', '');
    // A flag-level finding (stale, archived…) is reported at every reference: list it once.
    for (const { problem: p, count } of distinctProblems(problems)) {
      lines.push(
        `- _${p.severity}_: ${escape(p.message)} (${code(p.ruleId)}${count > 1 ? `, at ${count} places` : ''})`,
      );
    }
  }
  return lines.join('\n');
}

/** Findings with the same rule, severity and message, once each with how often they occur. */
export function distinctProblems(problems: readonly Finding[]): { problem: Finding; count: number }[] {
  const byText = new Map<string, { problem: Finding; count: number }>();
  for (const problem of problems) {
    const id = `${problem.ruleId}\0${problem.severity}\0${problem.message}`;
    const seen = byText.get(id);
    if (seen) seen.count++;
    else byText.set(id, { problem, count: 1 });
  }
  return [...byText.values()];
}
