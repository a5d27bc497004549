import { useBooleanFlagValue } from '@openfeature/react-sdk';
import { useFeatureIsOn } from '@growthbook/growthbook-react';
import { FLAGS } from '@shop/flags';
import { useShopFlag } from '../hooks/useShopFlag';
import { Reviews } from './Reviews';
import { SizeGuide } from './SizeGuide';

export interface ProductView {
  sku: string;
  title: string;
  price: number;
  category: string;
}

export function ProductDetails({ product }: { product: ProductView }) {
  const showSizeGuide = useBooleanFlagValue('size-guide', false);
  const canShareWishlist = useFeatureIsOn(`wishlist-sharing`);
  const reviewsV2 = useShopFlag({
    key: FLAGS.PRODUCT_REVIEWS_V2,
    fallback: false,
  });

  return (
    <article className="product">
      <h1>{product.title}</h1>
      <p className="price">€{product.price.toFixed(2)}</p>
      {showSizeGuide && product.category === 'apparel' && <SizeGuide sku={product.sku} />}
      {canShareWishlist && (
        <button type="button" onClick={() => navigator.share?.({ url: location.href })}>
          Share
        </button>
      )}
      <Reviews sku={product.sku} layout={reviewsV2 ? 'cards' : 'list'} />
    </article>
  );
}
