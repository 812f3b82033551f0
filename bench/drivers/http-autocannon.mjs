// Load driver: runs autocannon in its own process (so the load generator shares no event loop
// with what is measured) and prints one JSON line with the normalised result.
// Input: argv[2] is the path of a JSON spec file (a file, because seeded data can outgrow argv);
// see bench/README.md "Drivers".
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));

async function autocannonOptions() {
  const options = {
    url: new URL(spec.path, spec.url).toString(),
    method: spec.method ?? 'GET',
    headers: spec.headers ?? {},
    connections: spec.connections,
    pipelining: 1,
    timeout: spec.timeoutSeconds ?? 10,
  };
  if (spec.body !== undefined) options.body = spec.body;
  // A scenario can build per-request bodies or headers (tokens, ids) in this process through a named export.
  if (spec.requestsHook) {
    const module = await import(pathToFileURL(spec.scenarioFile).href);
    const hook = module[spec.requestsHook];
    if (typeof hook !== 'function') throw new Error(`${spec.scenarioFile} has no export ${spec.requestsHook}()`);
    options.requests = await hook(spec.data, spec.side);
  }
  return options;
}

/**
 * Runs autocannon once. `latencies`, when given, collects each 2xx response time in ms as a float:
 * autocannon's own histogram rounds to whole milliseconds, too coarse for a 1 ms baseline.
 * Like autocannon, only 2xx responses count toward latency; the others are counted as errors.
 */
function run(options, latencies) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (latencies) {
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      });
    }
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (value) => (value === null ? null : Math.round(value * 1000) / 1000);

const base = await autocannonOptions();
if (spec.warmupSeconds > 0) await run({ ...base, duration: spec.warmupSeconds });
const measured = spec.amount ? { ...base, amount: spec.amount } : { ...base, duration: spec.durationSeconds };
const latencies = [];
const result = await run(measured, latencies);
const sorted = Float64Array.from(latencies).sort();

const completed = result.requests.total;
const out = {
  requests: completed,
  durationSeconds: result.duration,
  reqPerSec: result.duration > 0 ? completed / result.duration : 0,
  latencyMs: {
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.length ? sorted[sorted.length - 1] : null),
    mean: round(sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null),
  },
  errors: {
    non2xx: result.non2xx,
    socket: result.errors - result.timeouts,
    timeouts: result.timeouts,
    total: result.non2xx + result.errors,
  },
  statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
};
process.stdout.write(`${JSON.stringify(out)}\n`);
