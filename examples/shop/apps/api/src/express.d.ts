import type { User } from './types';

declare global {
  namespace Express {
    interface Request {
      /** Set by the session middleware of the gateway; absent for guests. */
      user?: User;
    }
  }
}

export {};
