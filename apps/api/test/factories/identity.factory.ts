import { randomBytes } from 'node:crypto';
import type { AuthResponse, MembershipRole } from '@kindred/contracts';
import { TEST_ADMIN, type TestApp } from '../support/app';

export interface TestUser {
  id: string;
  login: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  displayName: string;
}

export const TEST_PASSWORD = 'Correct-horse-battery-9';

let counter = 0;
/** A unique, valid mainland mobile number per call within one test file. */
export function uniquePhone(): string {
  counter += 1;
  return `139${String(process.pid % 10000).padStart(4, '0')}${String(counter).padStart(4, '0')}`;
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${randomBytes(4).toString('hex')}@example.cn`;
}

export async function registerUser(t: TestApp, overrides: { email?: string; phone?: string; displayName?: string } = {}): Promise<TestUser> {
  const email = overrides.phone ? overrides.email : (overrides.email ?? uniqueEmail());
  const body = { email, phone: overrides.phone, password: TEST_PASSWORD, displayName: overrides.displayName ?? '测试用户' };
  const res = await t.http().post('/api/v1/auth/register').send(body);
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  const auth = res.body as AuthResponse;
  return { id: auth.user.id, login: email ?? overrides.phone!, password: TEST_PASSWORD, accessToken: auth.accessToken, refreshToken: auth.refreshToken, displayName: body.displayName };
}

export async function login(t: TestApp, loginText: string, password: string): Promise<TestUser> {
  const res = await t.http().post('/api/v1/auth/login').send({ login: loginText, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  const auth = res.body as AuthResponse;
  return { id: auth.user.id, login: loginText, password, accessToken: auth.accessToken, refreshToken: auth.refreshToken, displayName: auth.user.displayName };
}

export function loginAdmin(t: TestApp): Promise<TestUser> {
  return login(t, TEST_ADMIN.login, TEST_ADMIN.password);
}

export const bearer = (user: { accessToken: string }): { Authorization: string } => ({ Authorization: `Bearer ${user.accessToken}` });

export async function createOrganization(
  t: TestApp,
  owner: TestUser,
  options: { kind?: 'ngo' | 'company'; name?: string; regionCode?: string; verified?: boolean } = {},
): Promise<string> {
  const res = await t
    .http()
    .post('/api/v1/organizations')
    .set(bearer(owner))
    .send({ kind: options.kind ?? 'ngo', name: options.name ?? `测试机构 ${randomBytes(3).toString('hex')}`, regionCode: options.regionCode ?? '430524' });
  if (res.status !== 201) throw new Error(`create organization failed: ${res.status} ${JSON.stringify(res.body)}`);
  const id = (res.body as { id: string }).id;
  if (options.verified ?? true) {
    const admin = await loginAdmin(t);
    const verified = await t.http().post(`/api/v1/organizations/${id}/verify`).set(bearer(admin));
    if (verified.status !== 200) throw new Error(`verify failed: ${verified.status}`);
  }
  return id;
}

export async function addMember(t: TestApp, owner: TestUser, orgId: string, member: TestUser, role: MembershipRole): Promise<void> {
  const res = await t.http().post(`/api/v1/organizations/${orgId}/members`).set(bearer(owner)).send({ login: member.login, role });
  if (res.status !== 201) throw new Error(`add member failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** An NGO with an owner, a coordinator and a staff member; a company with owner, csr_manager and employee. */
export async function createWorld(t: TestApp): Promise<{
  ngo: { id: string; owner: TestUser; coordinator: TestUser; staff: TestUser };
  company: { id: string; owner: TestUser; csrManager: TestUser; employee: TestUser };
  volunteer: TestUser;
}> {
  const [ngoOwner, coordinator, staff, companyOwner, csrManager, employee, volunteer] = await Promise.all(
    ['NGO负责人', '协调员', '工作人员', '企业负责人', '企业社会责任经理', '员工', '志愿者'].map((displayName) => registerUser(t, { displayName })),
  );
  const ngoId = await createOrganization(t, ngoOwner, { kind: 'ngo' });
  await addMember(t, ngoOwner, ngoId, coordinator, 'coordinator');
  await addMember(t, ngoOwner, ngoId, staff, 'staff');
  const companyId = await createOrganization(t, companyOwner, { kind: 'company', regionCode: '430102' });
  await addMember(t, companyOwner, companyId, csrManager, 'csr_manager');
  await addMember(t, companyOwner, companyId, employee, 'employee');
  return {
    ngo: { id: ngoId, owner: ngoOwner, coordinator, staff },
    company: { id: companyId, owner: companyOwner, csrManager, employee },
    volunteer,
  };
}
