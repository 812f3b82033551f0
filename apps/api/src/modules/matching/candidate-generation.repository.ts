import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CandidateRow } from './sql/candidates.sql';
import type { FeedRow } from './sql/feed.sql';
import type { SqlQuery } from './sql/match-factors.sql';

/** A goods line of a listed need, with what is already pledged against it. */
export interface GoodsLineRow {
  item_id: string;
  name: string;
  unit: string;
  needed: number;
  pledged: number;
  need_id: string;
  org_id: string;
  title: string;
  region_code: string;
  lat: number | null;
  lng: number | null;
}

/**
 * The one place where matching reads other contexts' tables, read-only.
 *
 * Why: ranking means scoring every nearby open shift for a volunteer (the
 * feed) or every nearby volunteer for a shift (candidates) inside PostgreSQL
 * and returning one page. Going through the needs, volunteers and engagement
 * services would mean loading tens of thousands of rows into the API for
 * each request, far from the 100 ms / 200 ms targets. The statements are built
 * in sql/feed.sql.ts, sql/candidates.sql.ts and below; they read needs, shifts,
 * need_items (needs), volunteer_profiles, safeguarding_checks (volunteers),
 * signups, shift_occupancy (the view of its seats), hour_records (engagement) and pledges, pledge_lines
 * (giving), and apply those contexts' rules as documented beside each clause.
 * Everything else matching needs about other contexts goes through their services.
 */
@Injectable()
export class CandidateGenerationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  feed(query: SqlQuery): Promise<FeedRow[]> {
    return this.dataSource.query(query.text, query.values);
  }

  candidates(query: SqlQuery): Promise<CandidateRow[]> {
    return this.dataSource.query(query.text, query.values);
  }

  /**
   * Goods lines of listed needs whose name could match an offer (LIKE
   * patterns from item-names.ts; the exact match is decided in the API), the
   * nearest regions first, with the quantity already pledged (as giving's
   * coverage counts it: lines of pledges not cancelled).
   */
  async goodsLinesMatching(input: {
    patterns: string[];
    hiddenOrgIds: readonly string[];
    regionCode: string;
    limit: number;
  }): Promise<GoodsLineRow[]> {
    const rows: Array<GoodsLineRow & { needed: number; pledged: string }> = await this.dataSource.query(
      `WITH lines AS (
         SELECT ni.id AS item_id, ni.name, ni.unit, ni.quantity AS needed, n.id AS need_id, n.org_id, n.title, n.region_code, n.lat, n.lng
           FROM need_items ni JOIN needs n ON n.id = ni.need_id
          WHERE n.status IN ('open', 'filled', 'in_progress') AND NOT (n.org_id = ANY($1::uuid[]))
            AND ni.name ILIKE ANY($2::text[])
          ORDER BY (n.region_code LIKE $3::varchar) DESC, (n.region_code LIKE $4::varchar) DESC, (n.region_code LIKE $5::varchar) DESC,
                   n.published_at DESC NULLS LAST, ni.id
          LIMIT $6::int),
       pledged AS (
         SELECT l.item_id, sum(l.quantity) AS quantity
           FROM pledge_lines l JOIN pledges p ON p.id = l.pledge_id
          WHERE p.need_id IN (SELECT need_id FROM lines) AND p.cancelled_at IS NULL
          GROUP BY l.item_id)
       SELECT lines.*, COALESCE(pledged.quantity, 0) AS pledged FROM lines LEFT JOIN pledged ON pledged.item_id = lines.item_id`,
      [
        input.hiddenOrgIds,
        input.patterns,
        `${input.regionCode.slice(0, 6)}%`,
        `${input.regionCode.slice(0, 4)}%`,
        `${input.regionCode.slice(0, 2)}%`,
        input.limit,
      ],
    );
    return rows.map((r) => ({ ...r, pledged: Number(r.pledged) }));
  }

  /** Quantity pledged per goods line of one need (giving's coverage rule: pledges not cancelled). */
  async pledgedByItem(needId: string): Promise<Map<string, number>> {
    const rows: Array<{ item_id: string; quantity: string }> = await this.dataSource.query(
      `SELECT l.item_id, sum(l.quantity) AS quantity FROM pledge_lines l JOIN pledges p ON p.id = l.pledge_id
        WHERE p.need_id = $1::uuid AND p.cancelled_at IS NULL GROUP BY l.item_id`,
      [needId],
    );
    return new Map(rows.map((r) => [r.item_id, Number(r.quantity)]));
  }
}
