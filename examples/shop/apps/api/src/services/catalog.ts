export interface Product {
  sku: string;
  title: string;
  price: number;
  tiers?: { minQuantity: number; price: number }[];
}

const products: Product[] = [];

export async function listProducts(query: Record<string, unknown>): Promise<Product[]> {
  const category = typeof query.category === 'string' ? query.category : undefined;
  return category ? products.filter((p) => p.sku.startsWith(category)) : products;
}

export async function recommendationsFor(sku: string, count: number): Promise<Product[]> {
  return products.filter((p) => p.sku !== sku).slice(0, count);
}
