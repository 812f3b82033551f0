// The pure part of `scripts/audit.mjs`: reads `npm audit --json` output, keeps the advisories at or above a
// severity, and compares them with the allow-list (advisory → reason). No I/O, so it is tested on samples.

export const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'];

/** `GHSA-xxxx-xxxx-xxxx` from an advisory URL or id; other ids (numeric sources, URLs) as they are. */
export function advisoryKey(value) {
  const text = String(value).trim();
  const ghsa = text.match(/GHSA(-[23456789cfghjmpqrvwx]{4}){3}/i);
  return ghsa ? `GHSA${ghsa[0].slice(4).toLowerCase()}` : text;
}

/**
 * What `npm audit --json` printed: a report (`auditReportVersion` 2, npm 7 and later), or the error npm writes
 * when the audit itself could not run (no registry, an endpoint that refuses the bulk request, ...).
 */
export function interpretAuditOutput(stdout) {
  let data;
  try {
    data = JSON.parse(stdout);
  } catch {
    return { kind: 'unavailable', reason: `npm audit printed no JSON report (${String(stdout).trim().slice(0, 200) || 'empty output'})` };
  }
  if (data && typeof data === 'object' && data.vulnerabilities && typeof data.vulnerabilities === 'object') {
    return { kind: 'report', report: data };
  }
  const message = String(data?.message || data?.error?.summary || data?.error?.code || 'unknown error');
  const status = data?.statusCode;
  const text = status && !message.startsWith(String(status)) ? `${status} ${message}` : message;
  const where = data?.uri && !message.includes(data.uri) ? ` (${data.method ?? 'GET'} ${data.uri})` : '';
  return { kind: 'unavailable', reason: `${text}${where}` };
}

/**
 * One entry per advisory at or above `level`, with the installed packages it reaches (the vulnerable package
 * and every package that depends on it). Entries whose `via` names only other packages carry no advisory of
 * their own; they are folded into the advisories they inherit.
 */
export function collectAdvisories(report, level = 'high') {
  const floor = SEVERITIES.indexOf(level);
  if (floor < 0) throw new Error(`unknown severity level: ${level}`);
  const vulnerabilities = report.vulnerabilities ?? {};
  const byKey = new Map();

  for (const [name, entry] of Object.entries(vulnerabilities)) {
    for (const via of entry.via ?? []) {
      if (typeof via !== 'object' || via === null) continue;
      if (SEVERITIES.indexOf(via.severity) < floor) continue;
      const key = advisoryKey(via.url ?? via.source);
      const advisory = byKey.get(key) ?? {
        id: key,
        url: via.url ?? null,
        title: via.title ?? '',
        severity: via.severity,
        package: via.name ?? name,
        range: via.range ?? '',
        affects: new Set(),
      };
      advisory.affects.add(name);
      for (const effect of dependents(vulnerabilities, name)) advisory.affects.add(effect);
      byKey.set(key, advisory);
    }
  }
  return [...byKey.values()]
    .map((a) => ({ ...a, affects: [...a.affects].sort() }))
    .sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || a.id.localeCompare(b.id));
}

function dependents(vulnerabilities, name, seen = new Set()) {
  for (const effect of vulnerabilities[name]?.effects ?? []) {
    if (seen.has(effect)) continue;
    seen.add(effect);
    dependents(vulnerabilities, effect, seen);
  }
  return seen;
}

/**
 * The allow-list file: `{ "advisories": { "<GHSA id or advisory URL>": "<why this is acceptable>" } }`.
 * A reason is required; an entry without one is an error, not a silent pass.
 */
export function readAllowlist(json) {
  const advisories = json?.advisories;
  if (advisories === undefined) return { entries: new Map(), errors: [] };
  if (typeof advisories !== 'object' || advisories === null || Array.isArray(advisories)) {
    return { entries: new Map(), errors: ['"advisories" must be an object of advisory id → reason'] };
  }
  const entries = new Map();
  const errors = [];
  for (const [id, value] of Object.entries(advisories)) {
    const reason = typeof value === 'string' ? value : value?.reason;
    if (typeof reason !== 'string' || reason.trim().length < 10) {
      errors.push(`${id}: give the reason this advisory is acceptable (at least a sentence)`);
      continue;
    }
    entries.set(advisoryKey(id), { id, reason: reason.trim() });
  }
  return { entries, errors };
}

/**
 * The verdict: `failed` when an advisory at or above `level` is not allowed (or the allow-list is malformed),
 * `passed` otherwise, `unavailable` when npm could not run the audit at all. Allowed advisories that no longer
 * appear are listed so the allow-list can shrink.
 */
export function checkAudit(output, allowlistJson, { level = 'high' } = {}) {
  const allowlist = readAllowlist(allowlistJson);
  const audit = interpretAuditOutput(output);
  if (audit.kind === 'unavailable') {
    return {
      status: allowlist.errors.length ? 'failed' : 'unavailable',
      reason: audit.reason,
      level,
      allowed: [],
      blocked: [],
      unused: [],
      errors: allowlist.errors,
    };
  }
  const advisories = collectAdvisories(audit.report, level);
  const allowed = [];
  const blocked = [];
  for (const advisory of advisories) {
    const entry = allowlist.entries.get(advisory.id) ?? (advisory.url ? allowlist.entries.get(advisoryKey(advisory.url)) : undefined);
    if (entry) allowed.push({ ...advisory, reason: entry.reason });
    else blocked.push(advisory);
  }
  const seen = new Set(advisories.map((a) => a.id));
  const unused = [...allowlist.entries.keys()].filter((key) => !seen.has(key));
  const status = blocked.length || allowlist.errors.length ? 'failed' : 'passed';
  return { status, level, allowed, blocked, unused, errors: allowlist.errors, totals: audit.report.metadata?.vulnerabilities ?? null };
}

/** The lines printed for a verdict. */
export function formatSummary(result) {
  const lines = [];
  const describe = (a) =>
    `  ${a.severity.padEnd(8)} ${a.id} ${a.package}${a.range ? ` ${a.range}` : ''}: ${a.title}${a.affects.length > 1 ? ` (reaches ${a.affects.join(', ')})` : ''}`;
  for (const error of result.errors) lines.push(`allow-list error: ${error}`);
  if (result.status === 'unavailable') {
    lines.push(`npm audit could NOT run: ${result.reason}.`);
    lines.push('Production dependencies were not checked for advisories in this run; this is not a pass.');
    return lines;
  }
  if (result.status === 'failed' && result.reason) lines.push(`npm audit could not run: ${result.reason}.`);
  if (result.blocked?.length) {
    lines.push(
      `${result.blocked.length} advisor${result.blocked.length === 1 ? 'y' : 'ies'} at ${result.level} or above, not in audit-allowlist.json:`,
    );
    lines.push(...result.blocked.map(describe));
  }
  if (result.allowed?.length) {
    lines.push(`${result.allowed.length} allowed by audit-allowlist.json:`);
    for (const a of result.allowed) lines.push(`${describe(a)}\n           reason: ${a.reason}`);
  }
  if (result.unused?.length) lines.push(`no longer reported, remove from audit-allowlist.json: ${result.unused.join(', ')}`);
  if (result.status === 'passed' && !result.allowed.length)
    lines.push(`npm audit: no advisories at ${result.level} or above in production dependencies.`);
  lines.push(`npm audit (${result.level}+, production): ${result.status.toUpperCase()}`);
  return lines;
}
