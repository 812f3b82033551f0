import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { FILE_STORAGE, type FileStorage, type StoredObject } from '../../common/storage/file-storage';
import { EvidenceRepository } from './evidence.repository';

/**
 * Long enough that an upload still in flight on another replica (file
 * written, row not yet committed) is never taken for an orphan.
 */
export const ORPHAN_GRACE_MS = 60 * 60_000;
const KEY = /^evidence\/[0-9a-f-]{36}\/([0-9a-f-]{36})(\.\d+\.tmp)?$/;
const BATCH = 500;

/**
 * Removes evidence files that have no row: an upload whose process died
 * between writing the file and committing the row, or a partial write.
 * Runs once at start; files it does not recognise are left alone.
 */
@Injectable()
export class EvidenceSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger('EvidenceSweeper');

  constructor(
    private readonly evidence: EvidenceRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const removed = await this.sweep();
    if (removed > 0) this.logger.warn(`removed ${removed} evidence file(s) without a record, left by an interrupted upload`);
  }

  /** Answers how many files it removed. */
  async sweep(now = Date.now()): Promise<number> {
    let removed = 0;
    let batch: Array<{ object: StoredObject; id: string; partial: boolean }> = [];
    const flush = async (): Promise<void> => {
      const known = await this.evidence.existingIds(batch.filter((f) => !f.partial).map((f) => f.id));
      for (const file of batch) {
        if (file.partial || !known.has(file.id)) {
          await this.storage.delete(file.object.key);
          removed += 1;
        }
      }
      batch = [];
    };
    for await (const object of this.storage.list('evidence')) {
      const match = KEY.exec(object.key);
      if (!match || now - object.modifiedAt.getTime() < ORPHAN_GRACE_MS) continue;
      batch.push({ object, id: match[1], partial: match[2] !== undefined });
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    return removed;
  }
}
