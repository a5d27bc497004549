import type { NextFunction, Request, Response } from 'express';
import { unleash } from '../lib/unleash';

/** Kill switch: answers 503 on every write while the database is being failed over. */
export function maintenanceGuard(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'GET' && unleash.isEnabled('maintenance-mode')) {
    res.status(503).set('Retry-After', '120').json({ error: 'The shop is under maintenance' });
    return;
  }
  next();
}
