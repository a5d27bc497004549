import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { OrderStatus, type OrderView } from '../components/OrderStatus';

export function OrderPage() {
  const { id } = useParams();
  const [order, setOrder] = useState<OrderView | null>(null);

  useEffect(() => {
    void fetch(`/api/orders/${id}`)
      .then((res) => res.json())
      .then(setOrder);
  }, [id]);

  return order ? <OrderStatus order={order} /> : <p>Loading your order…</p>;
}
