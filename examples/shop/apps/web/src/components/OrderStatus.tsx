import { useFlags } from 'launchdarkly-react-client-sdk';
import { TrackingMap } from './TrackingMap';

export interface OrderView {
  id: string;
  total: number;
  tracking: { carrier: string; status: string; route?: [number, number][] };
}

export function OrderStatus({ order }: { order: OrderView }) {
  const flags = useFlags();

  return (
    <section className="order-status">
      <h2>Order {order.id}</h2>
      <p>
        {order.tracking.carrier}: {order.tracking.status}
      </p>
      {flags.orderTrackingMap && order.tracking.route ? <TrackingMap route={order.tracking.route} /> : null}
    </section>
  );
}
