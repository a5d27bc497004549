/**
 * Static configuration read once at boot. `FEATURE_TOGGLES` is a comma-separated list of
 * toggles the ops team flips per environment without a deploy of the flag service, e.g.
 * FEATURE_TOGGLES=instantSearch,fastCartSync
 */
function parseToggles(raw: string | undefined): Record<string, boolean> {
  const toggles: Record<string, boolean> = {};
  for (const name of (raw ?? '').split(',')) {
    if (name.trim()) toggles[name.trim()] = true;
  }
  return toggles;
}

export const config = {
  port: Number(process.env.PORT ?? 8080),
  currency: process.env.SHOP_CURRENCY ?? 'EUR',
  featureToggles: parseToggles(process.env.FEATURE_TOGGLES),
};
