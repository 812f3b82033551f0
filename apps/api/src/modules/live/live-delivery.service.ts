import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SOCKET_EVENT, SOCKET_REPLAY_DONE, type EventPayloads, type ReplayDone } from '@kindred/contracts';
import type { Server, Socket } from 'socket.io';
import type { Principal } from '../../common/auth/principal';
import { AppConfig } from '../../config/app-config';
import { orgRoom, toEnvelope, toLiveEvent, userRoom, type LiveEvent } from './live-event';
import { LiveEventsRepository } from './live-events.repository';

/** The adapter channel on which the publisher's replica hands batches to the other replicas. */
export const CLUSTER_EVENT = 'kindred:live';
const REPLAY_PAGE = 500;

/** What the publisher hands out: events in id order, and its position before them. */
export interface PublishedBatch {
  /** Every event up to here was in earlier batches; a replica that delivered less missed some. */
  after: number;
  events: LiveEvent[];
}

/**
 * A socket that cannot simply take room broadcasts yet: it is replaying
 * (live events are held), or it has been sent events up to `watermark` that
 * this replica has not delivered live yet (later live copies must be dropped).
 */
interface GuardedSocket {
  socket: Socket;
  replaying: boolean;
  held: LiveEvent[];
  watermark: number;
}

/**
 * Delivers published events to the sockets of this replica, exactly once and
 * in id order per socket.
 *
 * Events arrive in id order: from the publisher when it runs here, from the
 * other replicas' publisher through the socket.io adapter (Redis) otherwise.
 * A batch can arrive twice when the publisher role moves (the new publisher
 * re-sends the last batch), so anything at or below `lastDelivered` is dropped.
 * Redis pub/sub delivers at most once: a replica that finds a batch starting
 * above what it delivered (it missed one during a Redis outage) reads the
 * missing events from the table first. Batches are handled one at a time.
 *
 * The publisher records its position before it sends, so every event up to
 * the stored position is either delivered here already or still on its way.
 * A connecting socket joins its rooms and is guarded *before* it reads that
 * position: events up to it come from the table (replay), later ones arrive
 * live and are held until the replay is sent, then flushed above what was
 * sent — no gap and no duplicate across the switch.
 */
@Injectable()
export class LiveDeliveryService implements OnApplicationBootstrap {
  private readonly logger = new Logger(LiveDeliveryService.name);
  private server: Server | null = null;
  private lastDelivered = 0;
  /** Set once `lastDelivered` starts from the stored position; before that a "missed" range means nothing. */
  private ready = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly guarded = new Map<string, GuardedSocket>();

  constructor(
    private readonly events: LiveEventsRepository,
    private readonly config: AppConfig,
  ) {}

  /** Called by the gateway once socket.io is up. */
  attach(server: Server): void {
    this.server = server;
    if (this.clustered) server.on(CLUSTER_EVENT, (batch: PublishedBatch) => this.enqueue(batch));
  }

  async onApplicationBootstrap(): Promise<void> {
    // Sockets connect after start-up and replay up to the stored position, so older copies need not go out here.
    const { position } = await this.events.streamState();
    this.lastDelivered = Math.max(this.lastDelivered, position);
    this.ready = true;
  }

  /** Sends a published batch to every replica: this one directly, the others through the adapter. */
  publish(batch: PublishedBatch): void {
    if (batch.events.length === 0) return;
    this.enqueue(batch);
    if (this.clustered && this.server) this.server.serverSideEmit(CLUSTER_EVENT, batch);
  }

  /** Resolves once every batch received so far has been handed to the sockets (tests, shutdown). */
  async idle(): Promise<void> {
    await this.queue;
  }

