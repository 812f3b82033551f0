// Fan-out driver: holds N socket.io clients spread over two servers (API replicas, or the bare
// socket.io baseline) and measures the time from a write's HTTP response (the commit) to each
// socket's receipt of the event that write produced.
//
// The sockets live in child processes (drivers/socket-fanout-clients.mjs, forked with IPC), this
// process only fires the writes at a fixed rate and does the arithmetic, so that the HTTP response
// times it records are not delayed by thousands of incoming socket frames. All processes use
// process.hrtime (CLOCK_MONOTONIC), which is one clock for every process on the machine.
//
// Input: argv[2] is the JSON spec file (bench/README.md "Drivers"); the scenario's data says what
// to connect to: data.plan (tiers, rate, ...) and data.sides[side] (servers, trigger, auth).
// Output: one JSON line in the usual shape, `latencyMs` being the largest tier's commit-to-delivery
// latency, plus `fanout` with every tier in detail.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const plan = spec.data.plan;
const side = spec.data.sides[spec.side];
if (!side) throw new Error(`the scenario's data has no sides.${spec.side}`);
const seconds = spec.durationSeconds ?? plan.seconds;
// How long to wait for deliveries after the last write before counting the rest as missing.
const graceMs = (plan.graceSeconds ?? 15) * 1000;
const log = (message) => process.stderr.write(`[fan-out driver ${spec.side}] ${message}\n`);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const round = (value) => (value === null || value === undefined ? null : Math.round(value * 1000) / 1000);

// ---- helpers -------------------------------------------------------------------------------------

function percentiles(values) {
  if (values.length === 0) return { n: 0, p50: null, p90: null, p99: null, max: null, mean: null };
  const sorted = Float64Array.from(values).sort();
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    n: sorted.length,
    p50: round(at(50)),
    p90: round(at(90)),
    p99: round(at(99)),
    max: round(sorted[sorted.length - 1]),
    mean: round(sum / sorted.length),
  };
}

function procStatus(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      rssMiB: Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024,
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100, // CLK_TCK is 100 on Linux
    };
  } catch {
    return null;
  }
}

/** The soft and hard limits on open files of this process (Linux), or null. */
function openFileLimits() {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const [soft, hard] = line.split(/\s{2,}/).slice(1, 3);
    const parse = (v) => (v === 'unlimited' ? Infinity : Number(v));
    return { soft: parse(soft), hard: parse(hard) };
  } catch {
    return null;
  }
}

// ---- socket holders ------------------------------------------------------------------------------

class Holder {
  constructor(index, fdLimit) {
    const file = new URL('./socket-fanout-clients.mjs', import.meta.url).pathname;
    const stdio = ['ignore', 'ignore', 'inherit', 'ipc'];
    // Each socket is a file descriptor: raise the soft limit up to the hard one when this process's is too low.
    this.child = fdLimit
      ? spawn('/bin/sh', ['-c', `ulimit -n ${fdLimit} && exec "$0" "$@"`, process.execPath, file], { stdio })
      : spawn(process.execPath, [file], { stdio });
    this.index = index;
    this.waiters = new Map();
    this.child.on('message', (message) => {
      const waiter = this.waiters.get(message.type);
      if (waiter) {
        this.waiters.delete(message.type);
        waiter(message);
      }
    });
    this.exited = new Promise((resolve) => this.child.once('exit', resolve));
  }

