import { describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { EventEnvelope } from '@kindred/contracts';
import { createLiveProvider, createReplayTracker } from './live-provider';
import { LiveConnection, type HandshakeAuth } from './socket';

type Handler = (...args: unknown[]) => void;

/** Just enough of a socket.io client socket: records handshakes and lets the test play the server. */
class FakeSocket {
  connected = false;
  active = false;
  handshakes: HandshakeAuth[] = [];
  private readonly handlers = new Map<string, Handler[]>();

  constructor(private readonly auth: (cb: (data: object) => void) => void) {}

  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  connect() {
    this.active = true;
    this.auth((data) => this.handshakes.push(data as HandshakeAuth));
    return this;
  }
  disconnect() {
    const wasConnected = this.connected;
    this.connected = false;
    this.active = false;
    if (wasConnected) this.fire('disconnect', 'io client disconnect');
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
  // Server side of the handshake.
  accept() {
    this.connected = true;
    this.fire('connect');
  }
  refuse(message: string) {
    this.active = false;
    this.fire('connect_error', new Error(message));
  }
}

function setup(options: { refresh?: () => Promise<boolean> } = {}) {
  let token = 'access-1';
  const tracker = createReplayTracker(null);
  const sockets: FakeSocket[] = [];
  const refreshToken = vi.fn(
    options.refresh ??
      (async () => {
        token = 'access-2';
        return true;
      }),
  );
  const connection = new LiveConnection({
    getToken: () => token,
    getLastEventId: () => tracker.lastEventId,
    refreshToken,
    createSocket: (auth) => {
      const socket = new FakeSocket(auth);
      sockets.push(socket);
      return socket as unknown as Socket;
    },
  });
  const provider = createLiveProvider({ connection, tracker, windowMs: 0 });
  return { connection, tracker, sockets, refreshToken, provider, setToken: (t: string) => (token = t) };
}

const event = (eventId: number): EventEnvelope => ({
  eventId,
  type: 'need.updated',
  occurredAt: '2025-06-01T08:00:00+08:00',
  data: { needId: 'n1', organizationId: 'o1', status: 'open' },
});

describe('live connection', () => {
  it('should connect with the token and no lastEventId the first time', () => {
    const { connection, sockets } = setup();

    connection.start();
    connection.start();

    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.handshakes).toEqual([{ token: 'access-1' }]);
    expect(connection.getStatus()).toBe('connecting');
    sockets[0]!.accept();
    expect(connection.getStatus()).toBe('connected');
  });

  it('should present the highest event id seen when it reconnects', () => {
    const { connection, sockets, tracker } = setup();
    connection.start();
    const socket = sockets[0]!;
    socket.accept();

    for (const id of [3, 4, 2]) socket.fire('event', event(id));
    expect(tracker.lastEventId).toBe(4);

    socket.disconnect();
    socket.connect();

    expect(socket.handshakes.at(-1)).toEqual({ token: 'access-1', lastEventId: 4 });
  });

  it('should refresh the token and reconnect with it when the handshake is refused as unauthorized', async () => {
    const { connection, sockets, refreshToken, tracker } = setup();
    tracker.accept({ eventId: 9 });
    connection.start();
    const socket = sockets[0]!;

    socket.refuse('unauthorized');
    await vi.waitFor(() => expect(socket.handshakes).toHaveLength(2));

    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(socket.handshakes[1]).toEqual({ token: 'access-2', lastEventId: 9 });
    socket.accept();
    expect(connection.getStatus()).toBe('connected');
  });

  it('should stop retrying and report unauthorized when the refreshed token is refused too', async () => {
    const { connection, sockets, refreshToken } = setup();
    connection.start();
    const socket = sockets[0]!;

    socket.refuse('unauthorized');
    await vi.waitFor(() => expect(socket.handshakes).toHaveLength(2));
    socket.refuse('unauthorized');

    await vi.waitFor(() => expect(connection.getStatus()).toBe('unauthorized'));
    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(socket.handshakes).toHaveLength(2);
  });

  it('should refresh and reconnect when the server closes the socket', async () => {
    const { connection, sockets, refreshToken } = setup();
    connection.start();
    const socket = sockets[0]!;
    socket.accept();

    socket.connected = false;
    socket.active = false;
    socket.fire('disconnect', 'io server disconnect');
    await vi.waitFor(() => expect(socket.handshakes).toHaveLength(2));

    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(socket.handshakes[1]?.token).toBe('access-2');
  });

  it('should report unauthorized without reconnecting when the refresh fails', async () => {
    const { connection, sockets } = setup({ refresh: async () => false });
    connection.start();
    sockets[0]!.refuse('unauthorized');

    await vi.waitFor(() => expect(connection.getStatus()).toBe('unauthorized'));
    expect(sockets[0]!.handshakes).toHaveLength(1);
  });

  it('should hand events to the live provider and go idle on stop', () => {
    const { connection, sockets, provider } = setup();
    const statuses: string[] = [];
    connection.subscribeStatus(() => statuses.push(connection.getStatus()));
    vi.useFakeTimers();
    try {
      const callback = vi.fn();
      provider.subscribe({ channel: 'resources/needs', types: ['*'], callback });
      sockets[0]!.accept();
      sockets[0]!.fire('event', event(1));
      vi.runAllTimers();
      expect(callback).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }

    connection.stop();
    expect(statuses).toEqual(['connecting', 'connected', 'idle']);
    expect(sockets[0]!.connected).toBe(false);
  });
});
