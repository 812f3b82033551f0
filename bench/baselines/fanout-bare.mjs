// Bare baseline for the `fan-out` scenario: plain socket.io 4.8.3 with the same Redis adapter as the
// API (@socket.io/redis-adapter over ioredis). The scenario starts two of these on one Redis; a socket
// joins the room named in its handshake, and POST /emit answers first, then does one plain
// `io.to(room).emit('event', envelope)`, which the adapter fans out to the other process through Redis.
// No database, no authentication, no outbox: the floor the API's commit-to-delivery path is compared to.
// Env: PORT, HOST (default 127.0.0.1), REDIS_URL, REDIS_KEY (adapter key prefix; keeps runs apart).
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { Server } from 'socket.io';

const pub = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: null });
const sub = pub.duplicate();
for (const client of [pub, sub]) client.on('error', (error) => process.stderr.write(`redis: ${error.message}\n`));
await Promise.all([pub.connect(), sub.connect()]);

let eventId = 0;
const json = (response, status, body) =>
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));

const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/health') return json(response, 200, { status: 'ok' });
  if (request.method !== 'POST' || request.url !== '/emit') return json(response, 404, { status: 404 });
  let raw = '';
  request.setEncoding('utf8');
  request.on('data', (chunk) => (raw += chunk));
  request.on('end', () => {
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      return json(response, 400, { status: 400 });
    }
    if (typeof body?.room !== 'string' || typeof body?.key !== 'string') return json(response, 400, { status: 400 });
    // Like the API, the "commit" is answered before the event goes out.
    json(response, 201, { key: body.key });
    io.to(body.room).emit('event', {
      eventId: ++eventId,
      type: 'membership.changed',
      occurredAt: new Date().toISOString(),
      data: { organizationId: body.room.slice(4), userId: body.key, role: 'staff' },
    });
  });
});

const io = new Server(server, {
  path: '/socket.io',
  transports: ['websocket'],
  serveClient: false,
  adapter: createAdapter(pub, sub, { key: process.env.REDIS_KEY ?? 'fanout-bare' }),
});
io.use((socket, next) => {
  const { room, user } = socket.handshake.auth ?? {};
  if (typeof room !== 'string') return next(new Error('unauthorized'));
  socket.data = { rooms: typeof user === 'string' ? [room, `user:${user}`] : [room] };
  next();
});
io.on('connection', (socket) => socket.join(socket.data.rooms));

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');

function shutdown() {
  io.close();
  server.closeAllConnections();
  void Promise.allSettled([pub.quit(), sub.quit()]).finally(() => process.exit(0));
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
