// Bare baseline for `signup-storm` and `signups-sustained`: POST /api/v1/shifts/:id/signups done by
// plain node:http + pg (Pool of 10) with the statements the app sends for it (captured from the
// app's pg client), in the same order:
//   principal: user, memberships, session family (in parallel)       — PrincipalService
//   seat:      SELECT shift_seats by id                               — SignupsService.seatFor
//   standing:  safeguarding checks, profile, code of conduct, user    — VolunteerDirectoryService (in parallel)
//   BEGIN; advisory lock per volunteer; active sign-up?; overlapping confirmed?;
//   conditional UPDATE shift_seats … RETURNING; INSERT signups; INSERT audit_log; INSERT events ×2; COMMIT
// and answers 201 { id, shiftId, needId, status, position } like the app.
// Env: PORT, HOST, DATABASE_URL, JWT_SECRET.
import { randomUUID } from 'node:crypto';
import { pool, principalOf, Problem, serve, transaction, UUID } from './support/bare.mjs';

const SEAT_SQL = `SELECT "ShiftSeatEntity"."shift_id" AS "ShiftSeatEntity_shift_id", "ShiftSeatEntity"."need_id" AS "ShiftSeatEntity_need_id", "ShiftSeatEntity"."org_id" AS "ShiftSeatEntity_org_id", "ShiftSeatEntity"."starts_at" AS "ShiftSeatEntity_starts_at", "ShiftSeatEntity"."ends_at" AS "ShiftSeatEntity_ends_at", "ShiftSeatEntity"."capacity" AS "ShiftSeatEntity_capacity", "ShiftSeatEntity"."confirmed_count" AS "ShiftSeatEntity_confirmed_count", "ShiftSeatEntity"."waitlist_count" AS "ShiftSeatEntity_waitlist_count", "ShiftSeatEntity"."waitlist_seq" AS "ShiftSeatEntity_waitlist_seq", "ShiftSeatEntity"."last_outcome" AS "ShiftSeatEntity_last_outcome", "ShiftSeatEntity"."need_open" AS "ShiftSeatEntity_need_open", "ShiftSeatEntity"."child_contact" AS "ShiftSeatEntity_child_contact", "ShiftSeatEntity"."min_age" AS "ShiftSeatEntity_min_age", "ShiftSeatEntity"."updated_at" AS "ShiftSeatEntity_updated_at" FROM "shift_seats" "ShiftSeatEntity" WHERE (("ShiftSeatEntity"."shift_id" = $1)) LIMIT 1`;

const SAFEGUARDING_SQL = `SELECT "SafeguardingCheckEntity"."id" AS "SafeguardingCheckEntity_id", "SafeguardingCheckEntity"."volunteer_user_id" AS "SafeguardingCheckEntity_volunteer_user_id", "SafeguardingCheckEntity"."kind" AS "SafeguardingCheckEntity_kind", "SafeguardingCheckEntity"."offence_scope" AS "SafeguardingCheckEntity_offence_scope", "SafeguardingCheckEntity"."issuing_authority" AS "SafeguardingCheckEntity_issuing_authority", "SafeguardingCheckEntity"."reference" AS "SafeguardingCheckEntity_reference", "SafeguardingCheckEntity"."queried_at" AS "SafeguardingCheckEntity_queried_at", "SafeguardingCheckEntity"."result" AS "SafeguardingCheckEntity_result", "SafeguardingCheckEntity"."verified_by" AS "SafeguardingCheckEntity_verified_by", "SafeguardingCheckEntity"."verified_org_id" AS "SafeguardingCheckEntity_verified_org_id", "SafeguardingCheckEntity"."expires_at" AS "SafeguardingCheckEntity_expires_at", "SafeguardingCheckEntity"."lifted_at" AS "SafeguardingCheckEntity_lifted_at", "SafeguardingCheckEntity"."lifted_by" AS "SafeguardingCheckEntity_lifted_by", "SafeguardingCheckEntity"."lift_reason" AS "SafeguardingCheckEntity_lift_reason", "SafeguardingCheckEntity"."created_at" AS "SafeguardingCheckEntity_created_at" FROM "safeguarding_checks" "SafeguardingCheckEntity" WHERE (("SafeguardingCheckEntity"."volunteer_user_id" = $1)) ORDER BY "SafeguardingCheckEntity"."queried_at" DESC, "SafeguardingCheckEntity"."created_at" DESC`;
const PROFILE_SQL = `SELECT "VolunteerProfileEntity"."user_id" AS "VolunteerProfileEntity_user_id", "VolunteerProfileEntity"."volunteer_number" AS "VolunteerProfileEntity_volunteer_number", "VolunteerProfileEntity"."skills" AS "VolunteerProfileEntity_skills", "VolunteerProfileEntity"."languages" AS "VolunteerProfileEntity_languages", "VolunteerProfileEntity"."region_code" AS "VolunteerProfileEntity_region_code", "VolunteerProfileEntity"."lat" AS "VolunteerProfileEntity_lat", "VolunteerProfileEntity"."lng" AS "VolunteerProfileEntity_lng", "VolunteerProfileEntity"."availability" AS "VolunteerProfileEntity_availability", "VolunteerProfileEntity"."monthly_hour_cap" AS "VolunteerProfileEntity_monthly_hour_cap", "VolunteerProfileEntity"."employer_org_id" AS "VolunteerProfileEntity_employer_org_id", "VolunteerProfileEntity"."birth_date" AS "VolunteerProfileEntity_birth_date", "VolunteerProfileEntity"."code_of_conduct_version_accepted" AS "VolunteerProfileEntity_code_of_conduct_version_accepted", "VolunteerProfileEntity"."code_of_conduct_accepted_at" AS "VolunteerProfileEntity_code_of_conduct_accepted_at", "VolunteerProfileEntity"."created_at" AS "VolunteerProfileEntity_created_at", "VolunteerProfileEntity"."updated_at" AS "VolunteerProfileEntity_updated_at" FROM "volunteer_profiles" "VolunteerProfileEntity" WHERE (("VolunteerProfileEntity"."user_id" = $1)) LIMIT 1`;
const CODE_OF_CONDUCT_SQL = `SELECT "CodeOfConductVersionEntity"."version" AS "CodeOfConductVersionEntity_version", "CodeOfConductVersionEntity"."title" AS "CodeOfConductVersionEntity_title", "CodeOfConductVersionEntity"."body" AS "CodeOfConductVersionEntity_body", "CodeOfConductVersionEntity"."published_at" AS "CodeOfConductVersionEntity_published_at" FROM "code_of_conduct_versions" "CodeOfConductVersionEntity" WHERE (("CodeOfConductVersionEntity"."published_at" <= $1)) ORDER BY "CodeOfConductVersionEntity"."published_at" DESC LIMIT 1`;
const USER_SUMMARY_SQL = `SELECT "u"."id" AS "u_id", "u"."email" AS "u_email", "u"."phone" AS "u_phone", "u"."password_hash" AS "u_password_hash", "u"."display_name" AS "u_display_name", "u"."locale" AS "u_locale", "u"."is_platform_admin" AS "u_is_platform_admin", "u"."failed_login_count" AS "u_failed_login_count", "u"."locked_until" AS "u_locked_until", "u"."created_at" AS "u_created_at", "u"."updated_at" AS "u_updated_at" FROM "users" "u" WHERE "u"."id" IN ($1)`;

const LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtextextended('signup:' || $1, 0))`;
const ACTIVE_SQL = `SELECT "s"."id" AS "s_id", "s"."shift_id" AS "s_shift_id", "s"."need_id" AS "s_need_id", "s"."org_id" AS "s_org_id", "s"."user_id" AS "s_user_id", "s"."status" AS "s_status", "s"."waitlist_seq" AS "s_waitlist_seq", "s"."confirmed_at" AS "s_confirmed_at", "s"."cancelled_at" AS "s_cancelled_at", "s"."cancel_reason" AS "s_cancel_reason", "s"."late_cancellation" AS "s_late_cancellation", "s"."skipped_reason" AS "s_skipped_reason", "s"."invitation_id" AS "s_invitation_id", "s"."checked_in_at" AS "s_checked_in_at", "s"."check_in_method" AS "s_check_in_method", "s"."checked_out_at" AS "s_checked_out_at", "s"."auto_closed" AS "s_auto_closed", "s"."created_at" AS "s_created_at" FROM "signups" "s" WHERE "s"."shift_id" = $1 AND "s"."user_id" = $2 AND "s"."status" IN ('confirmed', 'waitlisted')`;
const OVERLAP_SQL = `SELECT g.id FROM signups g JOIN shift_seats s ON s.shift_id = g.shift_id
        WHERE g.user_id = $1 AND g.status = 'confirmed' AND g.shift_id <> $4
          AND s.starts_at < $3 AND s.ends_at > $2
        LIMIT 1`;
const TAKE_SEAT_SQL = `UPDATE shift_seats SET
            last_outcome = CASE WHEN confirmed_count < capacity THEN 'confirmed' ELSE 'waitlisted' END,
            waitlist_seq = waitlist_seq + CASE WHEN confirmed_count < capacity THEN 0 ELSE 1 END,
            waitlist_count = waitlist_count + CASE WHEN confirmed_count < capacity THEN 0 ELSE 1 END,
            confirmed_count = confirmed_count + CASE WHEN confirmed_count < capacity THEN 1 ELSE 0 END
          WHERE shift_id = $1
          RETURNING last_outcome, waitlist_seq, confirmed_count, waitlist_count, capacity`;
const INSERT_SIGNUP_SQL = `INSERT INTO signups (shift_id, need_id, org_id, user_id, status, waitlist_seq, invitation_id, confirmed_at)
       VALUES ($1, $2, $3, $4, $5::varchar, $6, $7, CASE WHEN $5::varchar = 'confirmed' THEN now() END)
       RETURNING id, created_at`;
const INSERT_AUDIT_SQL = `INSERT INTO "audit_log"("occurred_at", "actor_user_id", "action", "entity_type", "entity_id", "org_id", "request_id", "diff") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, $7) RETURNING "id", "occurred_at"`;
const INSERT_EVENT_SQL = `INSERT INTO "events"("type", "occurred_at", "org_ids", "need_id", "user_ids", "payload") VALUES ($1, DEFAULT, $2, $3, $4, $5) RETURNING "id", "occurred_at", "org_ids", "user_ids"`;

/** The app's refusalFor, for the rules this bench's shifts carry (no child contact, no minimum age, so it never refuses here). */
function refusal(seat, checks, profile, currentVersion) {
  if (seat.ShiftSeatEntity_child_contact) {
    const endsAt = seat.ShiftSeatEntity_ends_at.getTime();
    const valid = checks.some(
      (c) =>
        c.SafeguardingCheckEntity_result === 'clear' &&
        !c.SafeguardingCheckEntity_lifted_at &&
        (c.SafeguardingCheckEntity_expires_at?.getTime() ?? 0) >= endsAt,
    );
    if (!valid)
      return new Problem(422, 'safeguarding_required', 'Work with children needs a safeguarding check valid until the shift ends');
    if (!currentVersion || profile?.VolunteerProfileEntity_code_of_conduct_version_accepted !== currentVersion) {
      return new Problem(422, 'safeguarding_required', 'Accept the current code of conduct before working with children');
    }
  }
  if (seat.ShiftSeatEntity_min_age !== null && !profile?.VolunteerProfileEntity_birth_date) {
    return new Problem(422, 'under_minimum_age', 'Add your date of birth to your profile');
  }
  return null;
}

async function signUp(request, shiftId) {
  const principal = await principalOf(request);
  const userId = principal.userId;
  const seat = (await pool.query(SEAT_SQL, [shiftId])).rows[0];
  if (!seat) throw new Problem(404, 'not_found', 'Shift not found');
  if (!seat.ShiftSeatEntity_need_open) throw new Problem(409, 'need_not_open', 'This need is not taking sign-ups');
  if (seat.ShiftSeatEntity_ends_at.getTime() <= Date.now()) throw new Problem(409, 'need_not_open', 'This shift is over');
  const [checks, profile, version] = await Promise.all([
    pool.query(SAFEGUARDING_SQL, [userId]),
    pool.query(PROFILE_SQL, [userId]),
    pool.query(CODE_OF_CONDUCT_SQL, [new Date()]),
    pool.query(USER_SUMMARY_SQL, [userId]),
  ]);
  const refused = refusal(seat, checks.rows, profile.rows[0], version.rows[0]?.CodeOfConductVersionEntity_version ?? null);
  if (refused) throw refused;

  const needId = seat.ShiftSeatEntity_need_id;
  const orgId = seat.ShiftSeatEntity_org_id;
  const startsAt = seat.ShiftSeatEntity_starts_at;
  const endsAt = seat.ShiftSeatEntity_ends_at;
  return transaction(async (client) => {
    await client.query(LOCK_SQL, [userId]);
    if ((await client.query(ACTIVE_SQL, [shiftId, userId])).rows.length > 0) {
      throw new Problem(409, 'already_signed_up', 'You are already signed up for this shift');
    }
    if ((await client.query(OVERLAP_SQL, [userId, startsAt, endsAt, shiftId])).rows.length > 0) {
      throw new Problem(409, 'schedule_conflict', 'You already have a confirmed shift at this time');
    }
    const decision = (await client.query(TAKE_SEAT_SQL, [shiftId])).rows[0];
    if (!decision) throw new Problem(404, 'not_found', 'Shift not found');
    const outcome = decision.last_outcome;
    const confirmed = outcome === 'confirmed';
    const signup = (
      await client.query(INSERT_SIGNUP_SQL, [shiftId, needId, orgId, userId, outcome, confirmed ? null : decision.waitlist_seq, null])
    ).rows[0];
    const position = confirmed ? null : decision.waitlist_count;
    await client.query(INSERT_AUDIT_SQL, [
      userId,
      `signup.${outcome}`,
      'signup',
      signup.id,
      orgId,
      randomUUID(),
      JSON.stringify({ shiftId, position }),
    ]);
    const payload = confirmed
      ? { signupId: signup.id, shiftId, needId, userId }
      : { signupId: signup.id, shiftId, needId, userId, position };
    await client.query(INSERT_EVENT_SQL, [`signup.${outcome}`, [orgId], needId, [userId], JSON.stringify(payload)]);
    await client.query(INSERT_EVENT_SQL, [
      'shift.updated',
      [orgId],
      needId,
      [],
      JSON.stringify({
        shiftId,
        needId,
        capacity: decision.capacity,
        confirmedCount: decision.confirmed_count,
        waitlistCount: decision.waitlist_count,
      }),
    ]);
    return { status: 201, body: { id: signup.id, shiftId, needId, status: outcome, position } };
  });
}

const ROUTE = /^\/api\/v1\/shifts\/([^/]+)\/signups$/;

serve(async (request, url) => {
  const match = ROUTE.exec(url.pathname);
  if (request.method !== 'POST' || !match) throw new Problem(404, 'not_found', 'No such route');
  if (!UUID.test(match[1])) throw new Problem(400, 'validation_failed', 'id must be a UUID');
  return signUp(request, match[1]);
});
