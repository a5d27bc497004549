export function LegacyCheckout() {
  return (
    <form method="post" action="/legacy/checkout" className="checkout checkout--legacy">
      <p>Review your basket, then continue to payment.</p>
      <button type="submit">Continue</button>
    </form>
  );
}
