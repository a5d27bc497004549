import type { CartLine, User } from '../types';

export interface AbandonedCart {
  id: string;
  owner: User;
  lines: CartLine[];
  updatedAt: Date;
}

export async function abandonedCarts(options: { olderThanMinutes: number; now: Date }): Promise<AbandonedCart[]> {
  void options;
  return [];
}

export async function sendRecoveryEmail(cart: AbandonedCart): Promise<void> {
  void cart;
}

export async function loadCart(userId: string): Promise<CartLine[]> {
  void userId;
  return [];
}
