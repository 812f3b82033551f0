import type { Principal } from '../../common/auth/principal';

export type NeedSubscription = 'allowed' | 'forbidden' | 'not_found';

/**
 * Decides, per record, whether a caller may join `need:{id}`: the same rule as
 * reading the need (members of the owning organisation, anyone once it is
 * published). The needs context owns that knowledge and provides this token
 * (NeedsModule exports it); the gateway only asks. `not_found` for a need the
 * caller may not even know exists.
 */
export interface NeedAccess {
  canSubscribe(principal: Principal, needId: string): Promise<NeedSubscription>;
}

export const NEED_ACCESS = Symbol('NEED_ACCESS');
