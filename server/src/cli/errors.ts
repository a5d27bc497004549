/** Exit codes of every command: 0 clean, 1 problems at error severity, 2 bad usage or an unusable registry. */
export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/**
 * A mistake in how flaglint was called or in what it was pointed at (a missing path, a bad date, a
 * broken registry). Printed as one clear line, never as a stack trace; exits with 2.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
    /**
     * The message's own line breaks are meant (a list of registry problems, each line escaped by
     * its maker). Otherwise any line break came from input, a file name say, and is written out
     * as `\n` so that it cannot forge a line of its own.
     */
    readonly multiline = false,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
