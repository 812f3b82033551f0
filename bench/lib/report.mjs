// The one table a run prints, and the JSON file it writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const fixed = (value, digits) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—');
const int = (value) => (typeof value === 'number' && Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—');

/** One row per measured side, with the app/bare ratios on the app row. */
export function tableRows(results) {
  const rows = [];
  for (const r of results) {
    if (r.error && !r.app && !r.bare) {
      rows.push({ scenario: r.scenario, side: 'failed', note: r.error });
      continue;
    }
    for (const side of ['app', 'bare']) {
      const m = r[side];
      if (!m) {
        rows.push({ scenario: r.scenario, side, note: r.error ?? 'not measured' });
        continue;
      }
      rows.push({
        scenario: r.scenario,
        side,
        reqPerSec: m.reqPerSec,
        p50: m.latencyMs.p50,
        p99: m.latencyMs.p99,
        errors: m.errors.total,
        reqRatio: side === 'app' ? r.ratio?.reqPerSec : undefined,
        p99Ratio: side === 'app' ? r.ratio?.p99 : undefined,
        check: side === 'app' ? r.check : undefined,
      });
    }
  }
  return rows;
}

export function formatTable(rows) {
  const header = ['scenario', 'side', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'req/s app/bare', 'p99 app/bare', 'check'];
  // The check column appears only when some scenario declares targets or a verify step.
  const columns = rows.some((row) => row.check) ? header.length : header.length - 1;
  const cells = (row) => [
    row.scenario,
    row.side,
    int(row.reqPerSec),
    fixed(row.p50, 2),
    fixed(row.p99, 2),
    int(row.errors),
    row.reqRatio === undefined ? '' : `${fixed(row.reqRatio, 2)}×`,
    row.p99Ratio === undefined ? '' : `${fixed(row.p99Ratio, 2)}×`,
    row.check ?? '',
  ];
  const measured = rows.filter((row) => !row.note).map(cells);
  const names = rows.map((row) => [row.scenario, row.side]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...measured.map((c) => c[i].length), ...(i < 2 ? names.map((n) => n[i].length) : [])),
  );
  const numeric = new Set([2, 3, 4, 5, 6, 7]);
  const line = (values) =>
    values
      .slice(0, columns)
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const body = rows.map((row) =>
    // A side that was not measured shows why, after its name, instead of numbers.
    row.note ? `${row.scenario.padEnd(widths[0])}  ${row.side.padEnd(widths[1])}  ${row.note}` : line(cells(row)),
  );
  return [
    line(header),
    widths
      .slice(0, columns)
      .map((w) => '-'.repeat(w))
      .join('  '),
    ...body,
  ].join('\n');
}

/** Checks a scenario's declared targets (DESIGN §7) against its numbers; '' when it declares none. */
export function checkTargets(targets, result) {
  if (!targets || !result.app) return { text: '', misses: [] };
  const misses = [];
  const { app, ratio } = result;
  if (targets.minReqPerSecRatio !== undefined && !(ratio?.reqPerSec >= targets.minReqPerSecRatio)) {
    misses.push(`req/s ${fixed(ratio?.reqPerSec, 2)}× < ${targets.minReqPerSecRatio}×`);
  }
  if (targets.maxP99Ratio !== undefined && !(ratio?.p99 <= targets.maxP99Ratio)) {
    misses.push(`p99 ${fixed(ratio?.p99, 2)}× > ${targets.maxP99Ratio}×`);
  }
  if (targets.maxP99Ms !== undefined && !(app.latencyMs.p99 < targets.maxP99Ms)) {
    misses.push(`p99 ${fixed(app.latencyMs.p99, 1)} ms ≥ ${targets.maxP99Ms} ms`);
  }
  if (targets.maxP95Ms !== undefined && !(app.latencyMs.p95 < targets.maxP95Ms)) {
    misses.push(`p95 ${fixed(app.latencyMs.p95, 1)} ms ≥ ${targets.maxP95Ms} ms`);
  }
  if (targets.maxErrors !== undefined && !(app.errors.total <= targets.maxErrors)) {
    misses.push(`${app.errors.total} errors > ${targets.maxErrors}`);
  }
  return { text: misses.length === 0 ? 'ok' : `MISS: ${misses.join('; ')}`, misses };
}

/** Writes bench/results/<ISO 8601 basic timestamp>.json and returns its path. */
export function writeResults(benchDir, startedAt, report) {
  const dir = join(benchDir, 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = startedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const file = join(dir, `${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
