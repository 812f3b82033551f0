import type { MatrixRow } from '../matrix';
import { identityRows } from './identity.rows';

/** Every context adds its rows here; the matrix fails for any route without one. */
export const MATRIX_ROWS: MatrixRow[] = [...identityRows];
