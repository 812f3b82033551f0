// Socket holder for drivers/socket-fanout.mjs: a child process (forked with IPC) that opens its share
// of the socket.io clients and timestamps every `event` each of them receives. It does nothing else,
// so that its event loop stays as free as it can for receiving. Timestamps are process.hrtime
// (CLOCK_MONOTONIC), comparable with the coordinator's in another process on the same machine.
import { io } from 'socket.io-client';

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** @type {{ socket: import('socket.io-client').Socket, replica: number, seen: Set<string> }[]} */
const clients = [];
// key -> receipt times, one array per receiving replica (index into the coordinator's server list)
let receipts = new Map();
let received = 0;
let duplicates = 0;
let disconnects = 0;
let foreign = 0;
// Keys of writes that are not measured (the warm-up): their late copies are counted apart.
let ignored = new Set();
let late = 0;

function record(client, envelope) {
  const t = now();
  const key = envelope?.data?.userId;
  if (typeof key !== 'string') {
    foreign++;
    return;
  }
  if (ignored.has(key)) {
    late++;
    return;
  }
  if (client.seen.has(key)) {
    duplicates++;
    return;
  }
  client.seen.add(key);
  received++;
  let entry = receipts.get(key);
  if (!entry) receipts.set(key, (entry = [[], []]));
  entry[client.replica].push(t);
}

/** Opens `targets` with at most `concurrency` handshakes in flight; resolves with the outcome. */
function connectAll(targets, concurrency, timeoutMs) {
  const started = now();
  let next = 0;
  let inFlight = 0;
  let ok = 0;
  let failed = 0;
  const errors = {};
  return new Promise((resolve) => {
    const pump = () => {
      if (next >= targets.length && inFlight === 0) {
        resolve({ ok, failed, errors, seconds: (now() - started) / 1000 });
        return;
      }
      while (inFlight < concurrency && next < targets.length) {
        const target = targets[next++];
        inFlight++;
        const socket = io(target.url, {
          path: '/socket.io',
          transports: ['websocket'],
          auth: target.auth,
          forceNew: true,
          reconnection: false,
          timeout: timeoutMs,
        });
        const client = { socket, replica: target.replica, seen: new Set(), open: false };
        let settled = false;
        const done = (error) => {
          if (settled) return;
          settled = true;
          inFlight--;
          if (error) {
            failed++;
            const message = error.message ?? String(error);
            errors[message] = (errors[message] ?? 0) + 1;
            socket.close();
          } else {
            ok++;
            client.open = true;
            clients.push(client);
          }
          setImmediate(pump);
        };
        socket.on('event', (envelope) => record(client, envelope));
        socket.once('connect', () => done());
        socket.once('connect_error', (error) => done(error));
        socket.on('disconnect', () => {
          if (client.open) disconnects++;
        });
      }
    };
    pump();
  });
}

process.on('message', async (message) => {
  switch (message.cmd) {
    case 'connect': {
      const outcome = await connectAll(message.targets, message.concurrency, message.timeoutMs);
      process.send({ type: 'connected', ...outcome });
      break;
    }
    case 'reset':
      for (const key of message.ignore ?? []) ignored.add(key);
      receipts = new Map();
      received = 0;
      duplicates = 0;
      foreign = 0;
      process.send({ type: 'reset' });
      break;
    case 'status':
      process.send({
        type: 'status',
        received,
        connected: clients.reduce((n, c) => n + (c.socket.connected ? 1 : 0), 0),
        perReplica: clients.reduce((acc, c) => ((acc[c.replica] += c.socket.connected ? 1 : 0), acc), [0, 0]),
        disconnects,
        late,
        cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
        rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
      });
      break;
    case 'collect':
      process.send({ type: 'receipts', receipts: [...receipts.entries()], received, duplicates, foreign, late, disconnects });
      break;
    case 'close':
      for (const client of clients) {
        client.open = false;
        client.socket.close();
      }
      process.send({ type: 'closed' });
      setTimeout(() => process.exit(0), 100);
      break;
    default:
      break;
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready' });
