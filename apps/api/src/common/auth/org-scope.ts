declare const SCOPE: unique symbol;

/**
 * Proof that the caller was authorised for one organisation's data. Only the
 * abilities code creates it; repositories of organisation-owned tables take
 * it as a required argument, so an unscoped query does not compile.
 */
export interface OrgScope {
  readonly orgId: string;
  readonly [SCOPE]: true;
}

/** Only for code that has checked the caller's right to the organisation (abilities) or acts as the system. */
export function grantOrgScope(orgId: string): OrgScope {
  return { orgId } as OrgScope;
}
