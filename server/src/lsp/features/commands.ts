/**
 * workspace/executeCommand: the server's commands. Each computes a workspace edit and asks the
 * client to apply it (workspace/applyEdit); none writes files itself. Only registered in trusted
 * workspaces, except `rescan`.
 */
import { ResponseError, ErrorCodes, type ExecuteCommandParams } from 'vscode-languageserver/node';
import { RegistryEditor, draftRegistryFor, planRemoval } from '../../core/service';
import {
  ServerCommands,
  type AddToRegistryArgs,
  type CreateRegistryArgs,
  type CreateRegistryResult,
  type RemoveFlagArgs,
  type RemoveFlagResult,
} from '../../../../protocol/src';
import { fileToUri, uriToFile } from '../convert';
import { toWorkspaceEdit } from '../edits';
import type { LspClient } from '../lspClient';
import { asResponseErrorAsync } from '../errors';
import type { FolderState, Workspace } from '../workspace';

/** What a client asking for edits in an untrusted workspace is told. */
export const UNTRUSTED_EDITS = 'Flaglint: edits are off in an untrusted workspace';

export const WRITE_COMMANDS: readonly string[] = [
  ServerCommands.addToRegistry,
  ServerCommands.removeFlag,
  ServerCommands.createRegistry,
];
export const READ_COMMANDS: readonly string[] = [ServerCommands.rescan];

export class CommandsFeature {
  private readonly editor: RegistryEditor;

  constructor(
    private readonly workspace: Workspace,
    private readonly client: LspClient,
    private readonly rescan: () => Promise<void>,
  ) {
    this.editor = new RegistryEditor(workspace);
  }

  commands(): string[] {
    return this.workspace.trusted ? [...WRITE_COMMANDS, ...READ_COMMANDS] : [...READ_COMMANDS];
  }

  async execute(params: ExecuteCommandParams): Promise<unknown> {
    if (!this.commands().includes(params.command)) {
      const reason = this.workspace.trusted ? '' : ` in an untrusted workspace (${UNTRUSTED_EDITS})`;
      throw new ResponseError(ErrorCodes.InvalidRequest, `Flaglint: '${params.command}' is not available${reason}`);
    }
    const arg = (params.arguments ?? [])[0] as Record<string, unknown> | undefined;
    switch (params.command) {
      case ServerCommands.addToRegistry:
        return this.addToRegistry(arg as unknown as AddToRegistryArgs);
      case ServerCommands.removeFlag:
        return this.removeFlag(arg as unknown as RemoveFlagArgs);
      case ServerCommands.createRegistry:
        return this.createRegistry(arg ?? {});
      case ServerCommands.rescan:
        await this.rescan();
        return null;
      default:
        return null;
    }
  }

  private async addToRegistry(args: AddToRegistryArgs): Promise<boolean> {
    const file = args?.uri ? uriToFile(args.uri) : undefined;
    const folder = file ? this.workspace.folderFor(file) : undefined;
    if (!file || !folder || typeof args.key !== 'string')
      throw new ResponseError(ErrorCodes.InvalidParams, 'addToRegistry needs { uri, key } of a file in the workspace');
    const { registry, edits } = this.editor.addFlag(folder, file, args.key);
    if (!edits.length) return false;
    const result = await this.client.applyEdit(
      `Add '${args.key}' to ${RegistryEditor.label(registry)}`,
      toWorkspaceEdit(this.workspace, edits),
    );
    return result.applied;
  }

  private folderOf(uri: string | undefined, key?: string): FolderState | undefined {
    return this.workspace.folderForCommand(uri ? uriToFile(uri) : undefined, key);
  }

  private async removeFlag(args: RemoveFlagArgs): Promise<RemoveFlagResult> {
    if (!args || typeof args.key !== 'string' || !('value' in args))
      throw new ResponseError(ErrorCodes.InvalidParams, 'removeFlag needs { key, value } and optionally uri');
    const folder = this.folderOf(args.uri, args.key);
    if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, 'No workspace folder to remove the flag from');
    const removal = await asResponseErrorAsync(() =>
      planRemoval(folder, args.key, args.value, this.workspace.buffers()),
    );
    const files = new Set(removal.edits.map((e) => e.file)).size;
    const summary = { files, references: removal.references, verified: removal.verified, messages: removal.messages };
    for (const message of removal.messages) this.client.log('warning', `remove ${args.key}: ${message}`);
    if (!removal.edits.length)
      return {
        applied: false,
        ...summary,
        messages: removal.messages.length ? removal.messages : [`Nothing to change for '${args.key}'`],
      };
    const mode = args.mode ?? 'preview';
    const value = JSON.stringify(args.value);
    const edit = toWorkspaceEdit(this.workspace, removal.edits, {
      confirm: {
        label: `Remove flag '${args.key}'`,
        description: removal.verified
          ? `${removal.references} evaluations become ${value}; dead code, unused imports and the registry entry go`
          : `${removal.references} evaluations become ${value}; review: the result has new errors (see the Flaglint output)`,
        needsConfirmation: mode === 'preview',
      },
    });
    if (mode === 'return') return { applied: false, ...summary, edit };
    const result = await this.client.applyEdit(`Remove flag '${args.key}'`, edit);
    return { applied: result.applied, ...summary };
  }

  /** A registry built from the flags found in the code (as `flaglint init` does). */
  private async createRegistry(args: CreateRegistryArgs): Promise<CreateRegistryResult> {
    const folder = this.folderOf(args.folderUri);
    if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, 'No workspace folder to create a registry in');
    const drafted = await draftRegistryFor(this.workspace, folder);
    if ('existing' in drafted)
      return {
        uri: fileToUri(drafted.existing.path),
        flags: drafted.existing.flags.size,
        message: `A registry already exists: ${drafted.existing.path}`,
      };
    // The same draft as `flaglint init`, written by the editor as one new file.
    const { draft, edit } = drafted;
    const result = await this.client.applyEdit(`Create ${draft.file}`, toWorkspaceEdit(this.workspace, [edit]));
    if (!result.applied)
      return {
        flags: 0,
        message: `The editor did not create ${draft.file}${result.failureReason ? `: ${result.failureReason}` : ''}`,
      };
    return {
      uri: fileToUri(draft.file),
      flags: draft.flags.length,
      message: `Created ${draft.file} with ${draft.flags.length} flags`,
    };
  }
}
