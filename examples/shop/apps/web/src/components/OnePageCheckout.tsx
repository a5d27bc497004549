import type { ReactNode } from 'react';

export function OnePageCheckout({ offerToSaveCard, children }: { offerToSaveCard: boolean; children: ReactNode }) {
  return (
    <form method="post" action="/api/checkout/orders" className="checkout checkout--one-page">
      {children}
      <fieldset>
        <legend>Payment</legend>
        <input name="cardNumber" autoComplete="cc-number" inputMode="numeric" />
        {offerToSaveCard && (
          <label>
            <input type="checkbox" name="storeCard" /> Save this card for next time
          </label>
        )}
      </fieldset>
      <button type="submit">Place order</button>
    </form>
  );
}
