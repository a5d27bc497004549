export interface Order {
  id: string;
  userId: string;
  total: number;
  tracking: { carrier: string; status: string; route?: [number, number][] };
}

export interface OrderOptions {
  storeCard: boolean;
}

const orders = new Map<string, Order>();

export async function findOrder(id: string, userId: string): Promise<Order | undefined> {
  const order = orders.get(id);
  return order && order.userId === userId ? order : undefined;
}

export async function createOrder(body: unknown, options: OrderOptions): Promise<{ id: string }> {
  const id = `ord_${orders.size + 1}`;
  void body;
  void options;
  return { id };
}

export async function quote(body: unknown, options: Record<string, unknown>): Promise<Record<string, unknown>> {
  return { body, options, total: 0 };
}

export async function refundOrders(orderIds: string[]): Promise<{ refunded: number }> {
  return { refunded: orderIds.length };
}
