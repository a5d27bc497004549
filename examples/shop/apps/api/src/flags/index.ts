export { isFeatureOn } from './isFeatureOn';
export { FLAGS } from '@shop/flags';
