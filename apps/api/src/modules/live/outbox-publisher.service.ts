import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { LiveDeliveryService } from './live-delivery.service';
import { toLiveEvent, type OutboxRow } from './live-event';
import { OutboxPublisherRepository, type PublisherSession } from './outbox-publisher.repository';
import { OutboxSequencer } from './outbox-sequencer';
import { OutboxService } from './outbox.service';

/** Tunables; the defaults suit production and tests alike. */
export const PUBLISHER_TIMING = {
  /** Poll in case a notification was lost (commits on any replica notify the publisher at once). */
  pollMs: 200,
  /** How often a replica without the role tries to take it. */
  lockRetryMs: 1000,
  batchSize: 500,
  pruneEveryMs: 60 * 60 * 1000,
  pruneBatch: 5000,
  /** Say so in the log when a hole in the ids has held publishing up this long. */
  gapWarnMs: 10_000,
};

type Role = 'stopped' | 'follower' | 'leader';

/**
 * Sends committed outbox events to the sockets, in id order, from exactly one
 * replica at a time.
 *
 * Every replica tries to take a PostgreSQL advisory lock on a session of its
 * own; the one that holds it publishes, the others retry every second. The
 * lock goes with the session, so a killed or cut-off publisher loses it and
 * the next try elsewhere takes over, continuing from the position stored in
 * `outbox_cursor`. The position is stored *before* a batch is sent: a
 * publisher that dies between the two leaves a batch that the next one sends
 * again, and replicas drop copies they already delivered — so takeover
 * neither loses nor duplicates. Which events may go is decided by
 * OutboxSequencer (commit-order gaps).
 */
