import { useFlags, useLDClient } from 'launchdarkly-react-client-sdk';
import { DeliveryOptions } from '../components/DeliveryOptions';
import { LegacyCheckout } from '../components/LegacyCheckout';
import { OnePageCheckout } from '../components/OnePageCheckout';

export function CheckoutPage() {
  const { newCheckout } = useFlags();
  const ldClient = useLDClient();
  const offerToSaveCard = ldClient?.variation('saved-payment-methods', false) ?? false;

  if (!newCheckout) {
    return <LegacyCheckout />;
  }
  return (
    <OnePageCheckout offerToSaveCard={offerToSaveCard}>
      <DeliveryOptions />
    </OnePageCheckout>
  );
}
