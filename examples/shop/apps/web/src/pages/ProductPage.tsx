import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ProductDetails, type ProductView } from '../components/ProductDetails';
import { Recommendations } from '../components/Recommendations';

export function ProductPage() {
  const { sku } = useParams();
  const [product, setProduct] = useState<ProductView | null>(null);

  useEffect(() => {
    void fetch(`/api/products/${sku}`)
      .then((res) => res.json())
      .then(setProduct);
  }, [sku]);

  if (!product) return <p>Loading…</p>;
  return (
    <>
      <ProductDetails product={product} />
      <Recommendations sku={product.sku} />
    </>
  );
}
