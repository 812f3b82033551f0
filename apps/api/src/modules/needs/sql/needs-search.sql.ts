import { LISTED_NEED_STATUSES, type NeedStatus, type NeedType } from '@kindred/contracts';
import { boundingBox, EARTH_RADIUS_KM } from '../geo';

export const NEED_SORTS = ['newest', 'soonest'] as const;
export type NeedSort = (typeof NEED_SORTS)[number];

/** Where a page ended: the sort it belongs to, the sort key as PostgreSQL printed it (microseconds kept) and the id. */
export interface SearchCursor {
  sort: NeedSort;
  key: string;
  id: string;
}

export type SearchVisibility =
  /** Platform administrators: every need. */
  | { kind: 'all' }
  /** Everyone else: every need of their own organisations, and listed needs of organisations that are not hidden (suspended). */
  | { kind: 'scoped'; ownOrgIds: string[]; hiddenOrgIds: string[] };

export interface NeedSearch {
  types?: NeedType[];
  /** From regionPrefix(): matches the region and all of its sub-regions. */
  regionPrefix?: string;
  skills?: string[];
  near?: { lat: number; lng: number; radiusKm: number };
  from?: Date;
  to?: Date;
  statuses?: NeedStatus[];
  organizationId?: string;
  sort: NeedSort;
  after: SearchCursor | null;
  /** Rows to fetch (one more than the page, to know whether there is a next one). */
  fetch: number;
  visibility: SearchVisibility;
}

export interface SqlQuery {
  text: string;
  values: unknown[];
}

// Literal (not a parameter) so the planner can prove the partial indexes' predicate.
const LISTED = `(${LISTED_NEED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

const US = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
const SORT_KEY: Record<NeedSort, { expr: string; order: 'ASC' | 'DESC'; printed: string }> = {
  newest: { expr: 'n.created_at', order: 'DESC', printed: `to_char(n.created_at AT TIME ZONE 'UTC', ${US})` },
  soonest: {
    expr: `COALESCE(n.starts_at, 'infinity'::timestamptz)`,
    order: 'ASC',
    printed: `CASE WHEN n.starts_at IS NULL THEN 'infinity' ELSE to_char(n.starts_at AT TIME ZONE 'UTC', ${US}) END`,
  },
};

/**
 * The one SQL statement behind GET /api/v1/needs (the bench reuses it; see
 * README.md). Keyset pagination on (sort key, id) so equal keys never cause
 * duplicates or gaps; the distance filter narrows by a bounding box on the
 * b-tree (lat, lng) index, then applies the exact haversine distance.
 */
export function buildNeedSearch(q: NeedSearch): SqlQuery {
  const values: unknown[] = [];
  const param = (value: unknown, cast: string): string => {
    values.push(value);
    return `$${values.length}::${cast}`;
  };
  const where: string[] = [];

  if (q.visibility.kind === 'scoped') {
    const listed = [`n.status IN ${LISTED}`];
    if (q.visibility.hiddenOrgIds.length > 0) listed.push(`NOT (n.org_id = ANY(${param(q.visibility.hiddenOrgIds, 'uuid[]')}))`);
    where.push(
      q.visibility.ownOrgIds.length > 0
        ? `(n.org_id = ANY(${param(q.visibility.ownOrgIds, 'uuid[]')}) OR (${listed.join(' AND ')}))`
        : listed.join(' AND '),
    );
  }
  if (q.statuses?.length) where.push(`n.status = ANY(${param(q.statuses, 'varchar[]')})`);
  if (q.types?.length) where.push(`n.type = ANY(${param(q.types, 'varchar[]')})`);
  if (q.organizationId) where.push(`n.org_id = ${param(q.organizationId, 'uuid')}`);
  // Region codes are digits only, so the prefix needs no LIKE escaping.
  if (q.regionPrefix) where.push(`n.region_code LIKE ${param(`${q.regionPrefix}%`, 'varchar')}`);
  if (q.skills?.length) where.push(`n.required_skills && ${param(q.skills, 'text[]')}`);
  if (q.from) where.push(`COALESCE(n.ends_at, n.starts_at) >= ${param(q.from.toISOString(), 'timestamptz')}`);
  if (q.to) where.push(`n.starts_at <= ${param(q.to.toISOString(), 'timestamptz')}`);

  let distance: string | null = null;
  if (q.near) {
    const box = boundingBox(q.near.lat, q.near.lng, q.near.radiusKm);
    where.push(`n.lat BETWEEN ${param(box.minLat, 'float8')} AND ${param(box.maxLat, 'float8')}`);
    where.push(`n.lng BETWEEN ${param(box.minLng, 'float8')} AND ${param(box.maxLng, 'float8')}`);
    const lat = param(q.near.lat, 'float8');
    const lng = param(q.near.lng, 'float8');
    distance =
      `(2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(power(sin(radians(n.lat - ${lat}) / 2), 2)` +
      ` + cos(radians(${lat})) * cos(radians(n.lat)) * power(sin(radians(n.lng - ${lng}) / 2), 2)))))`;
    where.push(`${distance} <= ${param(q.near.radiusKm, 'float8')}`);
  }

  const sort = SORT_KEY[q.sort];
  if (q.after) {
    const op = sort.order === 'DESC' ? '<' : '>';
    where.push(`(${sort.expr}, n.id) ${op} (${param(q.after.key, 'timestamptz')}, ${param(q.after.id, 'uuid')})`);
  }

  const text = [
    'SELECT n.id, n.org_id, n.type, n.title, n.region_code, n.lat, n.lng, n.child_contact, n.required_skills, n.min_age, n.status,',
    '       n.starts_at, n.ends_at, n.target_fen, n.beneficiary_count, n.programme_id, n.published_at, n.created_at,',
    // Printed by PostgreSQL so the cursor keeps microseconds (a JS Date would round them away and break ties).
    `       ${sort.printed} AS sort_key` + (distance ? `,\n       ${distance} AS distance_km` : ''),
    '  FROM needs n',
    where.length ? ` WHERE ${where.join('\n   AND ')}` : '',
    ` ORDER BY ${sort.expr} ${sort.order}, n.id ${sort.order}`,
    ` LIMIT ${param(q.fetch, 'int')}`,
  ]
    .filter(Boolean)
    .join('\n');
  return { text, values };
}

/** Opaque to clients: base64url of [sort, key, id]. */
export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Null when the text is not a cursor this list gave out for this sort. */
export function decodeCursor(text: string, sort: NeedSort): SearchCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [s, key, id] = parsed as unknown[];
    if (s !== sort || typeof key !== 'string' || typeof id !== 'string' || !UUID.test(id)) return null;
    if (key !== 'infinity' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(key)) return null;
    return { sort, key, id };
  } catch {
    return null;
  }
}
