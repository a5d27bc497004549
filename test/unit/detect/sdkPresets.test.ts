import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../server/src/core/engine/types';
import { filesWithFindings, refsIn, scanFixture, textAt } from './scanFixture';

/**
 * Every SDK preset with the call shapes of the SDK's own documentation and typings, in a
 * realistic monorepo (test/fixtures/detect/sdks: a Node API and a React web app). Each file's
 * references are checked exactly, so a missed call and a spurious one both fail.
 */
describe('detection: SDK presets', () => {
  let result: ScanResult;
  before(async () => {
    result = await scanFixture('sdks');
  });

  it('OpenFeature: server client get*Value / get*Details with value type and fallback; React hooks', () => {
    assert.deepEqual(refsIn(result, 'services/api/src/openfeature/checkoutOptions.ts'), [
      "L14 'one-page-checkout' → one-page-checkout call/literal openfeature:getBooleanValue boolean =false",
      `L15 'checkout-theme' → checkout-theme call/literal openfeature:getStringValue string ="classic"`,
      "L16 'cart-max-items' → cart-max-items call/literal openfeature:getNumberValue number =50",
      `L17 'checkout-banner' → checkout-banner call/literal openfeature:getObjectValue json ={"text":"","color":"blue"}`,
      "L18 'express-pay' → express-pay call/literal openfeature:getBooleanDetails boolean =true",
      `L19 'checkout-currency' → checkout-currency call/literal openfeature:getStringDetails string ="EUR"`,
      "L20 'shipping-days' → shipping-days call/literal openfeature:getNumberDetails number =3",
      "L21 'checkout-upsell' → checkout-upsell call/literal openfeature:getObjectDetails json ={}",
    ]);
    assert.deepEqual(refsIn(result, 'web/src/openfeature/CheckoutBanner.tsx'), [
      "L4 'checkout-banner-visible' → checkout-banner-visible call/literal openfeature:useBooleanFlagValue boolean =false",
      `L5 'checkout-headline' → checkout-headline call/literal openfeature:useFlag string ="Welcome back"`,
      `L6 'checkout-layout' → checkout-layout call/literal openfeature:useStringFlagValue string ="grid"`,
      "L7 'checkout-upsell-limit' → checkout-upsell-limit call/literal openfeature:useNumberFlagDetails number =3",
    ]);
  });

  it('LaunchDarkly server SDK: variation(key, context, default) and the typed *Variation / *VariationDetail methods', () => {
    assert.deepEqual(refsIn(result, 'services/api/src/launchdarkly/pricing.ts'), [
      "L14 'dynamic-pricing' → dynamic-pricing call/literal launchdarkly:variation boolean =false",
      "L15 'annual-billing' → annual-billing call/literal launchdarkly:boolVariation boolean =true",
      `L16 'display-currency' → display-currency call/literal launchdarkly:stringVariation string ="USD"`,
      "L17 'loyalty-discount-pct' → loyalty-discount-pct call/literal launchdarkly:numberVariation number =0",
      "L18 'pricing-tiers' → pricing-tiers call/literal launchdarkly:jsonVariation json =[]",
      `L19 'price-rounding' → price-rounding call/literal launchdarkly:variationDetail string ="nearest"`,
      "L20 'extended-trial' → extended-trial call/literal launchdarkly:boolVariationDetail boolean =false",
    ]);
  });

  it('LaunchDarkly JS client: variation(key, default) takes the fallback second', () => {
    assert.deepEqual(refsIn(result, 'web/src/launchdarkly/browserBoot.ts'), [
      "L8 'maintenance-banner' → maintenance-banner call/literal launchdarkly:variation boolean =false",
      `L11 'accent-color' → accent-color call/literal launchdarkly:variation string ="#0055ff"`,
    ]);
  });

  it('LaunchDarkly React: useFlags() properties, destructuring, useFlags().x, useLDClient().variation', () => {
    assert.deepEqual(refsIn(result, 'web/src/launchdarkly/Storefront.tsx'), [
      'L6 newCheckout → newCheckout destructure/property launchdarkly:useFlags',
      'L6 darkMode → darkMode destructure/property launchdarkly:useFlags',
      "L9 'promo-ribbon' → promo-ribbon call/literal launchdarkly:variation boolean =false",
      'L13 denseProductGrid → denseProductGrid property/property launchdarkly:useFlags',
      "L13 'quickView' → quickView property/literal launchdarkly:useFlags",
      'L15 searchV2 → searchV2 property/property launchdarkly:useFlags',
    ]);
  });

  it('LaunchDarkly React: withLDConsumer props.flags, ({ flags }) parameters, const { flags } = props, this.props.flags', () => {
    assert.deepEqual(refsIn(result, 'web/src/launchdarkly/AccountBanner.jsx'), [
      'L9 annualUpsell → annualUpsell property/property launchdarkly:useFlags',
    ]);
    assert.deepEqual(refsIn(result, 'web/src/launchdarkly/Home.jsx'), [
      'L5 devTestFlag → devTestFlag property/property launchdarkly:useFlags',
    ]);
    assert.deepEqual(refsIn(result, 'web/src/launchdarkly/NavBar.tsx'), [
      'L10 megaMenu → megaMenu property/property launchdarkly:useFlags',
      'L14 footerNewsletter → footerNewsletter property/property launchdarkly:useFlags',
      'L18 accountSwitcher → accountSwitcher property/property launchdarkly:useFlags',
    ]);
  });

  it('Unleash: client methods, the module-level isEnabled/getVariant of unleash-client, React useFlag/useVariant', () => {
    assert.deepEqual(refsIn(result, 'services/api/src/unleash/searchConfig.ts'), [
      "L11 'semantic-search' → semantic-search call/literal unleash:isEnabled boolean =false",
      "L12 'search-ranking' → search-ranking call/literal unleash:getVariant",
      "L14 'typo-tolerance' → typo-tolerance call/literal unleash:isEnabled boolean =true",
      "L15 'search-layout' → search-layout call/literal unleash:getVariant",
      "L16 'search-synonyms' → search-synonyms call/literal unleash:isEnabled boolean",
    ]);
    assert.deepEqual(refsIn(result, 'web/src/unleash/QuickAdd.tsx'), [
      "L4 'quick-add' → quick-add call/literal unleash:useFlag boolean",
      "L5 'quick-add-copy' → quick-add-copy call/literal unleash:useVariant",
    ]);
  });

  it('GrowthBook: isOn/isOff/getFeatureValue/evalFeature, React hooks, <IfFeatureEnabled> and <FeatureString default>', () => {
    assert.deepEqual(refsIn(result, 'services/api/src/growthbook/recommendations.ts'), [
      "L12 'recs-v2' → recs-v2 call/literal growthbook:isOn boolean",
      "L13 'recs-legacy-widget' → recs-legacy-widget call/literal growthbook:isOff boolean",
      "L14 'recs-count' → recs-count call/literal growthbook:getFeatureValue number =4",
      "L15 'recs-algorithm' → recs-algorithm call/literal growthbook:evalFeature",
    ]);
    assert.deepEqual(refsIn(result, 'web/src/growthbook/ProductPage.tsx'), [
      "L4 'product-reviews' → product-reviews call/literal growthbook:useFeatureIsOn boolean",
      `L5 'cta-color' → cta-color call/literal growthbook:useFeatureValue string ="green"`,
      'L9 "hero-headline" → hero-headline jsx/literal growthbook:FeatureString string ="Shop the sale"',
      'L13 "gift-cards" → gift-cards jsx/literal growthbook:IfFeatureEnabled boolean',
    ]);
  });

  it('PostHog: browser and node (key first, distinct id second), React hook and <PostHogFeature flag>', () => {
    assert.deepEqual(refsIn(result, 'web/src/posthog/onboarding.ts'), [
      "L6 'new-onboarding' → new-onboarding call/literal posthog:isFeatureEnabled boolean",
      "L7 'onboarding-copy' → onboarding-copy call/literal posthog:getFeatureFlag",
      "L8 'onboarding-steps' → onboarding-steps call/literal posthog:getFeatureFlagPayload",
    ]);
    assert.deepEqual(refsIn(result, 'services/api/src/posthog/exports.ts'), [
      "L6 'bulk-export' → bulk-export call/literal posthog:isFeatureEnabled boolean",
      "L7 'export-format' → export-format call/literal posthog:getFeatureFlag",
      "L8 'export-limits' → export-limits call/literal posthog:getFeatureFlagPayload",
    ]);
    assert.deepEqual(refsIn(result, 'web/src/posthog/SupportWidget.tsx'), [
      "L4 'live-chat' → live-chat call/literal posthog:useFeatureFlagEnabled boolean",
      'L8 "feedback-widget" → feedback-widget jsx/literal posthog:PostHogFeature',
    ]);
  });

  it('Statsig: server checkGate(user, gate) and checkGateSync (statsig-node, server core), browser checkGate(gate[, opts]), React hooks', () => {
    assert.deepEqual(refsIn(result, 'services/api/src/statsig/gates.ts'), [
      "L11 'org-sso' → org-sso call/literal statsig:checkGateSync boolean",
      "L12 'org-seat-limits' → org-seat-limits call/literal statsig:getConfigSync",
      "L13 'org-onboarding' → org-onboarding call/literal statsig:getExperimentSync",
    ]);
    assert.deepEqual(refsIn(result, 'services/api/src/statsig/refunds.ts'), [
      "L7 'instant-refunds' → instant-refunds call/literal statsig:checkGate boolean",
      "L8 'refund-flow' → refund-flow call/literal statsig:getExperiment",
      "L9 'refund-limits' → refund-limits call/literal statsig:getConfig",
      "L10 'support-layer' → support-layer call/literal statsig:getLayer",
    ]);
    assert.deepEqual(refsIn(result, 'services/api/src/statsig/support.ts'), [
      "L9 'priority-support' → priority-support call/literal statsig:checkGate boolean",
      "L10 'support-queue-order' → support-queue-order call/literal statsig:getExperiment",
      "L11 'support-hours' → support-hours call/literal statsig:getDynamicConfig",
    ]);
    assert.deepEqual(refsIn(result, 'web/src/statsig/client.ts'), [
      "L7 'dark-mode' → dark-mode call/literal statsig:checkGate boolean",
      "L8 'pricing-page-layout' → pricing-page-layout call/literal statsig:getExperiment",
      "L9 'banner-config' → banner-config call/literal statsig:getDynamicConfig",
      "L10 'homepage-layer' → homepage-layer call/literal statsig:getLayer",
    ]);
    assert.deepEqual(refsIn(result, 'web/src/statsig/legacy.ts'), [
      "L5 'beta-badge' → beta-badge call/literal statsig:checkGate boolean",
    ]);
    assert.deepEqual(refsIn(result, 'web/src/statsig/Onboarding.tsx'), [
      "L5 'onboarding-checklist' → onboarding-checklist call/literal statsig:useFeatureGate boolean",
      "L6 'onboarding-video' → onboarding-video call/literal statsig:useGateValue boolean",
      "L7 'onboarding-copy-test' → onboarding-copy-test call/literal statsig:useExperiment",
      "L8 'product-tour' → product-tour call/literal statsig:useGate boolean",
    ]);
  });

  it('Flagsmith: hasFeature/getValue, node flags.isFeatureEnabled/getFeatureValue, React useFlags([...])', () => {
    assert.deepEqual(refsIn(result, 'web/src/flagsmith/chat.ts'), [
      "L5 'chat_support' → chat_support call/literal flagsmith:hasFeature boolean",
      "L6 'chat_greeting' → chat_greeting call/literal flagsmith:getValue",
    ]);
    assert.deepEqual(refsIn(result, 'services/api/src/flagsmith/invoices.ts'), [
      "L7 'bulk_invoices' → bulk_invoices call/literal flagsmith:isFeatureEnabled boolean",
      "L8 'invoice_footer' → invoice_footer call/literal flagsmith:getFeatureValue",
    ]);
    assert.deepEqual(refsIn(result, 'web/src/flagsmith/ChatWidget.tsx'), [
      "L4 'chat_widget' → chat_widget call/literal flagsmith:useFlags",
      "L4 'chat_theme' → chat_theme call/literal flagsmith:useFlags",
    ]);
  });

  it('ConfigCat: getValueAsync(key, default, user) and React useFeatureFlag(key, default)', () => {
    assert.deepEqual(refsIn(result, 'services/api/src/configcat/reports.ts'), [
      "L7 'isScheduledReportsEnabled' → isScheduledReportsEnabled call/literal configcat:getValueAsync boolean =false",
      "L8 'reportRowLimit' → reportRowLimit call/literal configcat:getValueAsync number =1000",
      `L9 'reportTheme' → reportTheme call/literal configcat:getValueDetailsAsync string ="light"`,
    ]);
    assert.deepEqual(refsIn(result, 'web/src/configcat/Dashboard.tsx'), [
      "L4 'newDashboard' → newDashboard call/literal configcat:useFeatureFlag boolean =false",
      `L5 'dashboardDensity' → dashboardDensity call/literal configcat:useFeatureFlag string ="comfortable"`,
    ]);
  });

  it('Split: server getTreatment(userKey, split, attrs) and getTreatments(userKey, [...]), browser forms, React hooks', () => {
    assert.deepEqual(refsIn(result, 'services/api/src/split/billing.ts'), [
      "L8 'invoice_redesign' → invoice_redesign call/literal split:getTreatment string",
      "L9 'invoice_theme' → invoice_theme call/literal split:getTreatmentWithConfig",
      "L10 'invoice_export' → invoice_export call/literal split:getTreatments string",
      "L10 'invoice_reminders' → invoice_reminders call/literal split:getTreatments string",
    ]);
    assert.deepEqual(refsIn(result, 'web/src/split/navigation.ts'), [
      "L9 'new_nav' → new_nav call/literal split:getTreatment string",
      "L10 'nav_help_center' → nav_help_center call/literal split:getTreatment string",
      "L11 'nav_search' → nav_search call/literal split:getTreatments string",
      "L11 'nav_notifications' → nav_notifications call/literal split:getTreatments string",
    ]);
    assert.deepEqual(refsIn(result, 'web/src/split/Sidebar.tsx'), [
      "L4 'sidebar_v2' → sidebar_v2 call/literal split:useSplitTreatments",
      "L4 'sidebar_pins' → sidebar_pins call/literal split:useSplitTreatments",
      "L5 'sidebar_legacy_links' → sidebar_legacy_links call/literal split:useTreatments",
      "L6 'sidebar_badge' → sidebar_badge call/literal split:useTreatment",
    ]);
  });

  it('DevCycle: server variableValue(user, key, default), client variableValue(key, default), React useVariableValue', () => {
    assert.deepEqual(refsIn(result, 'services/api/src/devcycle/exports.ts'), [
      "L8 'export-batch-size' → export-batch-size call/literal devcycle:variableValue number =100",
      "L9 'scheduled-exports' → scheduled-exports call/literal devcycle:variable boolean =false",
    ]);
    assert.deepEqual(refsIn(result, 'web/src/devcycle/tips.ts'), [
      "L6 'show-tips' → show-tips call/literal devcycle:variableValue boolean =true",
    ]);
    assert.deepEqual(refsIn(result, 'web/src/devcycle/Sidebar.tsx'), [
      "L4 'sidebar-v2' → sidebar-v2 call/literal devcycle:useVariableValue boolean =false",
    ]);
  });

  it('the evaluation range covers the whole call, JSX opening element or destructuring', () => {
    const evaluation = (key: string) => {
      const ref = result.references.find((r) => r.key === key);
      assert.ok(ref, `no reference to ${key}`);
      return textAt(ref.evaluation);
    };
    assert.equal(evaluation('dynamic-pricing'), "ldClient.variation('dynamic-pricing', context, false)");
    assert.equal(evaluation('instant-refunds'), "Statsig.checkGate(user, 'instant-refunds')");
    assert.equal(evaluation('gift-cards'), '<IfFeatureEnabled feature="gift-cards">');
    assert.equal(evaluation('newCheckout'), '{ newCheckout, darkMode: dark } = useFlags()');
    assert.equal(evaluation('searchV2'), 'useFlags().searchV2');
    assert.equal(evaluation('sidebar_pins'), "useSplitTreatments({ names: ['sidebar_v2', 'sidebar_pins'] })");
  });

  it('finds nothing else: no look-alike call in these files is taken for a flag, and no key is dynamic', () => {
    assert.deepEqual(result.dynamic, []);
    assert.deepEqual(filesWithFindings(result), [
      'services/api/src/configcat/reports.ts',
      'services/api/src/devcycle/exports.ts',
      'services/api/src/flagsmith/invoices.ts',
      'services/api/src/growthbook/recommendations.ts',
      'services/api/src/launchdarkly/pricing.ts',
      'services/api/src/openfeature/checkoutOptions.ts',
      'services/api/src/posthog/exports.ts',
      'services/api/src/split/billing.ts',
      'services/api/src/statsig/gates.ts',
      'services/api/src/statsig/refunds.ts',
      'services/api/src/statsig/support.ts',
      'services/api/src/unleash/searchConfig.ts',
      'web/src/configcat/Dashboard.tsx',
      'web/src/devcycle/Sidebar.tsx',
      'web/src/devcycle/tips.ts',
      'web/src/flagsmith/ChatWidget.tsx',
      'web/src/flagsmith/chat.ts',
      'web/src/growthbook/ProductPage.tsx',
      'web/src/launchdarkly/AccountBanner.jsx',
      'web/src/launchdarkly/Home.jsx',
      'web/src/launchdarkly/NavBar.tsx',
      'web/src/launchdarkly/Storefront.tsx',
      'web/src/launchdarkly/browserBoot.ts',
      'web/src/openfeature/CheckoutBanner.tsx',
      'web/src/posthog/SupportWidget.tsx',
      'web/src/posthog/onboarding.ts',
      'web/src/split/Sidebar.tsx',
      'web/src/split/navigation.ts',
      'web/src/statsig/Onboarding.tsx',
      'web/src/statsig/client.ts',
      'web/src/statsig/legacy.ts',
      'web/src/unleash/QuickAdd.tsx',
    ]);
  });
});
