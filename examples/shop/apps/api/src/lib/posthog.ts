import { PostHog } from 'posthog-node';

export const posthog = new PostHog(process.env.POSTHOG_API_KEY ?? '', {
  host: 'https://eu.i.posthog.com',
  personalApiKey: process.env.POSTHOG_PERSONAL_API_KEY,
});
