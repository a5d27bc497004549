/**
 * The Flag Explorer: flags grouped by status, owner or type; each flag shows its problems and
 * reference count, its children are its problems and references, which open the code. The data
 * comes from the server's flaglint/tree request and refreshes when the server says the index changed.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { describeFilter, isFiltering, matchesFilter, NO_FILTER, type ExplorerFilter } from './explorerFilter';
import { plural } from './plural';
import { referenceDescription, referenceTooltip } from './referenceRow';
import {
  TreeRequest,
  type StatusResult,
  type TreeFlag,
  type TreeFolder,
  type TreeLocation,
  type TreeProblem,
  type TreeReference,
  type TreeResult,
} from '../../protocol/src/requests';

export type GroupBy = 'status' | 'owner' | 'type';
export const GROUP_BY: readonly GroupBy[] = ['status', 'owner', 'type'];
const GROUP_KEY = 'flaglint.groupBy';
const FILTER_KEY = 'flaglint.filter';

/** Status groups in lifecycle order; the rest alphabetically. */
const STATUS_ORDER = ['unregistered', 'proposed', 'active', 'rolled-out', 'deprecated', 'archived'];

export type ExplorerNode =
  FolderNode | GroupNode | FlagNode | ProblemNode | ReferenceNode | DependenciesNode | DependencyNode;

export interface FolderNode {
  kind: 'folder';
  folder: TreeFolder;
}
export interface GroupNode {
  kind: 'group';
  label: string;
  flags: { folder: TreeFolder; flag: TreeFlag }[];
}
export interface FlagNode {
  kind: 'flag';
  folder: TreeFolder;
  flag: TreeFlag;
}
export interface ProblemNode {
  kind: 'problem';
  problem: TreeProblem;
}
export interface ReferenceNode {
  kind: 'reference';
  folder: TreeFolder;
  reference: TreeReference;
}
/** A flag's "Dependencies" section: what it depends on and what depends on it. */
export interface DependenciesNode {
  kind: 'dependencies';
  folder: TreeFolder;
  flag: TreeFlag;
}
export interface DependencyNode {
  kind: 'dependency';
  direction: 'dependsOn' | 'dependedOnBy';
  key: string;
  /** The other flag, when the folder knows it (a dangling dependsOn has none). */
  target?: TreeFlag;
}

