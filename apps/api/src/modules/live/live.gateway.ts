import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import {
  SOCKET_SESSION_EXPIRING,
  SOCKET_SUBSCRIBE,
  SOCKET_UNSUBSCRIBE,
  type LiveConnectError,
  type SessionExpiring,
  type SubscribeAck,
} from '@kindred/contracts';
import type { ExtendedError, Server, Socket } from 'socket.io';
import { PRINCIPAL_RESOLVER, type Principal, type PrincipalResolver } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { LiveDeliveryService } from './live-delivery.service';
import { needRoom } from './live-event';
import { NEED_ACCESS, type NeedAccess } from './need-access';

export const LIVE_PATH = '/socket.io';

/** What the handshake leaves on each socket. */
interface LiveSocketData {
  principal: Principal;
  lastEventId: number | null;
  expiryTimer?: NodeJS.Timeout;
}

type LiveSocket = Socket & { data: LiveSocketData };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// setTimeout fires at once for delays above 2^31-1 ms; tokens never live that long, but be safe.
const MAX_TIMER_MS = 2_147_483_647;

function connectError(message: LiveConnectError, code?: string): ExtendedError {
  const error: ExtendedError = new Error(message);
  if (code) error.data = { code };
  return error;
}

/** `lastEventId` as sent by the client: absent, or a non-negative integer (a number or its digits). */
function parseLastEventId(value: unknown): number | null | undefined {
  if (value === undefined || value === null) return null;
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * socket.io on the API's own port: authenticates the handshake, puts each
 * socket in its rooms (its user, its organisations) and answers `subscribe`
 * for need rooms. It translates socket.io and nothing else; delivery and
 * replay live in LiveDeliveryService. Clients never publish.
 */
@WebSocketGateway({ path: LIVE_PATH, transports: ['websocket'], serveClient: false })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(LiveGateway.name);

  constructor(
    @Inject(PRINCIPAL_RESOLVER) private readonly principals: PrincipalResolver,
    @Inject(NEED_ACCESS) private readonly needs: NeedAccess,
    private readonly delivery: LiveDeliveryService,
  ) {}

  afterInit(server: Server): void {
    // Authentication happens in the handshake, so a refused client gets connect_error and never a socket.
    server.use((socket, next) => {
      this.authenticate(socket as LiveSocket).then(
        () => next(),
        (error: ExtendedError) => next(error),
      );
    });
    this.delivery.attach(server);
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    const { principal, lastEventId } = socket.data;
    this.scheduleExpiry(socket, principal.expiresAt);
    try {
      await this.delivery.open(socket, principal, lastEventId);
    } catch (error) {
      this.logger.error(`Live replay failed: ${(error as Error).message}`);
      socket.disconnect(true);
    }
  }

  handleDisconnect(socket: LiveSocket): void {
    if (socket.data.expiryTimer) clearTimeout(socket.data.expiryTimer);
    this.delivery.close(socket.id);
  }

  /** Joins `need:{id}` when the caller may see that need (decided per record by the needs context). */
  @SubscribeMessage(SOCKET_SUBSCRIBE)
  async subscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const needId = (body as { needId?: unknown } | null)?.needId;
    if (typeof needId !== 'string' || !UUID.test(needId)) return { ok: false, code: 'validation_failed' };
    const decision = await this.needs.canSubscribe(socket.data.principal, needId.toLowerCase());
    if (decision !== 'allowed') return { ok: false, code: decision };
    await socket.join(needRoom(needId.toLowerCase()));
    return { ok: true };
  }

  @SubscribeMessage(SOCKET_UNSUBSCRIBE)
  async unsubscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const needId = (body as { needId?: unknown } | null)?.needId;
    if (typeof needId !== 'string' || !UUID.test(needId)) return { ok: false, code: 'validation_failed' };
    await socket.leave(needRoom(needId.toLowerCase()));
    return { ok: true };
  }

  private async authenticate(socket: LiveSocket): Promise<void> {
    const auth = (socket.handshake.auth ?? {}) as { token?: unknown; lastEventId?: unknown };
    if (typeof auth.token !== 'string' || auth.token.length === 0) throw connectError('unauthorized');
    const lastEventId = parseLastEventId(auth.lastEventId);
    if (lastEventId === undefined) throw connectError('invalid_last_event_id');
    let principal: Principal;
    try {
      principal = await this.principals.resolve(auth.token);
    } catch (error) {
      if (error instanceof DomainError) throw connectError('unauthorized', error.code === 'token_expired' ? 'token_expired' : undefined);
      this.logger.error(`Live handshake failed: ${(error as Error).message}`);
      throw connectError('unavailable');
    }
    if (principal.expiresAt <= Date.now()) throw connectError('unauthorized', 'token_expired');
    socket.data = { principal, lastEventId };
  }

  /**
   * A socket outlives nothing its token does not: when the access token runs
   * out, the client is told why and disconnected, so it refreshes the token
   * and reconnects with its lastEventId (missing nothing, by replay).
   */
  private scheduleExpiry(socket: LiveSocket, expiresAt: number): void {
    const delay = Math.min(Math.max(0, expiresAt - Date.now()), MAX_TIMER_MS);
    socket.data.expiryTimer = setTimeout(() => {
      socket.emit(SOCKET_SESSION_EXPIRING, { reason: 'token_expired' } satisfies SessionExpiring);
      socket.disconnect(true);
    }, delay);
  }
}
