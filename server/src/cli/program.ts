import { Command, CommanderError } from 'commander';
import { toolInfo } from '../core/report';
import { registerCheck } from './commands/check';
import { registerExport } from './commands/export';
import { registerGraph } from './commands/graph';
import { registerHistory } from './commands/history';
import { registerImport } from './commands/import';
import { registerInit } from './commands/init';
import { registerList } from './commands/list';
import { registerRemoveCommand } from './commands/remove';
import { registerReport } from './commands/report';
import { EXIT_USAGE } from './errors';

/**
 * The `flaglint` command line. Usage mistakes commander detects (an unknown option, a format not in
 * the list) exit with 2, like every other usage error, instead of commander's default 1.
 */
export function createProgram(): Command {
  const program = new Command('flaglint')
    .description(
      'Keeps feature flags honest: checks every flag the code evaluates against a registry of owners, expiry dates and rollback plans.',
    )
    .version(toolInfo().version, '-v, --version')
    .showHelpAfterError('(run `flaglint --help` or `flaglint <command> --help` for usage)')
    .showSuggestionAfterError(true)
    .exitOverride((err: CommanderError) => {
      throw err.exitCode === 0 ? err : new CommanderError(EXIT_USAGE, err.code, err.message);
    });
  registerCheck(program);
  registerList(program);
  registerInit(program);
  registerImport(program);
  registerExport(program);
  registerGraph(program);
  registerHistory(program);
  registerReport(program);
  // `flaglint remove` (commands/remove.ts) is maintained with the removal refactor in core/remove.
  registerRemoveCommand(program);
  return program;
}