export class FlagExplorer implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<ExplorerNode>;
  private data: Promise<TreeResult | undefined> | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private groupBy: GroupBy;
  private filter: ExplorerFilter;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
  ) {
    this.groupBy = context.workspaceState.get<GroupBy>(GROUP_KEY, 'status');
    this.filter = context.workspaceState.get<ExplorerFilter>(FILTER_KEY, NO_FILTER);
    void vscode.commands.executeCommand('setContext', 'flaglint.filtering', isFiltering(this.filter));
    void vscode.commands.executeCommand('setContext', 'flaglint.problemsOnly', this.filter.problemsOnly);
    this.view = vscode.window.createTreeView('flaglint.explorer', { treeDataProvider: this, showCollapseAll: true });
    void vscode.commands.executeCommand('setContext', 'flaglint.groupBy', this.groupBy);
    // Until the server reports, the view says it is scanning (not "no flags found").
    void vscode.commands.executeCommand('setContext', 'flaglint.scanning', true);
    this.updateTitle();
  }

  get grouping(): GroupBy {
    return this.groupBy;
  }

  async setGroupBy(groupBy: GroupBy): Promise<void> {
    this.groupBy = groupBy;
    await this.context.workspaceState.update(GROUP_KEY, groupBy);
    await vscode.commands.executeCommand('setContext', 'flaglint.groupBy', groupBy);
    this.updateTitle();
    this.changed.fire(undefined);
  }

  get currentFilter(): ExplorerFilter {
    return this.filter;
  }

  /** Narrows the tree to matching flags (by key, owner, status, type, problem) and/or flags with problems. */
  async setFilter(filter: ExplorerFilter): Promise<void> {
    this.filter = { text: filter.text, problemsOnly: filter.problemsOnly };
    await this.context.workspaceState.update(FILTER_KEY, this.filter);
    await vscode.commands.executeCommand('setContext', 'flaglint.filtering', isFiltering(this.filter));
    await vscode.commands.executeCommand('setContext', 'flaglint.problemsOnly', this.filter.problemsOnly);
    this.updateTitle();
    this.changed.fire(undefined);
  }

  private updateTitle(): void {
    const filter = describeFilter(this.filter);
    this.view.description = filter ? `by ${this.groupBy} · ${filter}` : `by ${this.groupBy}`;
  }

  /** The server's index changed: refetch (coalescing bursts of edits). */
  statusChanged(status: StatusResult): void {
    void vscode.commands.executeCommand('setContext', 'flaglint.scanning', status.scanning);
    // The welcome views say "No feature flags found" only after a scan has finished.
    if (!status.scanning) void vscode.commands.executeCommand('setContext', 'flaglint.scanned', true);
    void vscode.commands.executeCommand(
      'setContext',
      'flaglint.noRegistry',
      !status.scanning && status.registries === 0,
    );
    void vscode.commands.executeCommand('setContext', 'flaglint.trusted', status.trusted);
    this.view.badge = status.problems
      ? { value: status.problems, tooltip: `${status.problems} flag problems` }
      : undefined;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), 300);
  }

  refresh(): void {
    this.data = undefined;
    this.changed.fire(undefined);
  }

  /** The flags currently known (for pickers). */
  async flags(): Promise<{ folder: TreeFolder; flag: TreeFlag }[]> {
    const data = await this.load();
    return (data?.folders ?? []).flatMap((folder) => folder.flags.map((flag) => ({ folder, flag })));
  }

  private load(): Promise<TreeResult | undefined> {
    if (!this.data) {
      const client = this.client();
      this.data = client?.isRunning()
        ? client.sendRequest(TreeRequest, {}).then(undefined, () => undefined)
        : Promise.resolve(undefined);
    }
    return this.data;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) {
      const data = await this.load();
      const folders = data?.folders ?? [];
      // No registry anywhere: stay empty so the welcome view offers to create one.
      if (!folders.some((f) => f.registries.length)) {
        this.view.message = undefined;
        return [];
      }
      const shown = folders.map((folder) => ({
        ...folder,
        flags: folder.flags.filter((flag) => matchesFilter(flag, this.filter)),
      }));
      const total = folders.reduce((n, f) => n + f.flags.length, 0);
      const matching = shown.reduce((n, f) => n + f.flags.length, 0);
      this.view.message = isFiltering(this.filter)
        ? matching
          ? `${plural(matching, 'flag')} of ${total} match ${describeFilter(this.filter) ?? ''}`
          : `No flag matches ${describeFilter(this.filter) ?? ''}. Clear the filter to see all ${plural(total, 'flag')}.`
        : undefined;
      if (shown.length > 1) return shown.map((folder) => ({ kind: 'folder', folder }));
      return this.groups(shown);
    }
    switch (node.kind) {
      case 'folder':
        return this.groups([node.folder]);
      case 'group':
        return node.flags.map(({ folder, flag }) => ({ kind: 'flag', folder, flag }));
      case 'flag':
        return [
          ...node.flag.problems.map((problem): ProblemNode => ({ kind: 'problem', problem })),
          ...(hasDependencies(node.flag)
            ? [{ kind: 'dependencies', folder: node.folder, flag: node.flag } satisfies DependenciesNode]
            : []),
          ...node.flag.references.map((reference): ReferenceNode => ({
            kind: 'reference',
            folder: node.folder,
            reference,
          })),
        ];
      case 'dependencies': {
        const known = (key: string) => node.folder.flags.find((f) => f.key === key);
        return [
          ...(node.flag.dependsOn ?? []).map((key): DependencyNode => ({
            kind: 'dependency',
            direction: 'dependsOn',
            key,
            target: known(key),
          })),
          ...(node.flag.dependedOnBy ?? []).map((key): DependencyNode => ({
            kind: 'dependency',
            direction: 'dependedOnBy',
            key,
            target: known(key),
          })),
        ];
      }
      default:
        return [];
    }
  }

  private groups(folders: TreeFolder[]): GroupNode[] {
    const groups = new Map<string, GroupNode>();
    for (const folder of folders) {
      for (const flag of folder.flags) {
        const label = groupLabel(flag, this.groupBy);
        const group = groups.get(label) ?? { kind: 'group', label, flags: [] };
        group.flags.push({ folder, flag });
        groups.set(label, group);
      }
    }
    return [...groups.values()].sort((a, b) => compareGroups(a.label, b.label, this.groupBy));
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = vscode.ThemeIcon.Folder;
        item.description = plural(node.folder.flags.length, 'flag');
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        const problems = node.flags.reduce((n, f) => n + f.flag.problems.length, 0);
        item.description = `${plural(node.flags.length, 'flag')}${problems ? ` · ${plural(problems, 'problem')}` : ''}`;
        item.contextValue = 'flaglint.group';
        return item;
      }
      case 'flag':
        return flagItem(node.flag);
      case 'problem': {
        const item = new vscode.TreeItem(node.problem.message, vscode.TreeItemCollapsibleState.None);
        item.iconPath = severityIcon(node.problem.severity);
        item.description = node.problem.ruleId;
        item.tooltip = `${node.problem.ruleId}: ${node.problem.message}`;
        item.command = openCommand(node.problem.location);
        item.contextValue = 'flaglint.problem';
        return item;
      }
      case 'dependencies': {
        const item = new vscode.TreeItem('Dependencies', vscode.TreeItemCollapsibleState.Expanded);
        const needs = node.flag.dependsOn?.length ?? 0;
        const needed = node.flag.dependedOnBy?.length ?? 0;
        item.description = [needs ? `depends on ${needs}` : undefined, needed ? `needed by ${needed}` : undefined]
          .filter(Boolean)
          .join(' · ');
        item.iconPath = new vscode.ThemeIcon('type-hierarchy');
        item.contextValue = 'flaglint.dependencies';
        return item;
      }
      case 'dependency':
        return dependencyItem(node);
      case 'reference': {
        const location = node.reference.location;
        const file = vscode.Uri.parse(location.uri);
        const rel = vscode.workspace.asRelativePath(file, false);
        const item = new vscode.TreeItem(
          `${path.basename(file.fsPath)}:${location.range.start.line + 1}`,
          vscode.TreeItemCollapsibleState.None,
        );
        item.description = referenceDescription(node.reference);
        item.tooltip = referenceTooltip(rel, node.reference);
        item.resourceUri = file;
        item.iconPath = vscode.ThemeIcon.File;
        item.command = openCommand(location);
        item.contextValue = 'flaglint.reference';
        return item;
      }
    }
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.view.dispose();
    this.changed.dispose();
  }
}

