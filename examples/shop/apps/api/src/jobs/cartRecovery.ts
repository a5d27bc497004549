import { FLAGS, isFeatureOn } from '../flags';
import { logger } from '../lib/logger';
import { abandonedCarts, sendRecoveryEmail } from '../services/carts';

/** Runs every 30 minutes from the scheduler; emails shoppers who left items in their cart. */
export async function runCartRecovery(now = new Date()): Promise<number> {
  let sent = 0;
  for (const cart of await abandonedCarts({ olderThanMinutes: 60, now })) {
    if (!(await isFeatureOn(FLAGS.CART_RECOVERY_EMAIL, cart.owner))) continue;
    await sendRecoveryEmail(cart);
    sent += 1;
  }
  logger.info({ sent }, 'cart recovery run finished');
  return sent;
}
