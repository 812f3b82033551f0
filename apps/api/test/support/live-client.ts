import type { EventEnvelope, LiveHandshakeAuth, ReplayDone, SessionExpiring, SubscribeAck } from '@kindred/contracts';
import { SOCKET_EVENT, SOCKET_REPLAY_DONE, SOCKET_SESSION_EXPIRING, SOCKET_SUBSCRIBE } from '@kindred/contracts';
import { io, type Socket } from 'socket.io-client';

/** A real socket.io client over 127.0.0.1 that records everything the server sends it. */
export interface LiveClient {
  socket: Socket;
  events: EventEnvelope[];
  replayDone: ReplayDone[];
  expired: SessionExpiring[];
  disconnectReasons: string[];
  /** Resolves once `count` events have arrived (fails after `timeoutMs`). */
  waitForEvents(count: number, timeoutMs?: number): Promise<EventEnvelope[]>;
  waitForReplayDone(timeoutMs?: number): Promise<ReplayDone>;
  subscribe(needId: unknown): Promise<SubscribeAck>;
  close(): void;
}

function open(url: string, auth: Partial<LiveHandshakeAuth> | Record<string, unknown>): Socket {
  return io(url, { path: '/socket.io', transports: ['websocket'], auth, reconnection: false, forceNew: true, timeout: 5000 });
}

export async function waitUntil(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Long enough for several publisher polls (200 ms): what has not arrived by then is not coming. */
export const QUIET_MS = 700;
export const quiet = (ms = QUIET_MS): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function connectLive(url: string, auth: LiveHandshakeAuth): Promise<LiveClient> {
  const socket = open(url, auth);
  const client: LiveClient = {
    socket,
    events: [],
    replayDone: [],
    expired: [],
    disconnectReasons: [],
    async waitForEvents(count, timeoutMs = 10_000) {
      await waitUntil(() => client.events.length >= count, timeoutMs, `${count} live events (have ${client.events.length})`);
      return client.events;
    },
    async waitForReplayDone(timeoutMs = 10_000) {
      await waitUntil(() => client.replayDone.length > 0, timeoutMs, 'replay.done');
      return client.replayDone[0];
    },
    subscribe(needId) {
      return socket.timeout(5000).emitWithAck(SOCKET_SUBSCRIBE, { needId }) as Promise<SubscribeAck>;
    },
    close() {
      socket.disconnect();
    },
  };
  socket.on(SOCKET_EVENT, (envelope: EventEnvelope) => client.events.push(envelope));
  socket.on(SOCKET_REPLAY_DONE, (done: ReplayDone) => client.replayDone.push(done));
  socket.on(SOCKET_SESSION_EXPIRING, (notice: SessionExpiring) => client.expired.push(notice));
  socket.on('disconnect', (reason) => client.disconnectReasons.push(reason));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return client;
}

/** Connects and expects the handshake to be refused; returns the connect_error message and data. */
export async function connectRefused(url: string, auth: Record<string, unknown>): Promise<{ message: string; data: unknown }> {
  const socket = open(url, auth);
  try {
    return await new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('the handshake was accepted')));
      socket.once('connect_error', (error: Error & { data?: unknown }) => resolve({ message: error.message, data: error.data }));
    });
  } finally {
    socket.disconnect();
  }
}
