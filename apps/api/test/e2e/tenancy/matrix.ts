import type { TestApp } from '../../support/app';
import { addMember, createOrganization, loginAdmin, registerUser, type TestUser } from '../../factories/identity.factory';

/** Who calls: nobody, a plain volunteer, each NGO role of organisation A, a company CSR manager, a platform administrator. */
export const CALLERS = ['anonymous', 'volunteer', 'staff', 'coordinator', 'owner', 'csrManager', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * Whose record the request touches: organisation A's (the callers' own) or
 * organisation B's (another NGO with the same roles); `none` for routes
 * without an organisation record.
 */
export type Target = 'own' | 'other' | 'none';

export interface MatrixWorld {
  t: TestApp;
  users: Record<Exclude<Caller, 'anonymous'>, TestUser>;
  ngoA: { id: string; owner: TestUser; coordinator: TestUser; staff: TestUser };
  ngoB: { id: string; owner: TestUser; coordinator: TestUser; staff: TestUser };
  company: { id: string; owner: TestUser; csrManager: TestUser };
  /** The NGO whose record a target means. */
  ngoOf(target: Exclude<Target, 'none'>): MatrixWorld['ngoA'];
}

export interface PreparedRequest {
  /** Concrete path, with parameters and query filled in. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** A multipart file upload instead of a JSON body. */
  attach?: { field: string; content: Buffer; name: string };
}

export interface MatrixRow {
  /** Exactly as the router lists it, e.g. `POST /api/v1/organizations/:id/members`. */
  route: string;
  /**
   * Builds one request for one caller; called afresh for every request, so a
   * write never sees state left by the previous caller.
   */
  prepare(world: MatrixWorld, target: Target, caller: Caller): Promise<PreparedRequest>;
  /** Expected status per target and caller. Every caller must be listed for every target. */
  expect: Partial<Record<Target, Record<Caller, number>>>;
}

/** Shorthand: the same answer for every signed-in caller, 401 for anonymous. */
export function everySignedIn(status: number): Record<Caller, number> {
  return { anonymous: 401, volunteer: status, staff: status, coordinator: status, owner: status, csrManager: status, admin: status };
}

/** Two NGOs with every role, a company with its CSR manager, a volunteer and the administrator: the callers every matrix row is tried as. */
export async function buildWorld(t: TestApp): Promise<MatrixWorld> {
  const ngo = async (label: string): Promise<MatrixWorld['ngoA']> => {
    const [owner, coordinator, staff] = await Promise.all([
      registerUser(t, { displayName: `${label}负责人` }),
      registerUser(t, { displayName: `${label}协调员` }),
      registerUser(t, { displayName: `${label}工作人员` }),
    ]);
    const id = await createOrganization(t, owner, { kind: 'ngo' });
    await addMember(t, owner, id, coordinator, 'coordinator');
    await addMember(t, owner, id, staff, 'staff');
    return { id, owner, coordinator, staff };
  };
  const ngoA = await ngo('甲');
  const ngoB = await ngo('乙');
  const companyOwner = await registerUser(t, { displayName: '企业负责人' });
  const csrManager = await registerUser(t, { displayName: '企业社会责任经理' });
  const companyId = await createOrganization(t, companyOwner, { kind: 'company', regionCode: '430102' });
  await addMember(t, companyOwner, companyId, csrManager, 'csr_manager');
  const volunteer = await registerUser(t, { displayName: '志愿者' });
  const admin = await loginAdmin(t);
  return {
    t,
    users: { volunteer, staff: ngoA.staff, coordinator: ngoA.coordinator, owner: ngoA.owner, csrManager, admin },
    ngoA,
    ngoB,
    company: { id: companyId, owner: companyOwner, csrManager },
    ngoOf: (target) => (target === 'own' ? ngoA : ngoB),
  };
}
