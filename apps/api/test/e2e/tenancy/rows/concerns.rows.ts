import { raiseConcern } from '../../../factories/concerns.factory';
import { everySignedIn, type Caller, type MatrixRow, type MatrixWorld, type Target } from '../matrix';

const ngoOf = (w: MatrixWorld, target: Target): MatrixWorld['ngoA'] => w.ngoOf(target === 'other' ? 'other' : 'own');

/** The NGO's owners and coordinators handle concerns; staff and everyone else get 404, the platform administrator included. */
const leads = (status: number): Record<Caller, number> => ({
  anonymous: 401,
  volunteer: 404,
  staff: 404,
  coordinator: status,
  owner: status,
  csrManager: 404,
  admin: 404,
});
const nobody = leads(404);

/** A fresh concern of the target NGO, raised by its owner (so the matrix's staff is not its reporter). */
const concern = async (w: MatrixWorld, target: Target, category = 'bullying'): Promise<string> => {
  const ngo = ngoOf(w, target);
  return (await raiseConcern(w.t, ngo.owner, ngo.id, { category })).id;
};

/**
 * By the time these rows run, the engagement rows have signed every caller up on shifts of both NGOs, and a
 * confirmed sign-up lets a volunteer raise a concern there. Raising is checked without that tie: the caller's
 * sign-ups with the NGO are retired first (only for this row, the last user of them in the sweep).
 */
const withoutSignups = async (w: MatrixWorld, caller: Caller, orgId: string): Promise<void> => {
  if (caller === 'anonymous') return;
  await w.t.db.query(
    `UPDATE signups SET status = 'cancelled', cancelled_at = now() WHERE user_id = $1 AND org_id = $2 AND status IN ('confirmed', 'completed')`,
    [w.users[caller].id, orgId],
  );
};

export const concernsRows: MatrixRow[] = [
  {
    route: 'POST /api/v1/concerns',
    prepare: async (w, target, caller) => {
      const orgId = ngoOf(w, target).id;
      await withoutSignups(w, caller, orgId);
      return {
        path: '/api/v1/concerns',
        body: { organizationId: orgId, childDescription: '五年级男孩', category: 'other', description: '矩阵测试' },
      };
    },
    // Any member of the NGO raises (staff too); anyone else only with a confirmed sign-up there.
    expect: { own: { ...leads(201), staff: 201 }, other: nobody },
  },
  {
    route: 'GET /api/v1/organizations/:orgId/concerns',
    prepare: async (w, target) => ({ path: `/api/v1/organizations/${ngoOf(w, target).id}/concerns` }),
    expect: { own: leads(200), other: nobody },
  },
  {
    route: 'GET /api/v1/me/concerns',
    prepare: async () => ({ path: '/api/v1/me/concerns' }),
    expect: { none: everySignedIn(200) },
  },
  {
    route: 'GET /api/v1/concerns/:id',
    prepare: async (w, target) => ({ path: `/api/v1/concerns/${await concern(w, target)}` }),
    expect: { own: leads(200), other: nobody },
  },
  {
    route: 'POST /api/v1/concerns/:id/acknowledge',
    prepare: async (w, target) => ({ path: `/api/v1/concerns/${await concern(w, target)}/acknowledge` }),
    expect: { own: leads(200), other: nobody },
  },
  {
    route: 'POST /api/v1/concerns/:id/report-decision',
    prepare: async (w, target) => ({
      path: `/api/v1/concerns/${await concern(w, target, 'neglect')}/report-decision`,
      body: { reportedToAuthorities: false, reason: '矩阵测试' },
    }),
    expect: { own: leads(200), other: nobody },
  },
  {
    route: 'POST /api/v1/concerns/:id/close',
    prepare: async (w, target) => ({ path: `/api/v1/concerns/${await concern(w, target)}/close`, body: { outcome: '矩阵测试' } }),
    expect: { own: leads(200), other: nobody },
  },
];
