import express from 'express';
import { config } from './config';
import { initOpenFeature } from './lib/openfeature';
import { ldClient } from './lib/launchdarkly';
import { logger } from './lib/logger';
import { maintenanceGuard } from './middleware/maintenance';
import { cartRouter } from './routes/cart';
import { catalogRouter } from './routes/catalog';
import { checkoutRouter } from './routes/checkout';
import { ordersRouter } from './routes/orders';
import { searchRouter } from './routes/search';

async function main(): Promise<void> {
  await Promise.all([ldClient.waitForInitialization({ timeout: 10 }), initOpenFeature()]);

  const app = express();
  app.use(express.json());
  app.use(maintenanceGuard);
  app.use('/api', catalogRouter, searchRouter, cartRouter, checkoutRouter, ordersRouter);

  app.listen(config.port, () => logger.info({ port: config.port }, 'shop-api listening'));
}

main().catch((err) => {
  logger.fatal(err, 'shop-api failed to start');
  process.exit(1);
});
