import { useContext } from 'react';
import type { FlagKey } from '@shop/flags';
import { BootstrappedFlagsContext } from '../lib/bootstrappedFlags';

export interface ShopFlagRequest {
  key: FlagKey;
  fallback?: boolean;
}

/**
 * Reads a flag that the API already evaluated and inlined into the page, so the first paint
 * never waits for a flag SDK to connect. Declared in flags.yaml (`scan.functions`) so that
 * Flaglint counts its call sites as flag evaluations.
 */
export function useShopFlag({ key, fallback = false }: ShopFlagRequest): boolean {
  const bootstrapped = useContext(BootstrappedFlagsContext);
  return bootstrapped[key] ?? fallback;
}
