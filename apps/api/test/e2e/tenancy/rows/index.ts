import type { MatrixRow } from '../matrix';
import { childrenRows } from './children.rows';
import { concernsRows } from './concerns.rows';
import { engagementRows } from './engagement.rows';
import { givingRows } from './giving.rows';
import { identityRows } from './identity.rows';
import { matchingRows } from './matching.rows';
import { needsRows } from './needs.rows';
import { volunteersRows } from './volunteers.rows';

/** Every context adds its rows here; the matrix fails for any route without one. */
export const MATRIX_ROWS: MatrixRow[] = [...identityRows, ...givingRows, ...engagementRows, ...volunteersRows, ...needsRows, ...matchingRows, ...childrenRows, ...concernsRows];
