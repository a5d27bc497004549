import { createContext } from 'react';

declare global {
  interface Window {
    /** Flags the API evaluated for this visitor, inlined into the HTML by the edge renderer. */
    __SHOP_FLAGS__?: Record<string, boolean>;
  }
}

export const BootstrappedFlagsContext = createContext<Record<string, boolean>>(
  typeof window === 'undefined' ? {} : (window.__SHOP_FLAGS__ ?? {}),
);
