export function SizeGuide({ sku }: { sku: string }) {
  return (
    <details className="size-guide">
      <summary>Size guide</summary>
      <iframe title="Size guide" src={`/size-guides/${encodeURIComponent(sku)}.html`} />
    </details>
  );
}
