import { Router } from 'express';
import { FLAGS, isFeatureOn } from '../flags';
import { ldClient, toLDContext } from '../lib/launchdarkly';
import { featureClient } from '../lib/openfeature';
import { logger } from '../lib/logger';
import { createOrder, quote } from '../services/orders';
import type { User } from '../types';

export const checkoutRouter = Router();

checkoutRouter.post('/checkout/quote', async (req, res) => {
  const user = req.user as User;
  const context = toLDContext(user);

  const onePage = await ldClient.variation(FLAGS.NEW_CHECKOUT, context, false);
  if (onePage) {
    logger.info({ userId: user.id }, 'new-checkout enabled for user');
  }

  const usePaymentsV2 = await isFeatureOn(FLAGS.PAYMENTS_API_V2, user);
  const acceptPromoCodes = await featureClient.getBooleanValue(FLAGS.PROMO_CODES, false, {
    targetingKey: user.id,
  });

  // ldClient.variation('old-flag', context, false) used to gate the legacy basket merge here;
  // removed in #1842 once every basket had been migrated.

  res.json(
    await quote(req.body, {
      onePage,
      paymentsApi: usePaymentsV2 ? 'v2' : 'v1',
      promoCodes: acceptPromoCodes ? req.body.promoCode : undefined,
    }),
  );
});

checkoutRouter.post('/checkout/orders', async (req, res) => {
  const user = req.user as User | undefined;
  if (!user) {
    const guestAllowed = await ldClient.variation('guest-checkout', { kind: 'user', key: 'anonymous', anonymous: true }, false);
    if (!guestAllowed) {
      res.status(401).json({ error: 'Sign in to place an order' });
      return;
    }
  }

  const context = user ? toLDContext(user) : { kind: 'user', key: 'anonymous', anonymous: true };
  const storeCard = await ldClient.boolVariation('saved-payment-methods', context, false);
  res.status(201).json(await createOrder(req.body, { storeCard }));
});

checkoutRouter.post('/checkout/reorder/:orderId', async (req, res) => {
  const user = req.user as User;
  if (!(await isFeatureOn(FLAGS.ONE_CLICK_REORDER, user))) {
    res.status(404).end();
    return;
  }
  res.status(201).json(await createOrder({ reorderOf: req.params.orderId }, { storeCard: true }));
});
