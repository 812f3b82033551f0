import type { MixedList } from 'typeorm';
import { Init1795923956901 } from './1795923956901-Init';
import { Idempotency1795924703457 } from './1795924703457-Idempotency';

/** Every migration, in order. `npm run migration:generate -- Name` writes the file; list it here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: MixedList<Function | string> = [Init1795923956901, Idempotency1795924703457];
