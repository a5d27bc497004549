import { describe, expect, it, vi } from 'vitest';
import { FLAGS } from '@shop/flags';
import { isFeatureOn } from '../flags';
import { ldClient } from '../lib/launchdarkly';

const user = { id: 'u-1', email: 'ada@example.com', country: 'DE', isStaff: false };

describe('order tracking map', () => {
  it('asks LaunchDarkly with the user context', async () => {
    const variation = vi.spyOn(ldClient, 'variation').mockResolvedValue(true);
    expect(await isFeatureOn(FLAGS.ORDER_TRACKING_MAP, user)).toBe(true);
    expect(variation).toHaveBeenCalledWith('order-tracking-map', expect.objectContaining({ key: 'u-1' }), false);
  });
});