@Injectable()
export class OutboxPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxPublisher.name);
  private role: Role = 'stopped';
  private session: PublisherSession | null = null;
  private sequencer: OutboxSequencer<OutboxRow> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt: Promise<void> | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private wakeAgain = false;
  private nextPruneAt = 0;
  private lastPruned = 0;
  private lastGapWarning = 0;
  private stopCommitListener: (() => void) | null = null;

  constructor(
    private readonly repository: OutboxPublisherRepository,
    private readonly outbox: OutboxService,
    private readonly delivery: LiveDeliveryService,
    private readonly config: AppConfig,
  ) {}

  get isLeader(): boolean {
    return this.role === 'leader';
  }

  onApplicationBootstrap(): void {
    this.role = 'follower';
    this.stopCommitListener = this.outbox.onCommit(() => this.wake());
    this.attemptToLead();
  }

  async onModuleDestroy(): Promise<void> {
    this.role = 'stopped';
    this.stopCommitListener?.();
    this.clearTimers();
    await this.attempt;
    await this.draining;
    await this.session?.close();
    this.session = null;
  }

  /** Publishes what is ready now (a commit on this replica calls this; so does the poll). */
  wake(): void {
    if (this.role !== 'leader') return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
    });
  }

  /** Waits until everything committed so far that can be published has been (tests, shutdown). */
  async settle(): Promise<void> {
    this.wake();
    while (this.draining) await this.draining;
  }

  /**
   * Prunes now instead of at the next hourly turn (tests, operations); returns how many events went.
   * Only the publisher prunes, inside its drain loop, so its session never runs two statements at once.
   */
  async pruneNow(): Promise<number> {
    if (this.role !== 'leader') return 0;
    this.nextPruneAt = 0;
    this.lastPruned = 0;
    await this.settle();
    return this.lastPruned;
  }

  private attemptToLead(): void {
    this.retryTimer = null;
    this.attempt = this.tryToLead().finally(() => {
      this.attempt = null;
    });
  }

  private async tryToLead(): Promise<void> {
    if (this.role !== 'follower') return;
    try {
      if (!this.session || this.session.isBroken) {
        await this.session?.close();
        this.session = null;
        const session = await this.repository.openSession();
        // Stopped meanwhile: do not keep a session nobody will close.
        if (this.role !== 'follower') return void (await session.close());
        this.session = session;
      }
      if (!(await this.session.tryLock())) {
        this.scheduleRetry();
        return;
      }
      const cursor = await this.session.loadCursor();
      // Stopped while the lock was being taken: shutdown ends the session, which gives the lock back.
      if (this.role !== 'follower') return;
      this.sequencer = new OutboxSequencer(this.session, cursor.position, PUBLISHER_TIMING.batchSize);
      this.role = 'leader';
      this.logger.log(`This replica now publishes live events, from event ${cursor.position}`);
      // The previous publisher stored this batch's position and may have died before sending it: send it again.
      const again = await this.session.readRange(cursor.previousPosition, cursor.position);
      if (this.role !== 'leader') return;
      this.delivery.publish({ after: cursor.previousPosition, events: again.map(toLiveEvent) });
      this.nextPruneAt = 0;
      // Commits on any replica arrive as notifications; the poll is the safety net for a lost one.
      await this.session.listen(() => this.wake());
      this.pollTimer = setInterval(() => this.wake(), PUBLISHER_TIMING.pollMs);
      this.wake();
    } catch (error) {
      this.logger.warn(`Could not take the publisher role: ${(error as Error).message}`);
      await this.stepDown();
    }
  }

  private async drain(): Promise<void> {
    const session = this.session;
    const sequencer = this.sequencer;
    if (!session || !sequencer) return;
    try {
      do {
        this.wakeAgain = false;
        for (;;) {
          const batch = await sequencer.next();
          if (this.role !== 'leader') return;
          if (batch.length === 0) break;
          const last = batch[batch.length - 1].id;
          const after = sequencer.position;
          await session.saveCursor(last, after);
          sequencer.advance(last);
          this.delivery.publish({ after, events: batch.map(toLiveEvent) });
        }
        this.warnOnLongGap(sequencer);
        if (Date.now() >= this.nextPruneAt) {
          this.nextPruneAt = Date.now() + PUBLISHER_TIMING.pruneEveryMs;
          this.lastPruned = await this.pruneAll();
        }
      } while (this.wakeAgain && this.role === 'leader');
    } catch (error) {
      if (this.role !== 'leader') return;
      this.logger.error(`Live publisher stopped: ${(error as Error).message}; another try follows`);
      this.draining = null;
      await this.stepDown();
    }
  }

  private async pruneAll(): Promise<number> {
    const session = this.session;
    const sequencer = this.sequencer;
    if (!session || !sequencer) return 0;
    const before = new Date(Date.now() - this.config.live.eventRetentionDays * 24 * 3600 * 1000);
    let total = 0;
    for (;;) {
      const deleted = await session.prune(before, sequencer.position, PUBLISHER_TIMING.pruneBatch);
      total += deleted;
      if (deleted < PUBLISHER_TIMING.pruneBatch || this.role !== 'leader') break;
    }
    if (total > 0) this.logger.log(`Pruned ${total} live events older than ${this.config.live.eventRetentionDays} days`);
    return total;
  }

  private warnOnLongGap(sequencer: OutboxSequencer<OutboxRow>): void {
    const gap = sequencer.gap;
    const now = Date.now();
    if (!gap || now - gap.since < PUBLISHER_TIMING.gapWarnMs || now - this.lastGapWarning < PUBLISHER_TIMING.gapWarnMs) return;
    this.lastGapWarning = now;
    this.logger.warn(
      `Live events after ${sequencer.position} wait for open transactions that wrote events (${[...gap.writers].join(', ')}) ` +
        `for ${Math.round((now - gap.since) / 1000)} s; an idle-in-transaction session holds them up`,
    );
  }

  /** Gives the role up (its session may be broken) and tries again later. */
  private async stepDown(): Promise<void> {
    const wasStopped = this.role === 'stopped';
    this.clearTimers();
    this.sequencer = null;
    await this.session?.close();
    this.session = null;
    if (wasStopped) return;
    this.role = 'follower';
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.role !== 'follower' || this.retryTimer) return;
    this.retryTimer = setTimeout(() => this.attemptToLead(), PUBLISHER_TIMING.lockRetryMs);
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.retryTimer = null;
    this.pollTimer = null;
  }
}
