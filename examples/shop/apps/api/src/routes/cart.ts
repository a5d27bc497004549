import { Router } from 'express';
import { EXPRESS_SHIPPING } from '@shop/flags';
import { featureClient } from '../lib/openfeature';
import { unleash } from '../lib/unleash';
import { loadCart } from '../services/carts';
import { priceCart } from '../services/pricing';
import type { User } from '../types';

export const cartRouter = Router();

cartRouter.get('/cart', async (req, res) => {
  const user = req.user as User;
  const lines = await loadCart(user.id);
  const evaluationContext = { targetingKey: user.id, country: user.country };

  const showFreeShippingBanner = await featureClient.getBooleanValue(
    'free-shipping-banner',
    true,
    evaluationContext,
  );
  const giftWrap = await featureClient.getStringValue('gift-wrap-option', 'off', evaluationContext);

  const deliveryOptions = ['standard'];
  if (unleash.isEnabled(EXPRESS_SHIPPING, { userId: user.id, properties: { country: user.country } })) {
    deliveryOptions.push('express');
  }

  res.json({
    ...priceCart(lines),
    deliveryOptions,
    giftWrap: giftWrap === 'on',
    banner: showFreeShippingBanner ? 'free-shipping' : null,
  });
});
