#!/usr/bin/env node
import { CommanderError } from 'commander';
import { UsageError } from './errors';
import { createProgram } from './program';
import { escapeControl, escapeControlKeepingLines } from '../core/report';

/** Entry point: runs one command; user errors print one line (no stack trace) and exit with 2. */
async function main(argv: string[]): Promise<void> {
  try {
    await createProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (and help for usage mistakes).
      process.exitCode = error.exitCode;
    } else if (error instanceof UsageError) {
      process.stderr.write(
        `flaglint: ${error.multiline ? escapeControlKeepingLines(error.message) : escapeControl(error.message)}\n`,
      );
      process.exitCode = error.exitCode;
    } else {
      // A bug, not a user error: say so plainly; the stack only on request.
      const detail = process.env.FLAGLINT_DEBUG
        ? `\n${(error as Error).stack ?? String(error)}`
        : ' (set FLAGLINT_DEBUG=1 for details)';
      process.stderr.write(
        `flaglint: internal error: ${escapeControlKeepingLines((error as Error).message ?? String(error))}${detail}\n`,
      );
      process.exitCode = 3;
    }
  }
}

// `flaglint list | head`: a reader that stops early is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw error;
});

void main(process.argv);
