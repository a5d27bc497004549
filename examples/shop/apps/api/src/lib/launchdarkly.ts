import { init, type LDContext } from '@launchdarkly/node-server-sdk';
import type { User } from '../types';

export const ldClient = init(process.env.LAUNCHDARKLY_SDK_KEY ?? '');

export function toLDContext(user: User): LDContext {
  return {
    kind: 'user',
    key: user.id,
    email: user.email,
    country: user.country,
    staff: user.isStaff,
  };
}
