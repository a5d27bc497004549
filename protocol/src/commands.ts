/**
 * Command identifiers. Server commands run through workspace/executeCommand (vscode-languageclient
 * registers them in VS Code automatically, so they must not collide with the client's own commands,
 * which the extension manifest declares).
 */

/** Commands implemented by the language server. */
export const ServerCommands = {
  /** Arguments: AddToRegistryArgs. Applies a workspace edit that adds a stub registry entry. */
  addToRegistry: 'flaglint.server.addToRegistry',
  /** Arguments: RemoveFlagArgs. The flag-removal refactor as one workspace edit, applied, previewed or returned. */
  removeFlag: 'flaglint.server.removeFlag',
  /** Arguments: CreateRegistryArgs. Writes a registry built from the flags found; returns CreateRegistryResult. */
  createRegistry: 'flaglint.server.createRegistry',
  /** No arguments. Rescans every workspace folder. */
  rescan: 'flaglint.server.rescan',
} as const;

/** Commands implemented by the VS Code extension (declared in package.json). */
export const ClientCommands = {
  refresh: 'flaglint.refresh',
  groupBy: 'flaglint.groupBy',
  createRegistry: 'flaglint.createRegistry',
  removeFlag: 'flaglint.removeFlag',
  showOutput: 'flaglint.showOutput',
  /** Internal (not in the palette): shows reference locations given as LSP JSON. Arguments: ShowReferencesArgs. */
  showReferences: 'flaglint.showReferences',
  /** Internal: opens a location given as LSP JSON. Arguments: [uri, range]. */
  openLocation: 'flaglint.openLocation',
  /** Internal: after "Add to registry", reveals the new entry and offers its placeholders as a snippet. Arguments: RevealEntryArgs. */
  revealEntry: 'flaglint.revealEntry',
} as const;

export interface AddToRegistryArgs {
  /** The document that uses the flag (its governing registry receives the entry). */
  uri: string;
  key: string;
}

export interface RevealEntryArgs {
  /** The registry file that received the entry. */
  registryUri: string;
  key: string;
}

export interface RemoveFlagArgs {
  /** Any document in the workspace folder (picks the index); absent: the first folder that knows the key. */
  uri?: string;
  key: string;
  /** The value the flag's evaluations become. */
  value: unknown;
  /**
   * `preview` (default): workspace/applyEdit with a change annotation that needs confirmation, so
   * the editor previews it; `apply`: applied at once; `return`: not applied, the edit is returned
   * for the client to apply or preview itself.
   */
  mode?: 'preview' | 'apply' | 'return';
}

export interface RemoveFlagResult {
  applied: boolean;
  /** Files the edit changes. */
  files: number;
  /** Evaluations of the flag rewritten. */
  references: number;
  /** Whether the rewritten code parses and type-checks no worse than before. */
  verified: boolean;
  /** What the refactor could not do or verify, for the user to review. */
  messages: string[];
  /** With mode `return`: the edit (LSP WorkspaceEdit JSON, versioned documentChanges). */
  edit?: unknown;
}

export interface CreateRegistryArgs {
  /** The workspace folder; absent: the first folder. */
  folderUri?: string;
}

export interface CreateRegistryResult {
  /** The registry file written (URI), or undefined when nothing was written. */
  uri?: string;
  flags: number;
  message: string;
}

export interface ShowReferencesArgs {
  uri: string;
  position: { line: number; character: number };
  locations: {
    uri: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }[];
}
