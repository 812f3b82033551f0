// Bare baseline for `pledge-receipt-use`: POST /api/v1/pledges/:id/receipts and /usages on money
// pledges, done by plain node:http + pg (Pool of 10) with the statements the app sends for them
// (apps/api/src/modules/giving/pledges.service.ts receive/use + pledges.repository.ts), in order:
//   principal: user, memberships, session family (in parallel)
//   the pledge's parties (PledgesRepository.parties)
//   BEGIN; conditional UPDATE pledges (received_fen or used_fen) RETURNING id; INSERT pledge_ledger_entries;
//   UPDATE pledges SET status … RETURNING; INSERT audit_log; INSERT events ×2 (pledge.*, need.coverage_updated); COMMIT
// and answers 201 with the ledger entry like the app. Idempotency keys, goods lines and evidence are
// not sent by the scenario and not handled here. Env: PORT, HOST, DATABASE_URL, JWT_SECRET.
import { randomUUID } from 'node:crypto';
import { canCoordinate, pool, principalOf, Problem, serve, transaction, UUID } from './support/bare.mjs';

const PARTIES_SQL = `SELECT "PledgeEntity"."id" AS "PledgeEntity_id", "PledgeEntity"."org_id" AS "PledgeEntity_org_id", "PledgeEntity"."need_id" AS "PledgeEntity_need_id", "PledgeEntity"."donor_user_id" AS "PledgeEntity_donor_user_id", "PledgeEntity"."on_behalf_of_org_id" AS "PledgeEntity_on_behalf_of_org_id", "PledgeEntity"."kind" AS "PledgeEntity_kind", "PledgeEntity"."cancelled_at" AS "PledgeEntity_cancelled_at" FROM "pledges" "PledgeEntity" WHERE (("PledgeEntity"."id" = $1)) LIMIT 1`;
const MOVE_SQL = {
  receipt: `UPDATE pledges SET received_fen = received_fen + $3
            WHERE id = $1 AND org_id = $2 AND cancelled_at IS NULL AND kind = 'money'
              AND received_fen + $3 <= pledged_fen AND received_fen + $3 >= used_fen
            RETURNING id`,
  usage: `UPDATE pledges SET used_fen = used_fen + $3
            WHERE id = $1 AND org_id = $2 AND cancelled_at IS NULL AND kind = 'money'
              AND used_fen + $3 <= received_fen AND used_fen + $3 >= 0
            RETURNING id`,
};
const INSERT_ENTRY_SQL = `INSERT INTO "pledge_ledger_entries"("id", "pledge_id", "org_id", "kind", "amount_fen", "receipt_number", "description", "beneficiary_count", "beneficiaries", "place_region_code", "occurred_at", "recorded_by", "reverses_id", "reversal_reason", "created_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, DEFAULT) RETURNING "id", "created_at"`;
const REFRESH_STATUS_SQL = `UPDATE pledges p SET status = CASE
          WHEN p.cancelled_at IS NOT NULL THEN 'cancelled'
          WHEN p.kind = 'money' THEN CASE
            WHEN p.used_fen >= p.pledged_fen THEN 'used'
            WHEN p.used_fen > 0 THEN 'partly_used'
            WHEN p.received_fen > 0 THEN 'received'
            ELSE 'pledged' END
          ELSE (SELECT CASE
            WHEN sum(l.used) >= sum(l.quantity) THEN 'used'
            WHEN sum(l.used) > 0 THEN 'partly_used'
            WHEN sum(l.received) > 0 THEN 'received'
            ELSE 'pledged' END
            FROM pledge_lines l WHERE l.pledge_id = p.id)
        END
        WHERE p.id = $1
        RETURNING p.status`;
const INSERT_AUDIT_SQL = `INSERT INTO "audit_log"("occurred_at", "actor_user_id", "action", "entity_type", "entity_id", "org_id", "request_id", "diff") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, $7) RETURNING "id", "occurred_at"`;
const INSERT_EVENT_SQL = `INSERT INTO "events"("type", "occurred_at", "org_ids", "need_id", "user_ids", "payload") VALUES ($1, DEFAULT, $2, $3, $4, $5) RETURNING "id", "occurred_at", "org_ids", "user_ids"`;

function validate(kind, body) {
  const errors = [];
  if (!body || typeof body !== 'object') throw new Problem(400, 'validation_failed', 'a JSON body is required');
  if (!Number.isInteger(body.amountFen) || body.amountFen < 1) errors.push('amountFen must be a positive integer');
  if (kind === 'usage') {
    if (typeof body.description !== 'string' || !body.description.trim()) errors.push('description is required');
    if (!Number.isInteger(body.beneficiaryCount) || body.beneficiaryCount < 0) errors.push('beneficiaryCount must be an integer');
    if (typeof body.usedAt !== 'string' || Number.isNaN(Date.parse(body.usedAt))) errors.push('usedAt must be a date');
  }
  if (errors.length) throw new Problem(400, 'validation_failed', errors.join('; '));
}

