import type { MixedList } from 'typeorm';
import { Init1795923956901 } from './1795923956901-Init';

/** Every migration, in order. `npm run migration:generate -- Name` writes the file; list it here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: MixedList<Function | string> = [Init1795923956901];
