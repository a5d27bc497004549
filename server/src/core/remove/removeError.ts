/**
 * A removal the user asked for that cannot be done as asked (unknown key, a value of the wrong
 * type). Front ends show the message as is and treat it as bad usage, not as a crash.
 */
export class RemoveError extends Error {
  constructor(
    readonly code: 'unknown-key' | 'bad-value' | 'unreadable-file',
    message: string,
  ) {
    super(message);
    this.name = 'RemoveError';
  }
}
