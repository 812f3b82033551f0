import { bulkVolunteers, createShiftNeed } from '../../../factories/engagement.factory';
import { bearer, type TestUser } from '../../../factories/identity.factory';
import { everySignedIn, type Caller, type MatrixRow, type MatrixWorld, type Target } from '../matrix';

type Ngo = MatrixWorld['ngoA'];
const ngoOf = (w: MatrixWorld, target: Target): Ngo => w.ngoOf(target === 'other' ? 'other' : 'own');

/** A fresh open shift of the target NGO (far enough ahead that nobody overlaps). */
let offset = 0;
async function shift(w: MatrixWorld, target: Target, capacity = 5): Promise<string> {
  offset += 1;
  const startsAt = new Date(Date.now() + (30 + offset * 3) * 24 * 3600_000);
  const ngo = ngoOf(w, target);
  return (await createShiftNeed(w.t, ngo.coordinator, ngo.id, { capacity, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000) }))
    .shiftId;
}

/** A confirmed sign-up by an outsider on a shift that is running now. */
async function runningSignup(
  w: MatrixWorld,
  target: Target,
  options: { checkedIn?: boolean } = {},
): Promise<{ signupId: string; shiftId: string; volunteer: TestUser }> {
  const shiftId = await shift(w, target);
  const [volunteer] = await bulkVolunteers(w.t, 1);
  const res = await w.t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(volunteer));
  await w.t.db.query(
    `UPDATE shift_seats SET starts_at = now() - interval '60 minutes', ends_at = now() + interval '60 minutes' WHERE shift_id = $1`,
    [shiftId],
  );
  if (options.checkedIn) {
    await w.t.db.query(`UPDATE signups SET checked_in_at = now() - interval '50 minutes', check_in_method = 'coordinator' WHERE id = $1`, [
      res.body.id,
    ]);
  }
  return { signupId: res.body.id as string, shiftId, volunteer };
}

/** A pending hour record (checked in and out) of an outsider at the target NGO. */
async function pendingRecord(w: MatrixWorld, target: Target): Promise<{ recordId: string; shiftId: string; volunteer: TestUser }> {
  const { signupId, shiftId, volunteer } = await runningSignup(w, target, { checkedIn: true });
  const out = await w.t.http().post(`/api/v1/signups/${signupId}/check-out`).set(bearer(volunteer));
  return { recordId: out.body.hourRecord.id as string, shiftId, volunteer };
}

async function verifiedRecord(w: MatrixWorld, target: Target): Promise<{ recordId: string; volunteer: TestUser }> {
  const { recordId, volunteer } = await pendingRecord(w, target);
  await w.t
    .http()
    .post(`/api/v1/hour-records/${recordId}/verify`)
    .set(bearer(ngoOf(w, target).coordinator))
    .send({});
  return { recordId, volunteer };
}

async function certificate(w: MatrixWorld, target: Target): Promise<{ id: string; number: string; code: string }> {
  const { volunteer } = await verifiedRecord(w, target);
  const res = await w.t
    .http()
    .post('/api/v1/certificates')
    .set(bearer(volunteer))
    .send({ organizationId: ngoOf(w, target).id });
  return { id: res.body.id as string, number: res.body.number as string, code: res.body.verificationCode as string };
}

// The owning NGO's owner and coordinator act; staff read; other NGOs and outsiders get 404.
const coordinate = (ok: number): Partial<Record<Target, Record<Caller, number>>> => ({
  own: { anonymous: 401, volunteer: 404, staff: 403, coordinator: ok, owner: ok, csrManager: 404, admin: ok },
  other: { anonymous: 401, volunteer: 404, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: ok },
});
const readNgo = {
  own: { anonymous: 401, volunteer: 404, staff: 200, coordinator: 200, owner: 200, csrManager: 404, admin: 200 },
  other: { anonymous: 401, volunteer: 404, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: 200 },
};

