/**
 * SQL invariant checks over the giving ledger. Each query returns the rows
 * that break one rule; an empty result everywhere means the books balance.
 * Run by `npm run ledger:check` and after every integration/e2e test file.
 */
export interface LedgerCheck {
  name: string;
  sql: string;
}

export const LEDGER_CHECKS: LedgerCheck[] = [
  {
    name: 'money: used ≤ received ≤ pledged',
    sql: `SELECT id FROM pledges WHERE kind = 'money' AND NOT (0 <= used_fen AND used_fen <= received_fen AND received_fen <= pledged_fen)`,
  },
  {
    name: 'goods: used ≤ received ≤ pledged per line',
    sql: `SELECT id FROM pledge_lines WHERE NOT (0 <= used AND used <= received AND received <= quantity)`,
  },
  {
    name: 'money totals equal the sum of ledger entries',
    sql: `SELECT p.id FROM pledges p
            LEFT JOIN LATERAL (
              SELECT COALESCE(sum(amount_fen) FILTER (WHERE kind = 'receipt'), 0) AS received,
                     COALESCE(sum(amount_fen) FILTER (WHERE kind = 'usage'), 0) AS used
                FROM pledge_ledger_entries e WHERE e.pledge_id = p.id) s ON true
           WHERE p.kind = 'money' AND (p.received_fen <> s.received OR p.used_fen <> s.used)`,
  },
  {
    name: 'line totals equal the sum of ledger lines',
    sql: `SELECT l.id FROM pledge_lines l
            LEFT JOIN LATERAL (
              SELECT COALESCE(sum(ll.quantity) FILTER (WHERE e.kind = 'receipt'), 0) AS received,
                     COALESCE(sum(ll.quantity) FILTER (WHERE e.kind = 'usage'), 0) AS used
                FROM pledge_ledger_lines ll JOIN pledge_ledger_entries e ON e.id = ll.entry_id
               WHERE ll.line_id = l.id) s ON true
           WHERE l.received <> s.received OR l.used <> s.used`,
  },
  {
    name: 'no orphan ledger entry',
    sql: `SELECT e.id FROM pledge_ledger_entries e LEFT JOIN pledges p ON p.id = e.pledge_id WHERE p.id IS NULL OR p.org_id <> e.org_id`,
  },
  {
    name: 'no orphan or cross-pledge ledger line',
    sql: `SELECT ll.id FROM pledge_ledger_lines ll
            LEFT JOIN pledge_ledger_entries e ON e.id = ll.entry_id
            LEFT JOIN pledge_lines l ON l.id = ll.line_id
           WHERE e.id IS NULL OR l.id IS NULL OR l.pledge_id <> e.pledge_id`,
  },
  {
    name: 'a reversal negates its original exactly',
    sql: `SELECT r.id FROM pledge_ledger_entries r
            JOIN pledge_ledger_entries o ON o.id = r.reverses_id
           WHERE o.pledge_id <> r.pledge_id OR o.kind <> r.kind OR o.reverses_id IS NOT NULL
              OR COALESCE(o.amount_fen, 0) + COALESCE(r.amount_fen, 0) <> 0
              OR EXISTS (
                SELECT 1 FROM (
                  SELECT line_id, sum(quantity) AS q FROM pledge_ledger_lines WHERE entry_id IN (o.id, r.id) GROUP BY line_id
                ) net WHERE net.q <> 0)`,
  },
  {
    name: 'a reversal points at an existing entry',
    sql: `SELECT r.id FROM pledge_ledger_entries r LEFT JOIN pledge_ledger_entries o ON o.id = r.reverses_id WHERE r.reverses_id IS NOT NULL AND o.id IS NULL`,
  },
  {
    name: 'evidence documents uses only',
    sql: `SELECT f.id FROM evidence_files f LEFT JOIN pledge_ledger_entries e ON e.id = f.entry_id
           WHERE f.entry_id IS NOT NULL AND (e.id IS NULL OR e.kind <> 'usage' OR e.org_id <> f.org_id)`,
  },
  {
    name: 'a cancelled pledge holds nothing received',
    sql: `SELECT p.id FROM pledges p WHERE p.cancelled_at IS NOT NULL
            AND (p.received_fen <> 0 OR EXISTS (SELECT 1 FROM pledge_lines l WHERE l.pledge_id = p.id AND l.received <> 0))`,
  },
];

export interface LedgerViolation {
  check: string;
  ids: string[];
}

type Query = (sql: string) => Promise<Array<{ id: string }>>;

export async function runLedgerChecks(query: Query): Promise<LedgerViolation[]> {
  const violations: LedgerViolation[] = [];
  for (const check of LEDGER_CHECKS) {
    const rows = await query(check.sql);
    if (rows.length > 0) violations.push({ check: check.name, ids: rows.map((r) => r.id) });
  }
  return violations;
}