  /** Joins the socket's rooms, replays what it missed after `lastEventId`, then lets live events through. */
  async open(socket: Socket, principal: Principal, lastEventId: number | null): Promise<void> {
    const orgIds = principal.memberships.filter((m) => m.organizationStatus !== 'suspended').map((m) => m.organizationId);
    const state: GuardedSocket = { socket, replaying: true, held: [], watermark: lastEventId ?? 0 };
    // Join and guard in the same tick, before any await: from here on no live event can pass this socket by.
    // (Both adapters used here, in-memory and Redis, add the rooms locally and synchronously.)
    void socket.join([userRoom(principal.userId), ...orgIds.map(orgRoom)]);
    this.guarded.set(socket.id, state);

    const { position } = await this.events.streamState();
    let replayed = 0;
    let truncated = false;
    if (lastEventId !== null && lastEventId > position) {
      // An id this stream never handed out (a restored database, another deployment): start afresh.
      state.watermark = 0;
      truncated = true;
    } else if (lastEventId !== null && lastEventId < position) {
      for (let after = lastEventId; ;) {
        const page = await this.events.replayPage(after, position, principal.userId, orgIds, REPLAY_PAGE);
        if (!socket.connected) return;
        for (const row of page) socket.emit(SOCKET_EVENT, toEnvelope(row));
        replayed += page.length;
        if (page.length < REPLAY_PAGE) break;
        after = page[page.length - 1].id;
      }
      // Read after the pages: pruning raises this before it deletes, so a replay that missed rows sees it.
      truncated = lastEventId < (await this.events.streamState()).prunedThrough;
    }
    if (!socket.connected) return;

    // Everything up to `position` that this socket may see has been sent; held copies of it are dropped.
    state.watermark = Math.max(state.watermark, position);
    for (const event of state.held) {
      if (event.envelope.eventId <= state.watermark) continue;
      socket.emit(SOCKET_EVENT, event.envelope);
      state.watermark = event.envelope.eventId;
    }
    state.replaying = false;
    state.held = [];
    socket.emit(SOCKET_REPLAY_DONE, { lastEventId: state.watermark, replayed, truncated } satisfies ReplayDone);
    this.releaseCaughtUp();
  }

  close(socketId: string): void {
    this.guarded.delete(socketId);
  }

  private get clustered(): boolean {
    return this.config.redis.url !== null;
  }

  private enqueue(batch: PublishedBatch): void {
    this.queue = this.queue
      .then(() => this.receive(batch))
      .catch((error: unknown) => this.logger.error(`Live delivery failed: ${(error as Error).message}`));
  }

  private async receive(batch: PublishedBatch): Promise<void> {
    if (this.ready && batch.after > this.lastDelivered) await this.fill(batch.after);
    this.deliverLocal(batch.events);
  }

  /** Reads events this replica missed, (lastDelivered, upTo], from the table; they are all published, hence final. */
  private async fill(upTo: number): Promise<void> {
    this.logger.warn(`Live events ${this.lastDelivered + 1}..${upTo} did not arrive here; reading them from the outbox`);
    for (let after = this.lastDelivered; ;) {
      const rows = await this.events.range(after, upTo, REPLAY_PAGE);
      this.deliverLocal(rows.map(toLiveEvent));
      if (rows.length < REPLAY_PAGE) break;
      after = rows[rows.length - 1].id;
    }
    this.lastDelivered = Math.max(this.lastDelivered, upTo);
  }

  private deliverLocal(batch: LiveEvent[]): void {
    const server = this.server;
    for (const event of batch) {
      const id = event.envelope.eventId;
      if (id <= this.lastDelivered) continue;
      this.lastDelivered = id;
      // An empty room list would mean "everyone": an event without an audience goes nowhere.
      if (!server || event.rooms.length === 0) continue;
      if (this.guarded.size === 0) {
        server.local.to(event.rooms).emit(SOCKET_EVENT, event.envelope);
      } else {
        server.local
          .to(event.rooms)
          .except([...this.guarded.keys()])
          .emit(SOCKET_EVENT, event.envelope);
        for (const state of this.guarded.values()) {
          if (!event.rooms.some((room) => state.socket.rooms.has(room))) continue;
          if (state.replaying) {
            state.held.push(event);
          } else if (id > state.watermark) {
            state.socket.emit(SOCKET_EVENT, event.envelope);
            state.watermark = id;
          }
        }
      }
      this.applyRoomChanges(server, event);
    }
    this.releaseCaughtUp();
  }

  /** A guarded socket goes back to plain room broadcasts once this replica has caught up with what it was sent. */
  private releaseCaughtUp(): void {
    for (const [id, state] of this.guarded) {
      if (!state.replaying && state.watermark <= this.lastDelivered) this.guarded.delete(id);
    }
  }

  /**
   * Rooms follow memberships while connected: a member who is removed, or an
   * organisation that is suspended, stops receiving that organisation's events
   * right after the event that says so. New memberships take effect on the
   * next connect (the client sees membership.changed in its user room).
   */
  private applyRoomChanges(server: Server, event: LiveEvent): void {
    const { type, data } = event.envelope;
    if (type === 'membership.changed') {
      const change = data as EventPayloads['membership.changed'];
      if (change.role === null) server.local.in(userRoom(change.userId)).socketsLeave(orgRoom(change.organizationId));
    } else if (type === 'organization.updated') {
      const update = data as EventPayloads['organization.updated'];
      if (update.status === 'suspended') server.local.in(orgRoom(update.organizationId)).socketsLeave(orgRoom(update.organizationId));
    }
  }

  /** For diagnostics and tests: how far this replica has delivered. */
  get deliveredThrough(): number {
    return this.lastDelivered;
  }
}
