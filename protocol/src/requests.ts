/**
 * Custom requests and notifications between the Flaglint language server and its VS Code client.
 * Typed once here; the client sends them with these types, the server registers handlers by
 * `type.method` (vscode-languageserver pins an older vscode-jsonrpc whose RequestType class is
 * nominally different, so only the method name and the payload types are shared).
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';

/** A flag reference or a problem position, as the client needs it to open the code. */
export interface TreeLocation {
  uri: string;
  range: Range;
}

export interface TreeProblem {
  ruleId: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  location: TreeLocation;
}

export interface TreeReference {
  location: TreeLocation;
  /** The source line of the reference, trimmed (for the tree item's description). */
  preview: string;
  /** How the code evaluates the flag: `variation`, `useFlags`, `isOn`. */
  callee: string;
  /** The rest of the JSON report's reference record (docs/json-report.md): the SDK preset or `custom`, `pattern`, `collection`, `in-house`. */
  source?: string;
  /** How the reference names its flag: literal, constant, enum, property, key-object, data, wrapper, alias, membership. */
  form?: string;
  /** Wrappers the key passed through, outermost first. */
  via?: string[];
  /** Whether the reference sits in a test file. */
  inTest?: boolean;
}

export interface TreeFlag {
  key: string;
  /** `unregistered` when the code uses the flag but no registry records it. */
  status: string;
  owner?: string;
  type?: string;
  description?: string;
  defaultValue?: unknown;
  valueType?: string;
  expires?: string;
  /** The registry entry, when there is one. */
  definition?: TreeLocation;
  referenceCount: number;
  references: TreeReference[];
  problems: TreeProblem[];
  /** The registry's `dependsOn` of this flag. */
  dependsOn?: string[];
  /** Flags whose `dependsOn` names this one. */
  dependedOnBy?: string[];
  /** Packages (nearest package.json) whose code evaluates the flag, sorted. */
  packages?: string[];
  /** From the registry's git history: "added 2026-03-02 by … · last changed …". */
  audit?: string;
}

export interface TreeFolder {
  /** The workspace folder's URI. */
  uri: string;
  name: string;
  /** The registry files or folders governing it (empty: no registry yet). */
  registries: string[];
  flags: TreeFlag[];
}

export interface TreeParams {
  /** Limit to one workspace folder; all folders when absent. */
  folderUri?: string;
}

export interface TreeResult {
  scanning: boolean;
  folders: TreeFolder[];
}

export const TreeRequest = new RequestType<TreeParams, TreeResult, void>('flaglint/tree');

export interface StatusResult {
  /** Distinct flags (registered or used). */
  flags: number;
  /** Findings at any severity that is not off. */
  problems: number;
  errors: number;
  warnings: number;
  scanning: boolean;
  /** Number of registry files or folders found over all workspace folders. */
  registries: number;
  /** Whether code actions, rename and write commands are enabled (workspace trust). */
  trusted: boolean;
  /**
   * Without a registry: calls and reads that look like the project's own flag API (what discovery
   * would put in the registry's `scan` section), with up to three of their names.
   */
  inHouse?: { places: number; names: string[] };
}

export const StatusRequest = new RequestType0<StatusResult, void>('flaglint/status');

/** Sent after each change of the index (scan done, file or registry updated): the client refreshes its views. */
export const IndexChangedNotification = new NotificationType<StatusResult>('flaglint/indexChanged');

export interface GraphParams {
  /** The workspace folder; absent: the first folder that has a registry. */
  folderUri?: string;
  /** Only this flag's neighbourhood (what it needs and what needs it, transitively). */
  flag?: string;
}

/** The dependency map, as the core's report/graph.ts builds it (the same shape, typed here so the client needs no core import). */
export interface FlagGraph {
  version: 1;
  nodes: GraphNode[];
  edges: GraphEdge[];
  cycles: string[][];
}

export interface GraphNode {
  key: string;
  registered: boolean;
  status?: string;
  owner?: string;
  /** Every package (or folder) whose code evaluates the flag. */
  packages: string[];
  /** The declared `scope`. */
  scope: string[];
  /** Packages that evaluate the flag outside its scope. */
  outsideScope: string[];
  references: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** `unknown`: no registry holds the target; `retired`: the target is archived or deprecated. */
  kind: 'ok' | 'unknown' | 'retired';
  inCycle: boolean;
}

/** The dependency map of one folder: nodes, dependsOn edges, cycles. */
export interface GraphResult {
  folderName: string;
  graph: FlagGraph;
}

export const GraphRequest = new RequestType<GraphParams, GraphResult | null, void>('flaglint/graph');
