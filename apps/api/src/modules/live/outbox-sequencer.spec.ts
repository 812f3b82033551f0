import { OutboxSequencer, type SequencerSource } from './outbox-sequencer';

/** A stand-in for the outbox table: which ids are visible (committed) and which transactions hold a write lock. */
class FakeOutbox implements SequencerSource<{ id: number }> {
  readonly visible = new Set<number>();
  writers = new Set<string>();
  reads = 0;

  commit(...ids: number[]): void {
    ids.forEach((id) => this.visible.add(id));
  }

  async readAfter(position: number, limit: number): Promise<Array<{ id: number }>> {
    this.reads += 1;
    return [...this.visible]
      .filter((id) => id > position)
      .sort((a, b) => a - b)
      .slice(0, limit)
      .map((id) => ({ id }));
  }

  async outboxWriters(): Promise<string[]> {
    return [...this.writers];
  }
}

/** Drains like the publisher does: take batches and advance until nothing is ready. */
async function drain(sequencer: OutboxSequencer<{ id: number }>): Promise<number[]> {
  const out: number[] = [];
  for (;;) {
    const batch = await sequencer.next();
    if (batch.length === 0) return out;
    out.push(...batch.map((r) => r.id));
    sequencer.advance(batch[batch.length - 1].id);
  }
}

describe('OutboxSequencer', () => {
  it('should publish contiguous ids in order in batches when nothing is missing', async () => {
    const outbox = new FakeOutbox();
    outbox.commit(3, 1, 2, 5, 4);
    const sequencer = new OutboxSequencer(outbox, 0, 2);
    expect(await drain(sequencer)).toEqual([1, 2, 3, 4, 5]);
    expect(sequencer.position).toBe(5);
  });

  it('should hold back a later id while the transaction that may own the missing one is open', async () => {
    const outbox = new FakeOutbox();
    outbox.commit(1, 3); // 2 belongs to T1, still open
    outbox.writers = new Set(['T1']);
    const sequencer = new OutboxSequencer(outbox, 0, 100);
    expect(await drain(sequencer)).toEqual([1]);
    expect(sequencer.gap).toEqual({ below: 3, writers: new Set(['T1']), since: expect.any(Number) });
    expect(await drain(sequencer)).toEqual([]);

    outbox.commit(2);
    outbox.writers = new Set();
    expect(await drain(sequencer)).toEqual([2, 3]);
    expect(sequencer.gap).toBeNull();
  });

  it('should skip a rolled-back id once the writers open at the gap have ended even when new writers started since', async () => {
    const outbox = new FakeOutbox();
    outbox.commit(1, 3);
    outbox.writers = new Set(['T1']);
    const sequencer = new OutboxSequencer(outbox, 0, 100);
    expect(await drain(sequencer)).toEqual([1]);

    // T1 rolls back (2 never appears); T9 starts writing and holds id 5.
    outbox.writers = new Set(['T9']);
    outbox.commit(4);
    expect(await drain(sequencer)).toEqual([3, 4]);
    expect(sequencer.position).toBe(4);

    // Id 5 is T9's and T9 is open: 6 must wait for it.
    outbox.commit(6);
    expect(await drain(sequencer)).toEqual([]);
    outbox.commit(5);
    outbox.writers = new Set();
    expect(await drain(sequencer)).toEqual([5, 6]);
  });

  it('should skip missing ids at once when no transaction is writing to the outbox', async () => {
    const outbox = new FakeOutbox();
    outbox.commit(2, 3, 7);
    const sequencer = new OutboxSequencer(outbox, 0, 100);
    expect(await drain(sequencer)).toEqual([2, 3, 7]);
  });

  it('should read again after deciding a gap so that a commit landing meanwhile is published not skipped', async () => {
    const outbox = new FakeOutbox();
    outbox.commit(1, 3);
    outbox.writers = new Set(['T1']);
    const sequencer = new OutboxSequencer(outbox, 0, 100);
    await drain(sequencer);
    // T1 commits id 2 between our read and the writers check: the check sees no writer, the re-read sees 2.
    outbox.writers = new Set();
    outbox.commit(2);
    const readsBefore = outbox.reads;
    expect(await drain(sequencer)).toEqual([2, 3]);
    expect(outbox.reads).toBeGreaterThan(readsBefore);
  });

  it('should resume after the stored position without publishing anything at or below it', async () => {
    const outbox = new FakeOutbox();
    outbox.commit(1, 2, 3, 4);
    const sequencer = new OutboxSequencer(outbox, 2, 100);
    expect(await drain(sequencer)).toEqual([3, 4]);
  });
});
