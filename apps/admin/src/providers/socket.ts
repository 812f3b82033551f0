import { io, type Socket } from 'socket.io-client';
import { SOCKET_EVENT, SOCKET_SESSION_EXPIRING, type EventEnvelope } from '@kindred/contracts';

export type LiveStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'unauthorized';

export interface HandshakeAuth {
  token: string | null;
  lastEventId?: number;
}

type AuthCallback = (data: object) => void;
export type SocketFactory = (auth: (callback: AuthCallback) => void) => Socket;

export interface LiveConnectionOptions {
  getToken(): string | null;
  getLastEventId(): number | null;
  /** Silent token refresh; resolves whether a fresh access token is stored. */
  refreshToken(): Promise<boolean>;
  createSocket?: SocketFactory;
}

export const defaultSocketFactory: SocketFactory = (auth) =>
  io({
    path: '/socket.io',
    transports: ['websocket'],
    autoConnect: false,
    auth,
  });

export type EnvelopeListener = (envelope: EventEnvelope) => void;

/**
 * One socket.io connection per signed-in tab. It only listens: domain events arrive as `event`
 * envelopes and are handed to listeners; nothing is ever published from the client.
 */
export class LiveConnection {
  private socket: Socket | null = null;
  private status: LiveStatus = 'idle';
  private recovering = false;
  // Token recoveries since the last successful connect; stops a refused token from looping.
  private recoveriesSinceConnect = 0;
  private readonly statusListeners = new Set<() => void>();
  private readonly envelopeListeners = new Set<EnvelopeListener>();

  constructor(private readonly options: LiveConnectionOptions) {}

  /**
   * Read by socket.io at every (re)connection attempt, so a reconnect always presents the
   * current access token and the highest event id seen, and the server replays only what was missed.
   */
  handshakeAuth(): HandshakeAuth {
    const auth: HandshakeAuth = { token: this.options.getToken() };
    const lastEventId = this.options.getLastEventId();
    if (lastEventId !== null) auth.lastEventId = lastEventId;
    return auth;
  }

  getStatus = (): LiveStatus => this.status;

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  onEnvelope(listener: EnvelopeListener): () => void {
    this.envelopeListeners.add(listener);
    return () => this.envelopeListeners.delete(listener);
  }

  start(): void {
    if (this.socket) {
      if (!this.socket.connected && !this.socket.active) {
        this.setStatus('connecting');
        this.socket.connect();
      }
      return;
    }
    if (!this.options.getToken()) return;

    const factory = this.options.createSocket ?? defaultSocketFactory;
    const socket = factory((callback) => callback(this.handshakeAuth()));
    this.socket = socket;

    socket.on('connect', () => {
      this.recoveriesSinceConnect = 0;
      this.setStatus('connected');
    });
    socket.on('disconnect', (reason: string) => {
      // The server drops sockets whose token has expired; socket.io does not retry those by itself.
      if (reason === 'io server disconnect') void this.recoverAuth();
      else this.setStatus(socket.active ? 'reconnecting' : 'offline');
    });
    socket.on('connect_error', (error: Error) => {
      // A refused handshake is not retried by socket.io itself: refresh, then reconnect by hand.
      if (error.message === 'unauthorized') void this.recoverAuth();
      else this.setStatus(socket.active ? 'reconnecting' : 'offline');
    });
    socket.on(SOCKET_SESSION_EXPIRING, () => {
      void this.recoverAuth();
    });
    socket.on(SOCKET_EVENT, (envelope: EventEnvelope) => {
      for (const listener of this.envelopeListeners) listener(envelope);
    });

    this.setStatus('connecting');
    socket.connect();
  }

  stop(): void {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
    this.recoveriesSinceConnect = 0;
    this.setStatus('idle');
  }

  private async recoverAuth(): Promise<void> {
    if (this.recovering) return;
    if (this.recoveriesSinceConnect >= 1) {
      this.setStatus('unauthorized');
      return;
    }
    this.recovering = true;
    this.recoveriesSinceConnect += 1;
    try {
      const refreshed = await this.options.refreshToken();
      const socket = this.socket;
      if (!socket) return;
      if (!refreshed) {
        socket.disconnect();
        this.setStatus('unauthorized');
        return;
      }
      if (socket.connected || socket.active) socket.disconnect();
      this.setStatus('reconnecting');
      // The handshake auth is rebuilt on connect, carrying the new token and lastEventId.
      socket.connect();
    } finally {
      this.recovering = false;
    }
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }
}
