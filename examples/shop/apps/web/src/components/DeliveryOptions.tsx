import { useFlag } from '@unleash/proxy-client-react';
import { EXPRESS_SHIPPING } from '@shop/flags';

export function DeliveryOptions() {
  const expressAvailable = useFlag(EXPRESS_SHIPPING);

  return (
    <fieldset className="delivery-options">
      <legend>Delivery</legend>
      <label>
        <input type="radio" name="delivery" value="standard" defaultChecked /> Standard (3–5 days)
      </label>
      {expressAvailable && (
        <label>
          <input type="radio" name="delivery" value="express" /> Express (next day)
        </label>
      )}
    </fieldset>
  );
}
