/**
 * What the service refuses, and why, without protocol codes: the language server maps `kind` to a
 * JSON-RPC error code, the CLI to an exit status.
 */
export type ServiceErrorKind =
  /** The request cannot be done for this flag or place (an alias, a declaration Flaglint cannot edit). */
  | 'invalid-request'
  /** An argument is unusable (a key with spaces, a value of the wrong type, an unknown folder). */
  | 'invalid-params'
  /** The folder's first scan has not finished. */
  | 'not-ready';

export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