function flagItem(flag: TreeFlag): vscode.TreeItem {
  const hasChildren = flag.references.length > 0 || flag.problems.length > 0 || hasDependencies(flag);
  const item = new vscode.TreeItem(
    flag.key,
    hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  const worst = worstSeverity(flag.problems);
  item.iconPath = worst
    ? severityIcon(worst)
    : new vscode.ThemeIcon(flag.status === 'archived' ? 'archive' : 'symbol-boolean');
  const parts = [plural(flag.referenceCount, 'reference')];
  if (flag.problems.length)
    parts.push(flag.problems.length === 1 ? flag.problems[0]!.ruleId : plural(flag.problems.length, 'problem'));
  if (flag.owner) parts.push(flag.owner);
  item.description = parts.join(' · ');
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${flag.key}**`);
  const facts = [flag.type, flag.status, flag.owner, flag.expires ? `expires ${flag.expires}` : undefined].filter(
    Boolean,
  );
  if (facts.length) tooltip.appendMarkdown(` · ${facts.join(' · ')}`);
  if (flag.description) tooltip.appendMarkdown(`\n\n${flag.description}`);
  if (flag.dependsOn?.length)
    tooltip.appendMarkdown(`\n\nDepends on ${flag.dependsOn.map((k) => `\`${k}\``).join(', ')}`);
  if (flag.dependedOnBy?.length)
    tooltip.appendMarkdown(`\n\nNeeded by ${flag.dependedOnBy.map((k) => `\`${k}\``).join(', ')}`);
  if (flag.audit) tooltip.appendMarkdown('\n\n').appendText(flag.audit);
  tooltip.appendMarkdown(
    `\n\n${plural(flag.referenceCount, 'reference')}${flag.packages?.length ? ` in ${flag.packages.map((p) => `\`${p}\``).join(', ')}` : ''}${flag.owner ? ` · owner ${flag.owner}` : ''}`,
  );
  for (const problem of flag.problems)
    tooltip.appendMarkdown(
      `\n\n$(${problem.severity === 'error' ? 'error' : problem.severity === 'warning' ? 'warning' : 'info'}) ${problem.message}`,
    );
  item.tooltip = tooltip;
  item.contextValue = flag.status === 'unregistered' ? 'flaglint.flag.unregistered' : 'flaglint.flag';
  if (flag.definition)
    item.command = {
      title: 'Open registry entry',
      command: 'flaglint.openLocation',
      arguments: [flag.definition.uri, flag.definition.range],
    };
  return item;
}

