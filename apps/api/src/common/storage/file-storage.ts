/** One stored file as a listing sees it. */
export interface StoredObject {
  key: string;
  modifiedAt: Date;
}

/** Where uploaded files live. Local disk by default; an S3-compatible store can implement the same contract. */
export interface FileStorage {
  put(key: string, content: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /** Every file under a folder, at any depth (partial writes a crash left behind included), for sweeping orphans. */
  list(prefix: string): AsyncIterable<StoredObject>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');
