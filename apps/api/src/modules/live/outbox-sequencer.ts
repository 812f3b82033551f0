/**
 * What the sequencer needs from the database. Both calls must run on one
 * session, one after the other, so that `outboxWriters` is observed *after*
 * the read that showed a gap.
 */
export interface SequencerSource<T extends { id: number }> {
  /** Committed events with id > `position`, ascending, at most `limit`. */
  readAfter(position: number, limit: number): Promise<T[]>;
  /** Transactions (by virtual transaction id) that now hold a write lock on the outbox table. */
  outboxWriters(): Promise<string[]>;
}

/** A hole in the ids right after the position, and the writers that may still fill it. */
export interface PendingGap {
  /** Every missing id below this was allocated before the gap was seen. */
  below: number;
  writers: ReadonlySet<string>;
  since: number;
}

/**
 * Decides which committed outbox events may be published, strictly in id
 * order, without skipping one that commits late.
 *
 * The problem: `events.id` is a sequence, allocated when a transaction inserts
 * its event, but transactions commit in any order. If T1 takes id 5 and T2
 * takes id 6 and commits first, a reader sees 6 and not 5. Publishing 6 and
 * moving on would lose 5 for good once T1 commits; waiting for 5 forever would
 * stall everything if T1 rolled back.
 *
 * The rule: publish only the contiguous run of ids after the position. At the
 * first hole, remember which transactions hold a write lock (RowExclusiveLock)
 * on the outbox table right now, looked up in `pg_locks` *after* the read that
 * showed the hole. The owner of a missing id took that lock before its
 * INSERT allocated the id (PostgreSQL locks the target table when it parses
 * the statement) and keeps it until it commits or rolls back. So once every
 * one of those transactions has ended, a fresh read shows the final state of
 * every id below the visible one: it is there (publish it) or it never will
 * be (rolled back, or a sequence value lost in a crash; skip it).
 *
 * Why this and not the alternatives:
 * - waiting a fixed time for a gap can still skip an event whose transaction
 *   runs longer, and adds that time to every rolled-back id;
 * - comparing a stored transaction id with the snapshot's `xmin`
 *   (`pg_snapshot_xmin(pg_current_snapshot())`) alone is not enough: an
 *   in-flight transaction can hold a *lower* event id than an already
 *   committed one that has an older xid, so a gap check is needed anyway, and
 *   waiting for `xmin` would also wait for unrelated long transactions (a
 *   rollup job) that never touch the outbox;
 * - serialising event writers behind one lock would cap sign-up throughput.
 * The cost: an outbox writer that stays open (idle in transaction) holds up
 * live delivery while a hole sits below its id; the publisher logs it.
 */
export class OutboxSequencer<T extends { id: number }> {
  /** Missing ids below this are known never to appear. */
  private finalBelow = 0;
  private pending: PendingGap | null = null;

  constructor(
    private readonly source: SequencerSource<T>,
    private currentPosition: number,
    private readonly batchSize: number,
    private readonly now: () => number = Date.now,
  ) {}

  get position(): number {
    return this.currentPosition;
  }

  get gap(): PendingGap | null {
    return this.pending;
  }

  /**
   * The next events to publish, in id order, or none if nothing can go yet.
   * Does not move the position: call `advance` once the batch is safely recorded.
   */
  async next(): Promise<T[]> {
    for (;;) {
      const rows = await this.source.readAfter(this.currentPosition, this.batchSize);
      const publishable: T[] = [];
      let expected = this.currentPosition + 1;
      let holeBelow: number | null = null;
      for (const row of rows) {
        if (row.id === expected || row.id <= this.finalBelow) {
          publishable.push(row);
          expected = row.id + 1;
        } else {
          holeBelow = row.id;
          break;
        }
      }
      if (this.pending && expected >= this.pending.below) this.pending = null;
      if (publishable.length > 0 || holeBelow === null) return publishable;

      if (!this.pending) {
        const writers = new Set(await this.source.outboxWriters());
        if (writers.size > 0) {
          this.pending = { below: holeBelow, writers, since: this.now() };
          return [];
        }
        // Nobody is writing: the missing ids were rolled back; read again so a commit that landed meanwhile is seen.
        this.finalBelow = Math.max(this.finalBelow, holeBelow);
        continue;
      }
      const stillOpen = (await this.source.outboxWriters()).filter((w) => this.pending!.writers.has(w));
      if (stillOpen.length > 0) {
        this.pending = { ...this.pending, writers: new Set(stillOpen) };
        return [];
      }
      // Every transaction that could own a missing id has ended; the next read is final for ids below `below`.
      this.finalBelow = Math.max(this.finalBelow, this.pending.below);
      this.pending = null;
    }
  }

  /** Records that every event up to `id` has been published. */
  advance(id: number): void {
    if (id > this.currentPosition) this.currentPosition = id;
  }
}
