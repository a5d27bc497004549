import { Router } from 'express';
import { GrowthBook } from '@growthbook/growthbook';
import { Experiment } from '@shop/flags';
import { ldClient, toLDContext } from '../lib/launchdarkly';
import { listProducts, recommendationsFor } from '../services/catalog';
import type { User } from '../types';

export const catalogRouter = Router();

function growthbookFor(user: User): GrowthBook {
  return new GrowthBook({
    apiHost: 'https://cdn.growthbook.io',
    clientKey: process.env.GROWTHBOOK_CLIENT_KEY,
    attributes: { id: user.id, country: user.country, staff: user.isStaff },
  });
}

catalogRouter.get('/products', async (req, res) => {
  const user = req.user as User;
  const gb = growthbookFor(user);
  await gb.init({ timeout: 1000 });

  const products = await listProducts(req.query);
  const tierPricing = gb.isOn('bulk-pricing');
  res.json(products.map((p) => (tierPricing ? p : { ...p, tiers: undefined })));
});

catalogRouter.get('/products/:sku/recommendations', async (req, res) => {
  const user = req.user as User;
  const gb = growthbookFor(user);
  await gb.init({ timeout: 1000 });

  // The web app renders the carousel; the API only decides how many items to send.
  const variant = gb.getFeatureValue(Experiment.RecsCarousel, 'control');
  res.json(await recommendationsFor(req.params.sku, variant === 'control' ? 4 : 12));
});

catalogRouter.get('/beta-features', async (req, res) => {
  const user = req.user as User;
  const context = toLDContext(user);
  const enabled: string[] = [];
  for (const name of String(req.query.names ?? '').split(',')) {
    if (await ldClient.variation(`beta-${name}`, context, false)) enabled.push(name);
  }
  res.json({ enabled });
});
