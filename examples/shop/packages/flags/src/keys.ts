/**
 * Flag keys shared by the web app and the API.
 *
 * The registry (flags.yaml at the repo root) is the source of truth for owners, expiry and
 * rollback plans; `npm run lint:flags` fails CI when this file and the registry drift apart.
 */
export const FLAGS = {
  NEW_CHECKOUT: 'new-checkout',
  PAYMENTS_API_V2: 'payments-api-v2',
  PRODUCT_REVIEWS_V2: 'product-reviews-v2',
  CART_RECOVERY_EMAIL: 'cart-recovery-email',
  ONE_CLICK_REORDER: 'one-click-reorder',
  ORDER_TRACKING_MAP: 'order-tracking-map',
  PROMO_CODES: 'promo-codes',
} as const;

export type FlagKey = (typeof FLAGS)[keyof typeof FLAGS];

/** The fulfilment squad imports this one directly in both apps. */
export const EXPRESS_SHIPPING = 'express-shipping';
