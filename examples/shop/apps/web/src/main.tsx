import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { asyncWithLDProvider } from 'launchdarkly-react-client-sdk';
import { GrowthBook, GrowthBookProvider } from '@growthbook/growthbook-react';
import { FlagProvider } from '@unleash/proxy-client-react';
import { OpenFeature, OpenFeatureProvider } from '@openfeature/react-sdk';
import { LaunchDarklyClientProvider } from '@openfeature/launchdarkly-client-provider';
import posthog from 'posthog-js';
import { App } from './App';

const visitorId = localStorage.getItem('shop.visitor') ?? crypto.randomUUID();
localStorage.setItem('shop.visitor', visitorId);

posthog.init(import.meta.env.VITE_POSTHOG_KEY, { api_host: 'https://eu.i.posthog.com' });

const growthbook = new GrowthBook({
  apiHost: 'https://cdn.growthbook.io',
  clientKey: import.meta.env.VITE_GROWTHBOOK_CLIENT_KEY,
  attributes: { id: visitorId },
});
void growthbook.init({ streaming: true });

await OpenFeature.setProviderAndWait(
  new LaunchDarklyClientProvider(import.meta.env.VITE_LD_CLIENT_SIDE_ID, {}),
  { targetingKey: visitorId },
);

const LDProvider = await asyncWithLDProvider({
  clientSideID: import.meta.env.VITE_LD_CLIENT_SIDE_ID,
  context: { kind: 'user', key: visitorId, anonymous: true },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LDProvider>
      <GrowthBookProvider growthbook={growthbook}>
        <FlagProvider
          config={{
            url: import.meta.env.VITE_UNLEASH_FRONTEND_URL,
            clientKey: import.meta.env.VITE_UNLEASH_CLIENT_KEY,
            appName: 'shop-web',
          }}
        >
          <OpenFeatureProvider>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </OpenFeatureProvider>
        </FlagProvider>
      </GrowthBookProvider>
    </LDProvider>
  </StrictMode>,
);