  /** Sends a command and waits for the reply of type `reply`. */
  ask(cmd, reply, extra = {}, timeoutMs = 600_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`socket holder ${this.index}: no '${reply}' within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.set(reply, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
      this.child.send({ cmd, ...extra });
    });
  }

  ready() {
    return new Promise((resolve) => this.waiters.set('ready', resolve));
  }

  async close() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await Promise.race([this.ask('close', 'closed', {}, 5000).catch(() => undefined), sleep(5000)]);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await Promise.race([this.exited, sleep(3000)]);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

const all = (holders, fn) => Promise.all(holders.map(fn));

async function status(holders) {
  const replies = await all(holders, (h) => h.ask('status', 'status'));
  return {
    received: replies.reduce((n, r) => n + r.received, 0),
    connected: replies.reduce((n, r) => n + r.connected, 0),
    perReplica: replies.reduce((acc, r) => [acc[0] + r.perReplica[0], acc[1] + r.perReplica[1]], [0, 0]),
    disconnects: replies.reduce((n, r) => n + r.disconnects, 0),
    clientCpuSeconds: replies.map((r) => r.cpuSeconds),
    clientRssMiB: replies.map((r) => r.rssMiB),
  };
}

// ---- writes --------------------------------------------------------------------------------------

let joinerIndex = 0;

/** One write through server `via`; resolves with its key and timings. */
async function fire(via) {
  const server = side.servers[via];
  let key;
  let url;
  let body;
  const headers = { 'content-type': 'application/json' };
  if (side.kind === 'app') {
    const joiner = side.joiners[joinerIndex++];
    if (!joiner) throw new Error('ran out of seeded users to add (raise JOINERS in the scenario)');
    key = joiner.id;
    url = `${server.url}/api/v1/organizations/${side.orgId}/members`;
    body = { login: joiner.login, role: 'staff' };
    headers.authorization = `Bearer ${side.ownerToken}`;
  } else {
    key = randomUUID();
    url = `${server.url}/emit`;
    body = { room: side.room, key };
  }
  const tSend = now();
  try {
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    const tResp = now();
    const ok = response.status >= 200 && response.status < 300;
    if (!ok) log(`write via ${server.name} answered ${response.status}: ${text.slice(0, 200)}`);
    return { key, via, tSend, tResp, status: response.status, ok };
  } catch (error) {
    log(`write via ${server.name} failed: ${error.message}`);
    return { key, via, tSend, tResp: now(), status: 'error', ok: false };
  }
}

/** Fires `count` writes at `rate` per second on a fixed schedule (open loop), alternating the servers. */
async function fireAt(count, rate) {
  const start = now();
  const pending = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 0) await sleep(wait);
    pending.push(fire(i % side.servers.length));
  }
  return Promise.all(pending);
}

/** Polls the holders until `expected` receipts arrived or `graceMs` passed since the last write. */
async function awaitDelivery(holders, expected, waitMs = graceMs) {
  const deadline = now() + waitMs;
  let last = await status(holders);
  while (last.received < expected && now() < deadline) {
    await sleep(200);
    last = await status(holders);
  }
  return last;
}

// ---- measurement ---------------------------------------------------------------------------------

function sampler(pids) {
  const peaks = new Map(pids.map((pid) => [pid, 0]));
  const sample = () => {
    for (const pid of pids) {
      const s = procStatus(pid);
      if (s) peaks.set(pid, Math.max(peaks.get(pid), s.rssMiB));
    }
  };
  const timer = setInterval(sample, 250);
  sample();
  return {
    reset() {
      for (const pid of pids) peaks.set(pid, 0);
      sample();
    },
    peak: (pid) => Math.round(peaks.get(pid)),
    stop: () => clearInterval(timer),
  };
}

function analyse(writes, holderReceipts) {
  const byKey = new Map(writes.filter((w) => w.ok).map((w) => [w.key, w]));
  const all = [];
  const fromSend = [];
  const byWrite = side.servers.map(() => []);
  const byReceiver = side.servers.map(() => []);
  const completion = [];
  let negative = 0;
  let unknown = 0;
  const perEvent = new Map();
  for (const { receipts } of holderReceipts) {
    for (const [key, perReplica] of receipts) {
      const write = byKey.get(key);
      if (!write) {
        unknown += perReplica[0].length + perReplica[1].length;
        continue;
      }
      let latest = perEvent.get(key) ?? -Infinity;
      perReplica.forEach((times, receiver) => {
        for (const t of times) {
          let latency = t - write.tResp;
          // The event can be read before this process has read the response that says it committed.
          if (latency < 0) {
            negative++;
            latency = 0;
          }
          all.push(latency);
          fromSend.push(t - write.tSend);
          byWrite[write.via].push(latency);
          byReceiver[receiver].push(latency);
          if (t > latest) latest = t;
        }
      });
      perEvent.set(key, latest);
    }
  }
  for (const [key, latest] of perEvent) completion.push(Math.max(0, latest - byKey.get(key).tResp));
  return {
    commitToDeliveryMs: percentiles(all),
    sendToDeliveryMs: percentiles(fromSend),
    byWriteReplica: Object.fromEntries(
      side.servers.map((s, i) => [`via ${s.name}${s.role ? ` (${s.role})` : ''}`, percentiles(byWrite[i])]),
    ),
    byReceivingReplica: Object.fromEntries(
      side.servers.map((s, i) => [`on ${s.name}${s.role ? ` (${s.role})` : ''}`, percentiles(byReceiver[i])]),
    ),
    lastSocketPerEventMs: percentiles(completion),
    receivedBeforeResponseRead: negative,
    unknownKeys: unknown,
  };
}

async function main() {
  const clientsCount = plan.clients ?? 2;
  const maxSockets = Math.max(...plan.tiers);
  const perHolder = Math.ceil(maxSockets / clientsCount) + 64;
  const limits = openFileLimits();
  let fdLimit = null;
  if (limits && limits.soft < perHolder) {
    if (limits.hard < perHolder)
      log(
        `open files limit is ${limits.soft}/${limits.hard}; ${perHolder} are needed per socket holder: sockets will fail to open (raise ulimit -n)`,
      );
    fdLimit = Math.min(limits.hard, Math.max(perHolder * 2, 4096));
  }

  const holders = Array.from({ length: clientsCount }, (_, i) => new Holder(i, fdLimit));
  await all(holders, (h) => h.ready());
  const pids = side.servers.map((s) => s.pid);
  const rss = sampler(pids);
  const idle = Object.fromEntries(side.servers.map((s) => [s.name, Math.round(procStatus(s.pid)?.rssMiB ?? 0)]));
  const tiers = [];
  let opened = 0;
  let connectFailures = 0;
  let connectErrors = {};
  const statusCodes = {};
  let lastWrites = [];
  let lastSeconds = 0;
  try {
    for (const tier of plan.tiers) {
      // 1. Open the sockets this tier adds, in batches, round-robin over servers and holders.
      const targets = holders.map(() => []);
      for (let i = opened; i < tier; i++) {
        const replica = i % side.servers.length;
        const auth = side.kind === 'app' ? { token: side.tokens[i] } : { room: side.room, user: `u${i}` };
        // Each holder gets sockets of both servers, so that a holder's own delays do not show up as one server's.
        targets[Math.floor(i / side.servers.length) % holders.length].push({ url: side.servers[replica].url, replica, auth });
      }
      log(`opening ${tier - opened} sockets (to ${tier})`);
      const connectStart = now();
      const outcomes = await all(holders, (h, i) =>
        h.ask('connect', 'connected', { targets: targets[i], concurrency: plan.concurrency ?? 50, timeoutMs: 30_000 }),
      );
      const connectSeconds = (now() - connectStart) / 1000;
      opened = tier;
      for (const o of outcomes) {
        connectFailures += o.failed;
        for (const [message, n] of Object.entries(o.errors)) connectErrors[message] = (connectErrors[message] ?? 0) + n;
      }
      log(`sockets open after ${connectSeconds.toFixed(1)} s (${outcomes.reduce((n, o) => n + o.failed, 0)} failed)`);
      await sleep(plan.settleMs ?? 1500);

      // 2. Warm-up writes, not counted (their late copies are ignored).
      await all(holders, (h) => h.ask('reset', 'reset'));
      let before = await status(holders);
      if (plan.warmupEvents > 0) {
        const warm = await fireAt(plan.warmupEvents, plan.ratePerSecond);
        await awaitDelivery(holders, warm.filter((w) => w.ok).length * before.connected, Math.min(graceMs, 5000));
        await all(holders, (h) => h.ask('reset', 'reset', { ignore: warm.map((w) => w.key) }));
        await sleep(500);
      }
      before = await status(holders);

      // 3. The measured writes.
      rss.reset();
      const loadAvgBefore = loadavg().map((v) => Number(v.toFixed(2)));
      const cpuBefore = Object.fromEntries(side.servers.map((s) => [s.name, procStatus(s.pid)?.cpuSeconds ?? null]));
      const rssBefore = Object.fromEntries(side.servers.map((s) => [s.name, Math.round(procStatus(s.pid)?.rssMiB ?? 0)]));
      const count = Math.round(plan.ratePerSecond * seconds);
      log(`${before.connected} sockets connected (${before.perReplica.join(' + ')}); ${count} writes at ${plan.ratePerSecond}/s`);
      const windowStart = now();
      const writes = await fireAt(count, plan.ratePerSecond);
      const okWrites = writes.filter((w) => w.ok).length;
      const expected = okWrites * before.connected;
      const after = await awaitDelivery(holders, expected);
      const windowSeconds = (now() - windowStart) / 1000;
      const cpu = Object.fromEntries(
        side.servers.map((s) => {
          const end = procStatus(s.pid)?.cpuSeconds;
          return [s.name, end === undefined || cpuBefore[s.name] === null ? null : Number((end - cpuBefore[s.name]).toFixed(2))];
        }),
      );
      const holderReceipts = await all(holders, (h) => h.ask('collect', 'receipts'));
      const delivered = holderReceipts.reduce((n, r) => n + r.received, 0);
      const duplicates = holderReceipts.reduce((n, r) => n + r.duplicates, 0);
      for (const w of writes) statusCodes[w.status] = (statusCodes[w.status] ?? 0) + 1;
      const stats = analyse(writes, holderReceipts);
      tiers.push({
        sockets: tier,
        connected: before.connected,
        perReplica: Object.fromEntries(side.servers.map((s, i) => [s.name, before.perReplica[i]])),
        connectSeconds: Number(connectSeconds.toFixed(2)),
        writes: count,
        writesOk: okWrites,
        ratePerSecond: plan.ratePerSecond,
        expected,
        delivered,
        missing: Math.max(0, expected - delivered),
        duplicates,
        disconnectsDuringWindow: after.disconnects - before.disconnects,
        ...stats,
        rssMiB: Object.fromEntries(
          side.servers.map((s) => [
            s.name,
            { idle: idle[s.name], beforeWrites: rssBefore[s.name], peak: rss.peak(s.pid), end: Math.round(procStatus(s.pid)?.rssMiB ?? 0) },
          ]),
        ),
        serverCpuSeconds: cpu,
        windowSeconds: Number(windowSeconds.toFixed(2)),
        clientCpuSeconds: after.clientCpuSeconds.map((c, i) => Number((c - before.clientCpuSeconds[i]).toFixed(2))),
        clientRssMiB: after.clientRssMiB,
        loadAvgBefore,
        loadAvgAfter: loadavg().map((v) => Number(v.toFixed(2))),
      });
      const c = stats.commitToDeliveryMs;
      log(`${tier} sockets: p50 ${c.p50} ms, p99 ${c.p99} ms, delivered ${delivered}/${expected}, duplicates ${duplicates}`);
      lastWrites = writes;
      lastSeconds = seconds;
    }
  } finally {
    rss.stop();
    await all(holders, (h) => h.close());
  }

  const headline = tiers[tiers.length - 1];
  const missing = tiers.reduce((n, t) => n + t.missing, 0);
  const duplicates = tiers.reduce((n, t) => n + t.duplicates, 0);
  const non2xx = tiers.reduce((n, t) => n + (t.writes - t.writesOk), 0);
  const lat = headline.commitToDeliveryMs;
  const out = {
    requests: lastWrites.length,
    durationSeconds: lastSeconds,
    reqPerSec: lastSeconds > 0 ? lastWrites.length / lastSeconds : 0,
    latencyMs: { p50: lat.p50, p90: lat.p90, p99: lat.p99, max: lat.max, mean: lat.mean },
    errors: {
      non2xx,
      socket: connectFailures,
      timeouts: missing,
      duplicates,
      total: non2xx + connectFailures + missing + duplicates,
    },
    statusCodes,
    fanout: {
      note:
        "latencyMs = commit-to-delivery at the largest tier: from the write's HTTP response (read by the coordinator) to each socket's receipt; " +
        'req/s is the fixed write rate. errors: socket = sockets that failed to open, timeouts = deliveries missing after the grace period. ' +
        `The ${clientsCount} socket-holding processes and the coordinator share the cores with the servers, PostgreSQL and Redis. ` +
        "The runner's serverRssMiB/serverCpuSeconds beside this are of a process this scenario does not load (or none); the servers' own are in tiers[].rssMiB and tiers[].serverCpuSeconds.",
      servers: side.servers.map(({ name, role, pid }) => ({ name, role: role ?? null, pid })),
      clients: clientsCount,
      connectErrors,
      tiers,
    },
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