function hasDependencies(flag: TreeFlag): boolean {
  return Boolean(flag.dependsOn?.length || flag.dependedOnBy?.length);
}

function dependencyItem(node: DependencyNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.key, vscode.TreeItemCollapsibleState.None);
  const retired = node.target && (node.target.status === 'archived' || node.target.status === 'deprecated');
  const missing = !node.target || node.target.status === 'unregistered';
  item.description = [
    node.direction === 'dependsOn' ? 'depends on' : 'needed by',
    missing ? 'not in the registry' : retired ? node.target?.status : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  item.iconPath = new vscode.ThemeIcon(
    node.direction === 'dependsOn' ? 'arrow-right' : 'arrow-left',
    missing || retired ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined,
  );
  item.tooltip = node.direction === 'dependsOn' ? `Needs '${node.key}' to be on` : `'${node.key}' depends on this flag`;
  if (node.target?.definition)
    item.command = {
      title: 'Open registry entry',
      command: 'flaglint.openLocation',
      arguments: [node.target.definition.uri, node.target.definition.range],
    };
  item.contextValue = 'flaglint.dependency';
  return item;
}

function worstSeverity(problems: TreeProblem[]): TreeProblem['severity'] | undefined {
  for (const level of ['error', 'warning', 'info', 'hint'] as const)
    if (problems.some((p) => p.severity === level)) return level;
  return undefined;
}

function severityIcon(severity: TreeProblem['severity']): vscode.ThemeIcon {
  switch (severity) {
    case 'error':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'warning':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    default:
      return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  }
}

function openCommand(location: TreeLocation): vscode.Command {
  return { title: 'Open', command: 'flaglint.openLocation', arguments: [location.uri, location.range] };
}

function groupLabel(flag: TreeFlag, groupBy: GroupBy): string {
  switch (groupBy) {
    case 'owner':
      return flag.owner ?? (flag.status === 'unregistered' ? 'unregistered' : 'no owner');
    case 'type':
      return flag.type ?? (flag.status === 'unregistered' ? 'unregistered' : 'no type');
    default:
      return flag.status;
  }
}

function compareGroups(a: string, b: string, groupBy: GroupBy): number {
  if (groupBy === 'status') {
    const ia = STATUS_ORDER.indexOf(a);
    const ib = STATUS_ORDER.indexOf(b);
    if (ia !== ib) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  }
  const special = (label: string) => label === 'unregistered' || label.startsWith('no ');
  if (special(a) !== special(b)) return special(a) ? -1 : 1;
  return a.localeCompare(b);
}
