// The scenario registry: every bench/scenarios/*.mjs default-exports one scenario (see bench/README.md).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const NAME = /^[a-z0-9][a-z0-9-]*$/;

function check(scenario, file) {
  const problems = [];
  if (!scenario || typeof scenario !== 'object') problems.push('no default export');
  else {
    if (typeof scenario.name !== 'string' || !NAME.test(scenario.name)) problems.push('name must be kebab-case');
    for (const side of ['app', 'bare']) {
      const spec = scenario[side];
      if (typeof spec !== 'function' && (typeof spec !== 'object' || spec === null))
        problems.push(`${side} must be an object or a function`);
    }
    if (typeof scenario.bare === 'object' && scenario.bare !== null && !scenario.bare.server && !scenario.bare.driver) {
      problems.push('bare.server (a baseline under bench/) is required');
    }
    if (scenario.setup !== undefined && typeof scenario.setup !== 'function') problems.push('setup must be a function');
    if (scenario.teardown !== undefined && typeof scenario.teardown !== 'function') problems.push('teardown must be a function');
  }
  if (problems.length > 0) throw new Error(`bench/scenarios/${file}: ${problems.join('; ')}`);
}

/** Loads the scenarios in file-name order, keeping only `only` (names) when given. */
export async function loadScenarios(benchDir, only) {
  const dir = join(benchDir, 'scenarios');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mjs'))
    .sort();
  const scenarios = [];
  for (const file of files) {
    const path = join(dir, file);
    const scenario = (await import(pathToFileURL(path).href)).default;
    check(scenario, file);
    if (scenarios.some((s) => s.name === scenario.name)) throw new Error(`two scenarios are named ${scenario.name}`);
    scenarios.push({ ...scenario, file: path });
  }
  if (!only || only.length === 0) return scenarios;
  const unknown = only.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown scenario(s): ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`);
  }
  return scenarios.filter((s) => only.includes(s.name));
}

/**
 * Turns a scenario's side ('app' or 'bare') into the JSON spec a driver runs.
 * Precedence for load settings: a flag given on the command line, then the scenario, then the default;
 * a side with `fixedLoad: true` (a storm of exactly N attempts, say) ignores the flags.
 */
export async function resolveSide(scenario, side, { ctx, data, defaults, flags, benchDir }) {
  const raw = typeof scenario[side] === 'function' ? await scenario[side](ctx, data) : scenario[side];
  const pick = (key, scenarioKey = key) =>
    raw.fixedLoad ? (raw[scenarioKey] ?? defaults[key]) : (flags[key] ?? raw[scenarioKey] ?? defaults[key]);
  const headers = { ...(raw.headers ?? {}) };
  let body = raw.body;
  if (body !== undefined && typeof body !== 'string') {
    body = JSON.stringify(body);
    headers['content-type'] ??= 'application/json';
  }
  const warmup = raw.warmup === false ? 0 : pick('warmup');
  return {
    side,
    method: raw.method ?? 'GET',
    path: raw.path ?? '/',
    headers,
    body,
    connections: pick('connections'),
    durationSeconds: raw.amount ? undefined : pick('duration'),
    amount: raw.amount,
    warmupSeconds: warmup,
    timeoutSeconds: raw.timeoutSeconds,
    requestsHook: raw.requestsHook,
    scenarioFile: scenario.file,
    data,
    driver: join(benchDir, raw.driver ?? 'drivers/http-autocannon.mjs'),
    // Bare side only.
    server: raw.server ? join(benchDir, raw.server) : undefined,
    serverEnv: raw.env ?? {},
    readyPath: raw.readyPath,
  };
}