export const engagementRows: MatrixRow[] = [
  {
    route: 'POST /api/v1/shifts/:id/signups',
    prepare: async (w, t) => ({ path: `/api/v1/shifts/${await shift(w, t)}/signups` }),
    expect: { own: everySignedIn(201), other: everySignedIn(201) },
  },
  {
    route: 'GET /api/v1/shifts/:id/signups',
    prepare: async (w, t) => ({ path: `/api/v1/shifts/${await shift(w, t)}/signups` }),
    expect: coordinate(200),
  },
  {
    route: 'GET /api/v1/organizations/:id/rosters',
    prepare: async (w, t) => {
      const from = new Date(Date.now() - 86_400_000).toISOString();
      const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
      return { path: `/api/v1/organizations/${ngoOf(w, t).id}/rosters?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` };
    },
    expect: coordinate(200),
  },
  {
    route: 'GET /api/v1/organizations/:id/hour-records',
    prepare: async (w, t) => ({ path: `/api/v1/organizations/${ngoOf(w, t).id}/hour-records` }),
    expect: coordinate(200),
  },
  {
    route: 'DELETE /api/v1/signups/:id',
    prepare: async (w, t) => ({ path: `/api/v1/signups/${(await runningSignup(w, t)).signupId}`, body: { reason: '临时有事' } }),
    expect: coordinate(200),
  },
  {
    route: 'POST /api/v1/signups/:id/no-show',
    prepare: async (w, t) => ({ path: `/api/v1/signups/${(await runningSignup(w, t)).signupId}/no-show` }),
    expect: coordinate(200),
  },
  {
    route: 'GET /api/v1/shifts/:id/check-in-code',
    prepare: async (w, t) => ({ path: `/api/v1/shifts/${await shift(w, t)}/check-in-code` }),
    expect: coordinate(200),
  },
  {
    // Each caller checks in to their own place on a running shift with the code shown there.
    route: 'POST /api/v1/shifts/:id/check-in',
    prepare: async (w, t, caller) => {
      const shiftId = await shift(w, t);
      const ngo = ngoOf(w, t);
      if (caller !== 'anonymous') await w.t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(w.users[caller]));
      await w.t.db.query(
        `UPDATE shift_seats SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '60 minutes' WHERE shift_id = $1`,
        [shiftId],
      );
      const code = await w.t.http().get(`/api/v1/shifts/${shiftId}/check-in-code`).set(bearer(ngo.coordinator));
      return { path: `/api/v1/shifts/${shiftId}/check-in`, body: { token: code.body.token } };
    },
    expect: { own: everySignedIn(200), other: everySignedIn(200) },
  },
  {
    route: 'POST /api/v1/signups/:id/check-in',
    prepare: async (w, t) => ({ path: `/api/v1/signups/${(await runningSignup(w, t)).signupId}/check-in` }),
    expect: coordinate(200),
  },
  {
    route: 'POST /api/v1/signups/:id/check-out',
    prepare: async (w, t) => ({ path: `/api/v1/signups/${(await runningSignup(w, t, { checkedIn: true })).signupId}/check-out` }),
    expect: coordinate(200),
  },
  {
    route: 'POST /api/v1/shifts/:id/invitations',
    prepare: async (w, t) => ({ path: `/api/v1/shifts/${await shift(w, t)}/invitations`, body: { userId: w.users.volunteer.id } }),
    expect: coordinate(201),
  },
  { route: 'GET /api/v1/me/invitations', prepare: async () => ({ path: '/api/v1/me/invitations' }), expect: { none: everySignedIn(200) } },
  {
    // The invitation is made out to the caller (for anonymous, to the volunteer).
    route: 'POST /api/v1/invitations/:id/accept',
    prepare: async (w, t, caller) => {
      const shiftId = await shift(w, t);
      const invitee = caller === 'anonymous' ? w.users.volunteer : w.users[caller];
      const inv = await w.t
        .http()
        .post(`/api/v1/shifts/${shiftId}/invitations`)
        .set(bearer(ngoOf(w, t).coordinator))
        .send({ userId: invitee.id });
      return { path: `/api/v1/invitations/${inv.body.id as string}/accept` };
    },
    expect: { own: everySignedIn(201), other: everySignedIn(201) },
  },
  {
    route: 'POST /api/v1/invitations/:id/decline',
    prepare: async (w, t, caller) => {
      const shiftId = await shift(w, t);
      const invitee = caller === 'anonymous' ? w.users.volunteer : w.users[caller];
      const inv = await w.t
        .http()
        .post(`/api/v1/shifts/${shiftId}/invitations`)
        .set(bearer(ngoOf(w, t).coordinator))
        .send({ userId: invitee.id });
      return { path: `/api/v1/invitations/${inv.body.id as string}/decline` };
    },
    expect: { own: everySignedIn(200), other: everySignedIn(200) },
  },
  { route: 'GET /api/v1/me/shifts', prepare: async () => ({ path: '/api/v1/me/shifts' }), expect: { none: everySignedIn(200) } },
  {
    route: 'POST /api/v1/shifts/:id/hours/verify',
    prepare: async (w, t) => ({ path: `/api/v1/shifts/${(await pendingRecord(w, t)).shiftId}/hours/verify` }),
    expect: coordinate(200),
  },
  {
    route: 'POST /api/v1/hour-records/:id/verify',
    prepare: async (w, t) => ({ path: `/api/v1/hour-records/${(await pendingRecord(w, t)).recordId}/verify`, body: {} }),
    expect: coordinate(200),
  },
  {
    route: 'POST /api/v1/hour-records/:id/reject',
    prepare: async (w, t) => ({ path: `/api/v1/hour-records/${(await pendingRecord(w, t)).recordId}/reject`, body: { reason: '未到场' } }),
    expect: coordinate(200),
  },
  {
    route: 'POST /api/v1/hour-records/:id/reverse',
    prepare: async (w, t) => ({ path: `/api/v1/hour-records/${(await verifiedRecord(w, t)).recordId}/reverse`, body: { reason: '录错' } }),
    expect: coordinate(201),
  },
  { route: 'GET /api/v1/me/hours', prepare: async () => ({ path: '/api/v1/me/hours' }), expect: { none: everySignedIn(200) } },
  {
    route: 'GET /api/v1/organizations/:id/hours',
    prepare: async (w, t) => ({ path: `/api/v1/organizations/${ngoOf(w, t).id}/hours` }),
    expect: readNgo,
  },
  {
    // A company's employees' hours: its CSR manager and administrators; members of an NGO have no company rights there.
    route: 'GET /api/v1/organizations/:id/employee-hours',
    prepare: async (w, t) => ({ path: `/api/v1/organizations/${t === 'own' ? w.company.id : w.ngoB.id}/employee-hours` }),
    expect: {
      own: { anonymous: 401, volunteer: 404, staff: 404, coordinator: 404, owner: 404, csrManager: 200, admin: 200 },
      other: { anonymous: 401, volunteer: 404, staff: 404, coordinator: 404, owner: 404, csrManager: 404, admin: 200 },
    },
  },
  {
    // Nobody in the matrix has verified hours of their own: no certificate for anyone.
    route: 'POST /api/v1/certificates',
    prepare: async (w, t) => ({ path: '/api/v1/certificates', body: { organizationId: ngoOf(w, t).id } }),
    expect: { own: everySignedIn(409), other: everySignedIn(409) },
  },
  {
    route: 'GET /api/v1/me/certificates',
    prepare: async () => ({ path: '/api/v1/me/certificates' }),
    expect: { none: everySignedIn(200) },
  },
  {
    route: 'GET /api/v1/certificates/verify',
    prepare: async (w, t) => {
      const c = await certificate(w, t);
      return { path: `/api/v1/certificates/verify?number=${c.number}&code=${c.code}` };
    },
    expect: { own: { ...everySignedIn(200), anonymous: 200 }, other: { ...everySignedIn(200), anonymous: 200 } },
  },
  {
    route: 'GET /api/v1/certificates/:id/document',
    prepare: async (w, t) => ({ path: `/api/v1/certificates/${(await certificate(w, t)).id}/document` }),
    expect: readNgo,
  },
  {
    route: 'POST /api/v1/certificates/:id/revoke',
    prepare: async (w, t) => ({ path: `/api/v1/certificates/${(await certificate(w, t)).id}/revoke`, body: { reason: '撤销' } }),
    expect: coordinate(200),
  },
];