async function move(request, pledgeId, kind, body) {
  const principal = await principalOf(request);
  validate(kind, body);
  const row = (await pool.query(PARTIES_SQL, [pledgeId])).rows[0];
  const parties = row && {
    orgId: row.PledgeEntity_org_id,
    needId: row.PledgeEntity_need_id,
    donorUserId: row.PledgeEntity_donor_user_id,
    onBehalfOfOrgId: row.PledgeEntity_on_behalf_of_org_id,
    kind: row.PledgeEntity_kind,
    cancelled: row.PledgeEntity_cancelled_at !== null,
  };
  if (!parties) throw new Problem(404, 'not_found', 'Pledge not found');
  if (!canCoordinate(principal, parties.orgId))
    throw new Problem(403, 'forbidden', 'Only owners and coordinators of the receiving NGO record receipts and uses');
  if (parties.cancelled) throw new Problem(409, 'pledge_cancelled', 'This pledge was cancelled');
  if (parties.kind !== 'money') throw new Problem(400, 'validation_failed', 'this baseline handles money pledges only');
  const occurredAt = kind === 'receipt' ? (body.receivedAt ? new Date(body.receivedAt) : new Date()) : new Date(body.usedAt);

  return transaction(async (client) => {
    if ((await client.query(MOVE_SQL[kind], [pledgeId, parties.orgId, body.amountFen])).rows.length !== 1) {
      const code = kind === 'receipt' ? 'exceeds_pledged' : 'exceeds_received';
      throw new Problem(422, code, `This would record more than was ${kind === 'receipt' ? 'pledged' : 'received'}`);
    }
    const entry = (
      await client.query(INSERT_ENTRY_SQL, [
        pledgeId,
        parties.orgId,
        kind,
        body.amountFen,
        kind === 'receipt' ? (body.receiptNumber ?? null) : null,
        kind === 'usage' ? body.description : null,
        kind === 'usage' ? body.beneficiaryCount : null,
        kind === 'usage' && body.beneficiaries ? JSON.stringify(body.beneficiaries) : null,
        kind === 'usage' ? (body.placeRegionCode ?? null) : null,
        occurredAt,
        principal.userId,
        null,
        null,
      ])
    ).rows[0];
    const status = (await client.query(REFRESH_STATUS_SQL, [pledgeId])).rows[0].status;
    const diff =
      kind === 'receipt'
        ? { entryId: entry.id, amountFen: body.amountFen, lines: [], status }
        : { entryId: entry.id, amountFen: body.amountFen, lines: [], beneficiaryCount: body.beneficiaryCount, evidence: 0, status };
    await client.query(INSERT_AUDIT_SQL, [
      principal.userId,
      kind === 'receipt' ? 'pledge.received' : 'pledge.used',
      'pledge',
      pledgeId,
      parties.orgId,
      randomUUID(),
      JSON.stringify(diff),
    ]);
    const orgIds = [parties.orgId, ...(parties.onBehalfOfOrgId ? [parties.onBehalfOfOrgId] : [])];
    await client.query(INSERT_EVENT_SQL, [
      kind === 'receipt' ? 'pledge.received' : 'pledge.used',
      orgIds,
      parties.needId,
      [parties.donorUserId],
      JSON.stringify({ pledgeId, needId: parties.needId, status }),
    ]);
    if (parties.needId) {
      await client.query(INSERT_EVENT_SQL, [
        'need.coverage_updated',
        [parties.orgId],
        parties.needId,
        [],
        JSON.stringify({ needId: parties.needId, organizationId: parties.orgId }),
      ]);
    }
    return {
      status: 201,
      body: { id: entry.id, pledgeId, kind, amountFen: body.amountFen, lines: [], occurredAt: occurredAt.toISOString(), reversesId: null },
    };
  });
}

const ROUTE = /^\/api\/v1\/pledges\/([^/]+)\/(receipts|usages)$/;

serve(async (request, url, body) => {
  const match = ROUTE.exec(url.pathname);
  if (request.method !== 'POST' || !match) throw new Problem(404, 'not_found', 'No such route');
  if (!UUID.test(match[1])) throw new Problem(400, 'validation_failed', 'id must be a UUID');
  return move(request, match[1], match[2] === 'receipts' ? 'receipt' : 'usage', body);
});
