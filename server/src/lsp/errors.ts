/** The service's refusals as JSON-RPC errors, so the editor shows their message as is. */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { ServiceError, type ServiceErrorKind } from '../core/service';

const CODES: Record<ServiceErrorKind, number> = {
  'invalid-request': ErrorCodes.InvalidRequest,
  'invalid-params': ErrorCodes.InvalidParams,
  'not-ready': ErrorCodes.ServerNotInitialized,
};

export function toResponseError(error: unknown): unknown {
  return error instanceof ServiceError ? new ResponseError(CODES[error.kind], error.message) : error;
}

/** Runs a service call, turning its ServiceError into the matching ResponseError. */
export function asResponseError<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw toResponseError(error);
  }
}

export async function asResponseErrorAsync<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toResponseError(error);
  }
}
