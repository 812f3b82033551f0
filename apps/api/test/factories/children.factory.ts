import { checkCharacter } from '../../src/modules/children/id-number';
import type { TestApp } from '../support/app';
import { bearer, type TestUser } from './identity.factory';

let serial = 0;

/** A valid GB 11643 number for a child born on `birthDate` in 邵阳县 (430523), distinct on each call. */
export function validIdNumber(birthDate = '2015-04-12'): string {
  serial = (serial + 1) % 1000;
  const first17 = `430523${birthDate.replace(/-/g, '')}${String(serial).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** A complete registration body (identity fields included). */
export function childBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    legalName: '测试儿童',
    gender: 'female',
    birthDate: '2015-04-12',
    idNumber: validIdNumber('2015-04-12'),
    regionCode: '430523',
    address: '湖南省邵阳县测试村一组',
    categories: ['left_behind_grandparent'],
    guardians: [{ name: '测试监护人', relation: '祖母', phone: '13900139000' }],
    registeredOn: '2026-03-01',
    ...overrides,
  };
}

/** Registers a child as `by` (an owner or coordinator of `orgId`) and returns its id. */
export async function createChild(t: TestApp, by: TestUser, orgId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.http().post(`/api/v1/organizations/${orgId}/children`).set(bearer(by)).send(childBody(overrides));
  if (res.status !== 201) throw new Error(`create child: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Records a guardian consent with `scopes` as `by` (an owner or coordinator), given an hour ago unless overridden. */
export async function giveConsent(
  t: TestApp,
  by: TestUser,
  childId: string,
  scopes: string[],
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const res = await t
    .http()
    .put(`/api/v1/children/${childId}/consent`)
    .set(bearer(by))
    .send({ givenBy: '测试监护人', relation: '祖母', method: 'paper', scopes, givenAt: new Date(Date.now() - 3600_000).toISOString(), ...overrides });
  if (res.status !== 200) throw new Error(`consent: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}
