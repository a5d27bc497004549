import type { FlagKey } from '@shop/flags';
import { ldClient, toLDContext } from '../lib/launchdarkly';
import type { User } from '../types';

/**
 * The one place the API asks LaunchDarkly about a boolean flag, so that every evaluation
 * sends the same context attributes and falls back to "off" when LaunchDarkly is unreachable.
 */
export async function isFeatureOn(key: FlagKey, user: User): Promise<boolean> {
  return ldClient.variation(key, toLDContext(user), false);
}
