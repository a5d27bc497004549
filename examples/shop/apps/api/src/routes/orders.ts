import { Router } from 'express';
import Statsig from 'statsig-node';
import { isFeatureOn } from '../flags';
import { findOrder, refundOrders } from '../services/orders';
import type { User } from '../types';

export const ordersRouter = Router();

ordersRouter.get('/orders/:id', async (req, res) => {
  const user = req.user as User;
  const order = await findOrder(req.params.id, user.id);
  if (!order) {
    res.status(404).end();
    return;
  }

  const withMap = await isFeatureOn('order-tracking-map', user);
  res.json({ ...order, tracking: withMap ? order.tracking : { ...order.tracking, route: undefined } });
});

ordersRouter.post('/orders/refunds', async (req, res) => {
  const user = req.user as User;
  const allowed = await Statsig.checkGate({ userID: user.id, custom: { staff: user.isStaff } }, 'admin-bulk-refunds');
  if (!allowed) {
    res.status(403).json({ error: 'Bulk refunds are limited to support leads' });
    return;
  }
  res.json(await refundOrders(req.body.orderIds));
});
