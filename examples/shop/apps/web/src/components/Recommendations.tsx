import { useEffect, useState } from 'react';
import { useFeatureValue } from '@growthbook/growthbook-react';
import { Experiment } from '@shop/flags';

interface Recommendation {
  sku: string;
  title: string;
  image: string;
}

export function Recommendations({ sku }: { sku: string }) {
  const layout = useFeatureValue(Experiment.RecsCarousel, 'control');
  const [items, setItems] = useState<Recommendation[]>([]);

  useEffect(() => {
    void fetch(`/api/products/${sku}/recommendations`)
      .then((res) => res.json())
      .then(setItems);
  }, [sku]);

  return (
    <section className={layout === 'carousel' ? 'recs recs--carousel' : 'recs recs--grid'}>
      <h2>You may also like</h2>
      {items.map((item) => (
        <a key={item.sku} href={`/products/${item.sku}`}>
          <img src={item.image} alt="" />
          {item.title}
        </a>
      ))}
    </section>
  );
}
