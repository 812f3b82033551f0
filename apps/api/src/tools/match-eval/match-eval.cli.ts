/* `npm run match:eval`: measures the feed's ranking on a synthetic population with planted answers
 * (synthetic-population.ts) and prints precision@10 and nDCG@10 for the model and for simple baselines.
 * Uses DATABASE_URL's server when set (a scratch database is created and dropped), otherwise an embedded
 * PostgreSQL under .data/pg-eval. Runs the very SQL the API runs (modules/matching/sql/feed.sql.ts). */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source-options';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../database/embedded-postgres';
import { buildFeedQuery, type FeedRow } from '../../modules/matching/sql/feed.sql';
import { MATCHING, VOLUNTEER_FACTORS, type VolunteerFactor } from '../../modules/matching/matching.config';
import { mean, ndcgAtK, precisionAtK } from './ranking-metrics';
import { generatePopulation, judge, type Population, type SyntheticNeed } from './synthetic-population';

const K = 10;
const EVAL_PG_PORT = Number(process.env.EMBEDDED_EVAL_PG_PORT ?? 54335);

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Multi-row INSERTs of at most 1,000 rows. */
async function insertRows(db: Client, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const values = chunk.map((row, r) => `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, chunk.flat());
  }
}

/** Multi-row INSERTs of needs and their shifts. */
export async function insertNeeds(db: Client, needs: SyntheticNeed[]): Promise<void> {
  const creator = '00000000-0000-4000-8000-000000000000';
  await insertRows(
    db,
    'needs',
    [
      'id',
      'org_id',
      'type',
      'title',
      'description',
      'region_code',
      'lat',
      'lng',
      'child_contact',
      'required_skills',
      'min_age',
      'status',
      'created_by',
      'published_at',
    ],
    needs.map((n) => [
      n.id,
      n.orgId,
      'tutoring',
      '评估需求',
      '合成数据',
      n.regionCode,
      n.lat,
      n.lng,
      n.childContact,
      n.requiredSkills,
      n.minAge,
      n.status,
      creator,
      new Date(),
    ]),
  );
  await insertRows(
    db,
    'shifts',
    ['id', 'need_id', 'org_id', 'starts_at', 'ends_at', 'status'],
    needs.flatMap((n) =>
      n.shifts.map((s) => [s.id, n.id, n.orgId, s.startsAt, s.endsAt, n.status === 'cancelled' ? 'cancelled' : 'scheduled']),
    ),
  );
  // A shift's capacity and counters live in engagement's seats.
  await insertRows(
    db,
    'shift_seats',
    ['shift_id', 'need_id', 'org_id', 'starts_at', 'ends_at', 'capacity', 'confirmed_count', 'need_open', 'child_contact', 'min_age'],
    needs.flatMap((n) =>
      n.shifts.map((s) => [
        s.id,
        n.id,
        n.orgId,
        s.startsAt,
        s.endsAt,
        s.capacity,
        s.confirmedCount,
        n.status !== 'cancelled',
        n.childContact,
        n.minAge,
      ]),
    ),
  );
}

/** The organisations and the shared background needs. */
export async function seed(db: Client, population: Population): Promise<void> {
  await insertRows(
    db,
    'organizations',
    ['id', 'kind', 'name', 'region_code', 'status', 'created_by'],
    population.orgs.map((o, i) => [o.id, 'ngo', `评估机构${i + 1}`, '430524', o.status, '00000000-0000-4000-8000-000000000000']),
  );
  await insertNeeds(db, population.background);
  await db.query('ANALYZE needs; ANALYZE shifts; ANALYZE shift_seats');
}

const only = (factor: VolunteerFactor): Record<VolunteerFactor, number> =>
  Object.fromEntries(VOLUNTEER_FACTORS.map((f) => [f, f === factor ? 100 : 0])) as Record<VolunteerFactor, number>;

interface Variant {
  name: string;
  weights: Record<VolunteerFactor, number>;
}

interface VariantResult {
  name: string;
  precision: number;
  ndcg: number;
  leaks: number;
  msPerQuery: number;
}

/**
 * Ranks each volunteer's feed with every variant, with that volunteer's
 * planted needs added to the background inside a transaction that is then
 * rolled back.
 */
async function evaluate(db: Client, population: Population, now: Date, variants: Variant[]): Promise<VariantResult[]> {
  const hidden = new Set(population.orgs.filter((o) => o.status === 'suspended').map((o) => o.id));
  const scores = variants.map(() => ({ precision: [] as number[], ndcg: [] as number[], leaks: 0, ms: 0 }));
  for (const v of population.volunteers) {
    const truth = judge(v, [...population.background, ...v.planted], hidden, now);
    await db.query('BEGIN');
    try {
      await insertNeeds(db, v.planted);
      for (const [i, variant] of variants.entries()) {
        // A need with two shifts can appear twice; rank needs by their best shift (fetch a little more than K).
        const query = buildFeedQuery(v.snapshot, {
          now,
          hiddenOrgIds: [...hidden],
          includeFull: false,
          limit: 2 * K,
          after: null,
          weights: variant.weights,
        });
        const started = process.hrtime.bigint();
        const rows = (await db.query<FeedRow>(query.text, query.values)).rows;
        scores[i].ms += Number(process.hrtime.bigint() - started) / 1e6;
        const ranked = [...new Set(rows.map((r) => r.need_id))].slice(0, K);
        scores[i].precision.push(precisionAtK(ranked, truth.grades, K));
        scores[i].ndcg.push(ndcgAtK(ranked, truth.grades, K));
        scores[i].leaks += rows.filter((r) => !truth.eligible.has(r.need_id)).length;
      }
    } finally {
      await db.query('ROLLBACK');
    }
  }
  return variants.map((variant, i) => ({
    name: variant.name,
    precision: mean(scores[i].precision),
    ndcg: mean(scores[i].ndcg),
    leaks: scores[i].leaks,
    msPerQuery: scores[i].ms / population.volunteers.length,
  }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      volunteers: { type: 'string', default: '200' },
      background: { type: 'string', default: '4000' },
      seed: { type: 'string', default: '2026' },
      json: { type: 'boolean', default: false },
      weights: { type: 'string' },
    },
  });
  const volunteers = Number(values.volunteers);
  const background = Number(values.background);
  const seedValue = Number(values.seed);
  if (![volunteers, background, seedValue].every((n) => Number.isInteger(n) && n >= 0) || volunteers === 0) {
    throw new Error(`usage: npm run match:eval -- [--volunteers N] [--background N] [--seed N] [--json] [--weights '{"skills":30,…}']`);
  }
  // Other weights to compare with the configured ones (the question every model change asks).
  let custom: Record<VolunteerFactor, number> | null = null;
  if (values.weights) {
    const parsed = JSON.parse(values.weights) as Record<string, unknown>;
    if (
      VOLUNTEER_FACTORS.some((f) => typeof parsed[f] !== 'number' || !Number.isFinite(parsed[f])) ||
      Object.keys(parsed).length !== VOLUNTEER_FACTORS.length
    ) {
      throw new Error(`--weights needs a number for each of ${VOLUNTEER_FACTORS.join(', ')}`);
    }
    custom = parsed as Record<VolunteerFactor, number>;
  }

  let embedded: EmbeddedPostgres | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: resolve('.data/pg-eval'), port: EVAL_PG_PORT, database: 'kindred' });
    serverUrl = embedded.url;
  }
  const name = `kindred_eval_${process.pid}_${Date.now()}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl, name);
  try {
    const migrations = new DataSource(dataSourceOptions(url, 2));
    await migrations.initialize();
    await migrations.runMigrations({ transaction: 'each' });
    await migrations.destroy();

    const now = new Date();
    const population = generatePopulation({ seed: seedValue, volunteers, backgroundNeeds: background, now });
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      await seed(db, population);
      const results = await evaluate(db, population, now, [
        { name: `model ${MATCHING.modelVersion}`, weights: { ...MATCHING.volunteer.weights } },
        { name: 'distance only', weights: only('distance') },
        { name: 'skills only', weights: only('skills') },
        { name: 'availability only', weights: only('availability') },
        ...(custom ? [{ name: '--weights', weights: custom }] : []),
      ]);
      const needs = population.background.length + population.volunteers[0].planted.length;
      const shifts = population.background.reduce((n, need) => n + need.shifts.length, 0) + population.volunteers[0].planted.length;
      if (values.json) {
        process.stdout.write(
          `${JSON.stringify({ volunteers, background, seed: seedValue, backgroundNeeds: population.background.length, plantedPerVolunteer: population.volunteers[0].planted.length, k: K, weights: MATCHING.volunteer.weights, results })}\n`,
        );
        return;
      }
      const lines = [
        `Matching evaluation: ${volunteers} volunteers, ${population.volunteers[0].planted.length}-odd planted needs each, graded 3/2/1 by an independent utility,`,
        `evaluated one at a time against ${background.toLocaleString('en')} random background needs (${needs.toLocaleString('en')} needs, ${shifts.toLocaleString('en')} shifts per run), seed ${seedValue}`,
        `weights ${JSON.stringify(MATCHING.volunteer.weights)}`,
        '',
        'variant              precision@10   nDCG@10   ineligible shown    ms/query',
        '-------------------  ------------   -------   -----------------   --------',
        ...results.map(
          (r) =>
            `${r.name.padEnd(19)}  ${r.precision.toFixed(3).padStart(12)}   ${r.ndcg.toFixed(3).padStart(7)}   ${String(r.leaks).padStart(17)}   ${r.msPerQuery.toFixed(1).padStart(8)}`,
        ),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      await db.end();
    }
  } finally {
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await embedded?.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
