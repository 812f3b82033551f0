import type { TestApp } from '../support/app';
import { bearer, type TestUser } from './identity.factory';

/**
 * Every concern text the tests write carries this marker; `npm test` fails when
 * any log line holds it (scripts/scan-logs.mjs), and tests look for it in the database.
 */
export const CONCERN_TEXT_MARKER = 'CONCERN-TEXT-7QX';

/** A concern's description with the marker. */
export const concernText = (words = '孩子手臂上有新的淤青，说是家里人打的'): string => `${CONCERN_TEXT_MARKER} ${words}`;

/** Raises a concern as `by` and returns the answer (asserting 201). */
export async function raiseConcern(
  t: TestApp,
  by: TestUser,
  organizationId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; status: 'open'; ackDueAt: string }> {
  const res = await t
    .http()
    .post('/api/v1/concerns')
    .set(bearer(by))
    .send({
      organizationId,
      childDescription: '四年级男孩，住在村口小卖部旁',
      category: 'physical_abuse',
      description: concernText(),
      ...overrides,
    });
  if (res.status !== 201) throw new Error(`raise concern: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: 'open'; ackDueAt: string };
}
