import { config } from '../config';
import type { CartLine } from '../types';

export function priceCart(lines: CartLine[]): { subtotal: number; currency: string } {
  const subtotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  return { subtotal: Math.round(subtotal * 100) / 100, currency: config.currency };
}
