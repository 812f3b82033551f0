import { SafeguardingService } from '../../../src/modules/volunteers/safeguarding.service';
import { VolunteerDirectoryService } from '../../../src/modules/volunteers/volunteer-directory.service';
import {
  addMember,
  bearer,
  createOrganization,
  createWorld,
  loginAdmin,
  registerUser,
  type TestUser,
} from '../../factories/identity.factory';
import { createShiftNeed } from '../../factories/engagement.factory';
import { acceptCodeOfConduct, putProfile, recordCheck } from '../../factories/volunteers.factory';
import { startTestApp, type TestApp } from '../../support/app';

type World = Awaited<ReturnType<typeof createWorld>>;

describe('safeguarding checks', () => {
  let t: TestApp;
  let world: World;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    admin = await loginAdmin(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const standing = (viewer: TestUser, userId: string) => t.http().get(`/api/v1/volunteers/${userId}/safeguarding`).set(bearer(viewer));
  const audits = (entityId: string) =>
    t.db.query<{ action: string; org_id: string | null; actor_user_id: string; diff: Record<string, unknown> }>(
      "SELECT action, org_id, actor_user_id, diff FROM audit_log WHERE entity_type = 'safeguarding_check' AND entity_id = $1 ORDER BY id",
      [entityId],
    );

  /** A volunteer who applied to the NGO (a sign-up there), so its owners and coordinators may record a block. */
  const applicant = async (organizationId = world.ngo.id, coordinator = world.ngo.coordinator): Promise<TestUser> => {
    const volunteer = await registerUser(t);
    const { shiftId } = await createShiftNeed(t, coordinator, organizationId, { capacity: 5 });
    const res = await t.http().post(`/api/v1/shifts/${shiftId}/signups`).set(bearer(volunteer));
    expect(res.status).toBe(201);
    return volunteer;
  };

  it('should record a clear check by an NGO coordinator, default the expiry to 12 months and audit it without the reference', async () => {
    const volunteer = await registerUser(t);
    const res = await recordCheck(t, world.ngo.coordinator, volunteer.id, { checkedAt: '2026-03-02T10:00:00+08:00' }, 0);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      volunteerUserId: volunteer.id,
      kind: 'entry_inquiry',
      result: 'clear',
      checkedAt: '2026-03-02T02:00:00.000Z',
      expiresAt: '2027-03-02T02:00:00.000Z',
      offenceScope: ['sexual_assault', 'abuse', 'trafficking', 'violence'],
      issuingAuthority: 'public_security',
      verifiedBy: world.ngo.coordinator.id,
      verifiedOrganizationId: world.ngo.id,
      liftedAt: null,
    });
    const trail = await audits(res.body.id as string);
    expect(trail).toEqual([
      expect.objectContaining({
        action: 'safeguarding_check.recorded',
        org_id: world.ngo.id,
        actor_user_id: world.ngo.coordinator.id,
        diff: expect.objectContaining({ result: 'clear' }),
      }),
    ]);
    expect(JSON.stringify(trail)).not.toContain('隆公查');
  });

  it('should let the owner record too and accept the older name record_found as flagged', async () => {
    const volunteer = await applicant();
    const res = await recordCheck(t, world.ngo.owner, volunteer.id, { result: 'record_found' });
    expect(res.status).toBe(201);
    expect(res.body.result).toBe('flagged');
  });

  it('should refuse a check from someone who may not record one', async () => {
    const volunteer = await registerUser(t);
    const unverifiedOwner = await registerUser(t);
    await createOrganization(t, unverifiedOwner, { verified: false });
    const cases: Array<[TestUser, number, string]> = [
      [world.ngo.staff, 403, 'forbidden'],
      [world.volunteer, 403, 'forbidden'],
      [world.company.owner, 403, 'forbidden'],
      [world.company.csrManager, 403, 'forbidden'],
      [admin, 403, 'forbidden'],
      [unverifiedOwner, 403, 'organization_unverified'],
    ];
    for (const [caller, status, code] of cases) {
      const res = await recordCheck(t, caller, volunteer.id);
      expect({ caller: caller.displayName, status: res.status, code: res.body.code }).toEqual({ caller: caller.displayName, status, code });
    }
    expect((await t.db.query('SELECT 1 FROM safeguarding_checks WHERE volunteer_user_id = $1', [volunteer.id])).length).toBe(0);
  });

  it('should refuse a check from a coordinator of a suspended NGO', async () => {
    const owner = await registerUser(t);
    const orgId = await createOrganization(t, owner);
    await t.http().post(`/api/v1/organizations/${orgId}/suspend`).set(bearer(admin));
    const res = await recordCheck(t, owner, world.volunteer.id);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('organization_suspended');
  });

  it('should refuse recording one’s own check', async () => {
    const res = await recordCheck(t, world.ngo.coordinator, world.ngo.coordinator.id);
    expect(res.status).toBe(403);
  });

  it('should ask which NGO records the check when the caller coordinates several', async () => {
    const coordinator = await registerUser(t);
    const first = await createOrganization(t, coordinator);
    const second = await createOrganization(t, coordinator);
    const volunteer = await registerUser(t);
    const ambiguous = await recordCheck(t, coordinator, volunteer.id);
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.errors).toEqual([expect.objectContaining({ field: 'organizationId' })]);
    const chosen = await recordCheck(t, coordinator, volunteer.id, { organizationId: second });
    expect(chosen.status).toBe(201);
    expect(chosen.body.verifiedOrganizationId).toBe(second);
    expect(first).not.toBe(second);
  });

  it.each([
    [{ expiresAt: '2027-03-02T10:00:01+08:00' }, 'expiresAt'],
    [{ expiresAt: '2026-03-02T09:00:00+08:00' }, 'expiresAt'],
    [{ checkedAt: '2099-01-01T00:00:00+08:00', expiresAt: undefined }, 'checkedAt'],
    [{ checkedAt: '2026-03-02 10:00' }, 'checkedAt'],
    [{ kind: 'gossip' }, 'kind'],
    [{ result: 'maybe' }, 'result'],
    [{ offenceScope: ['jaywalking'] }, 'offenceScope'],
    [{ issuingAuthority: 'neighbour' }, 'issuingAuthority'],
    [{ offenceDetails: '…' }, 'offenceDetails'],
  ])('should refuse %j naming %s', async (overrides, field) => {
    const volunteer = await registerUser(t);
    const res = await recordCheck(t, world.ngo.coordinator, volunteer.id, { checkedAt: '2026-03-02T10:00:00+08:00', ...overrides }, 0);
    expect(res.status).toBe(400);
    expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
  });

  it('should accept an expiry exactly 12 months after the query and refuse one past it at the database too', async () => {
    const volunteer = await registerUser(t);
    const ok = await recordCheck(
      t,
      world.ngo.coordinator,
      volunteer.id,
      { checkedAt: '2026-03-02T10:00:00+08:00', expiresAt: '2027-03-02T10:00:00+08:00' },
      0,
    );
    expect(ok.status).toBe(201);
    await expect(
      t.db.query("UPDATE safeguarding_checks SET expires_at = expires_at + interval '1 second' WHERE id = $1", [ok.body.id]),
    ).rejects.toThrow(/ck_safeguarding_checks_expiry/);
  });

  it('should 404 for a volunteer who does not exist', async () => {
    expect((await recordCheck(t, world.ngo.coordinator, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('should compute the status at any moment: none, valid, then expired', async () => {
    const volunteer = await registerUser(t);
    const service = t.app.get(SafeguardingService);
    expect(await service.status(volunteer.id, new Date())).toBe('none');
    const check = await recordCheck(
      t,
      world.ngo.coordinator,
      volunteer.id,
      { checkedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() },
      0,
    );
    const expiresAt = new Date(check.body.expiresAt as string);
    expect(await service.status(volunteer.id, new Date())).toBe('valid');
    expect(await service.status(volunteer.id, expiresAt)).toBe('valid');
    expect(await service.status(volunteer.id, new Date(expiresAt.getTime() + 1))).toBe('expired');
  });

  it('should show an old check as expired', async () => {
    const volunteer = await registerUser(t);
    await recordCheck(t, world.ngo.coordinator, volunteer.id, { checkedAt: '2024-01-10T10:00:00+08:00' }, 0);
    expect((await standing(world.ngo.coordinator, volunteer.id)).body).toEqual({
      userId: volunteer.id,
      status: 'expired',
      validUntil: null,
    });
  });

  it('should block a volunteer with flagged even over a clear check until a platform administrator lifts it with a reason', async () => {
    const volunteer = await applicant();
    await recordCheck(t, world.ngo.coordinator, volunteer.id);
    const flagged = await recordCheck(t, world.ngo.coordinator, volunteer.id, { result: 'flagged' });
    expect((await standing(world.ngo.coordinator, volunteer.id)).body.status).toBe('blocked');
    expect(await t.app.get(SafeguardingService).status(volunteer.id, new Date())).toBe('blocked');
    // A later clear check does not lift it.
    await recordCheck(t, world.ngo.owner, volunteer.id);
    expect((await standing(world.ngo.coordinator, volunteer.id)).body.status).toBe('blocked');
    // Administrators find the block in the list of blocked volunteers, named, with who recorded it.
    const blockedIds = async (): Promise<string[]> => {
      const res = await t.http().get('/api/v1/safeguarding-checks/blocking?limit=200').set(bearer(admin));
      expect(res.status).toBe(200);
      return (res.body.data as Array<{ check: { id: string } }>).map((row) => row.check.id);
    };
    const listed = await t.http().get('/api/v1/safeguarding-checks/blocking?limit=200').set(bearer(admin));
    expect((listed.body.data as Array<{ check: { id: string } }>).find((row) => row.check.id === flagged.body.id)).toMatchObject({
      volunteer: { userId: volunteer.id, displayName: volunteer.displayName },
      verifiedOrganizationName: expect.any(String),
    });

    const lift = (caller: TestUser, body: object) =>
      t
        .http()
        .post(`/api/v1/safeguarding-checks/${flagged.body.id as string}/lift`)
        .set(bearer(caller))
        .send(body);
    expect((await lift(world.ngo.coordinator, { reason: '误报' })).status).toBe(403);
    expect((await lift(world.ngo.owner, { reason: '误报' })).status).toBe(403);
    expect((await lift(volunteer, { reason: '误报' })).status).toBe(403);
    const noReason = await lift(admin, {});
    expect(noReason.status).toBe(400);
    expect(new Set((noReason.body.errors as Array<{ field: string }>).map((e) => e.field))).toEqual(new Set(['reason']));
    const blank = await lift(admin, { reason: '   ' });
    expect(blank.status).toBe(400);

    const lifted = await lift(admin, { reason: '经公安机关复核，系同名误报' });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ result: 'flagged', liftedBy: admin.id, liftReason: '经公安机关复核，系同名误报' });
    expect((await standing(world.ngo.coordinator, volunteer.id)).body.status).toBe('valid');
    expect(await blockedIds()).not.toContain(flagged.body.id);
    expect((await lift(admin, { reason: '再次' })).status).toBe(409);

    const trail = await audits(flagged.body.id as string);
    expect(trail.map((a) => a.action)).toEqual(['safeguarding_check.recorded', 'safeguarding_check.lifted']);
    expect(trail[1].actor_user_id).toBe(admin.id);
    expect(JSON.stringify(trail)).not.toContain('误报');
  });

  it('should refuse lifting a clear check', async () => {
    const volunteer = await registerUser(t);
    const clear = await recordCheck(t, world.ngo.coordinator, volunteer.id);
    const res = await t
      .http()
      .post(`/api/v1/safeguarding-checks/${clear.body.id as string}/lift`)
      .set(bearer(admin))
      .send({ reason: '无' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invalid_transition');
  });

  it('should show coordinators the status but not the evidence, and the volunteer their own checks', async () => {
    const volunteer = await registerUser(t);
    const check = await recordCheck(t, world.ngo.coordinator, volunteer.id);
    const otherNgoOwner = await registerUser(t);
    const otherNgo = await createOrganization(t, otherNgoOwner);
    const otherCoordinator = await registerUser(t);
    await addMember(t, otherNgoOwner, otherNgo, otherCoordinator, 'coordinator');

    const seen = await standing(otherCoordinator, volunteer.id);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({ userId: volunteer.id, status: 'valid', validUntil: check.body.expiresAt });

    const own = await t.http().get('/api/v1/me/safeguarding').set(bearer(volunteer));
    expect(own.body).toMatchObject({
      status: 'valid',
      checks: [expect.objectContaining({ id: check.body.id, reference: '隆公查〔2026〕0001号' })],
    });
    expect((await standing(volunteer, volunteer.id)).body.checks).toHaveLength(1);
    expect((await standing(admin, volunteer.id)).body.checks).toHaveLength(1);

    for (const outsider of [world.ngo.staff, world.volunteer, world.company.csrManager]) {
      expect((await standing(outsider, volunteer.id)).status).toBe(403);
    }
  });

  it('should report the standing other contexts need in one call', async () => {
    const volunteer = await registerUser(t, { displayName: '周文博' });
    const directory = t.app.get(VolunteerDirectoryService);
    expect(await directory.standing(volunteer.id, new Date())).toEqual({
      safeguarding: 'none',
      codeOfConductAccepted: false,
      birthDate: null,
      displayName: '周文博',
      volunteerNumber: null,
      employerOrgId: null,
    });
    const profile = await putProfile(t, volunteer);
    await acceptCodeOfConduct(t, volunteer);
    await recordCheck(t, world.ngo.coordinator, volunteer.id);
    expect(await directory.standing(volunteer.id, new Date())).toEqual({
      safeguarding: 'valid',
      codeOfConductAccepted: true,
      birthDate: new Date('1998-05-20T00:00:00Z'),
      displayName: '周文博',
      volunteerNumber: profile.body.volunteerNumber,
      employerOrgId: null,
    });
    expect((await directory.standing(volunteer.id, new Date(Date.now() + 400 * 86_400_000))).safeguarding).toBe('expired');
  });
  it('should refuse recording flagged with 404 for an NGO the volunteer never applied to and 403 for staff, and show who recorded it', async () => {
    const volunteer = await applicant();
    const otherOwner = await registerUser(t, { displayName: '另一机构负责人' });
    const otherNgo = await createOrganization(t, otherOwner, { kind: 'ngo' });
    const unrelated = await recordCheck(t, otherOwner, volunteer.id, { result: 'flagged', organizationId: otherNgo });
    expect(unrelated.status).toBe(404);
    const byStaff = await recordCheck(t, world.ngo.staff, volunteer.id, { result: 'flagged' });
    expect(byStaff.status).toBe(403);
    // A clear result is not a block: any verified NGO may still record one.
    expect((await recordCheck(t, otherOwner, volunteer.id, { organizationId: otherNgo })).status).toBe(201);
    expect((await standing(world.ngo.coordinator, volunteer.id)).body.status).toBe('valid');

    const recorded = await recordCheck(t, world.ngo.coordinator, volunteer.id, { result: 'flagged' });
    expect(recorded.status).toBe(201);
    expect(recorded.body.recordedBy).toEqual({
      userId: world.ngo.coordinator.id,
      displayName: world.ngo.coordinator.displayName,
      organizationId: world.ngo.id,
    });
    const byAdmin = await recordCheck(t, admin, (await registerUser(t)).id, { result: 'flagged' });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body).toMatchObject({ verifiedOrganizationId: null, recordedBy: { userId: admin.id, displayName: expect.any(String) } });
    expect(byAdmin.body.recordedBy).not.toHaveProperty('organizationId');
    const mine = await t.http().get('/api/v1/me/safeguarding').set(bearer(volunteer));
    expect((mine.body.checks as Array<{ id: string; recordedBy: unknown }>).find((c) => c.id === recorded.body.id)?.recordedBy).toEqual(
      recorded.body.recordedBy,
    );
  });
});
