export function Reviews({ sku, layout }: { sku: string; layout: 'cards' | 'list' }) {
  return (
    <section className={`reviews reviews--${layout}`} data-sku={sku}>
      <h2>Reviews</h2>
    </section>
  );
}
