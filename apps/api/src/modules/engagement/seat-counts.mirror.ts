import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { NeedFactsService } from '../needs';
import { SeatsRepository } from './seats.repository';

/** How long changes to one shift are gathered before its counts are copied once. */
const COALESCE_MS = 100;

/**
 * Copies engagement's seat counts onto the needs context's shifts (for its
 * lists and search) after the sign-up has committed, gathering a burst into
 * one write. Doing it inside the sign-up would hold a second row lock in the
 * hot path and lock rows in the opposite order to a capacity edit. Each copy
 * reads the current counts, so the last one always leaves them right.
 * Pending copies live only in memory, so a killed process (kill -9, OOM)
 * loses them: every start first corrects whatever a previous one left stale.
 */
@Injectable()
export class SeatCountsMirror implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SeatCountsMirror');
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly seats: SeatsRepository,
    private readonly needs: NeedFactsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const corrected = await this.reconcile();
    if (corrected.length > 0) this.logger.warn(`corrected stale seat counts of ${corrected.length} shift(s) left by an earlier process`);
  }

  /** Corrects every shift whose copied counts differ from the seat table, in one statement. */
  reconcile(): Promise<string[]> {
    return this.transactions.run((tx) => this.seats.reconcileShiftCounts(tx));
  }

  touch(shiftId: string): void {
    if (this.pending.has(shiftId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(shiftId);
      void this.copy(shiftId).catch((error: unknown) => this.logger.warn({ err: error }, `could not copy seat counts of shift ${shiftId}`));
    }, COALESCE_MS);
    timer.unref();
    this.pending.set(shiftId, timer);
  }

  async copy(shiftId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const counts = await this.seats.counts(tx, shiftId);
      await this.needs.recordCounts(tx, shiftId, counts);
    });
  }

  /** Copies whatever is still pending, so a clean shutdown leaves nothing stale. */
  async onApplicationShutdown(): Promise<void> {
    const shiftIds = [...this.pending.keys()];
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const shiftId of shiftIds) await this.copy(shiftId).catch(() => undefined);
  }
}
