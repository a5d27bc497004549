import { OpenFeature } from '@openfeature/server-sdk';
import { LaunchDarklyProvider } from '@launchdarkly/openfeature-node-server';

export async function initOpenFeature(): Promise<void> {
  await OpenFeature.setProviderAndWait(
    new LaunchDarklyProvider(process.env.LAUNCHDARKLY_SDK_KEY ?? ''),
  );
}

export const featureClient = OpenFeature.getClient('shop-api');
