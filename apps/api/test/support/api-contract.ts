import type { ProblemCode } from '@kindred/contracts';
import { PROBLEM_STATUS } from '../../src/common/errors/problem-status';

/** One call of the API contract (docs/API.md): its method and path, and the statuses and problem codes it names. */
export interface ContractCall {
  section: string;
  method: string;
  path: string;
  statuses: number[];
  codes: ProblemCode[];
}

/**
 * Sections of the contract whose contexts are not built yet. Each leaves this list in the change that builds it,
 * so from then on its calls are checked against the OpenAPI document like all others.
 */
export const PENDING_SECTIONS = [
  'Children (the registry, 档案) — milestone 2',
  'Notifications — milestone 2',
  'Statistics — milestone 2',
];

const isProblemCode = (word: string): word is ProblemCode => Object.hasOwn(PROBLEM_STATUS, word);

/**
 * Reads the calls of every table row: the first cell names one or more calls (`POST /api/v1/x/{id}/a`, and
 * shorthands like `.../b` or `/b` for a sibling path), the last cell the answer with its statuses and codes.
 */
export function apiContractCalls(markdown: string): ContractCall[] {
  const calls: ContractCall[] = [];
  let prose = '';
  let section = '';
  for (const line of markdown.split('\n')) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      section = heading[1].trim();
      prose = '';
    }
    if (!line.startsWith('|')) prose += ` ${line}`;
    if (!line.startsWith('| `') || PENDING_SECTIONS.includes(section)) continue;
    const creatingCodes = /creating calls/.test(prose) ? [...prose.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]).filter(isProblemCode) : [];
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());
    const answer = cells[cells.length - 1];
    const statuses = [...new Set([...answer.matchAll(/\b([245]\d\d)\b/g)].map((m) => Number(m[1])))];
    const codes = [...new Set([...answer.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]).filter(isProblemCode))];
    // Codes a section's prose names for all its creating calls (Giving: `idempotency_key_reused`).
    let previous: { method: string; path: string } | null = null;
    for (const [, text] of cells[0].matchAll(/`([^`]+)`/g)) {
      const full = /^(GET|POST|PUT|PATCH|DELETE) (\/\S+)$/.exec(text);
      if (full) previous = { method: full[1], path: full[2] };
      else if (previous && /^(\.\.\.)?\/[\w{}-]+$/.test(text)) {
        previous = {
          method: previous.method,
          path: `${previous.path.slice(0, previous.path.lastIndexOf('/'))}/${text.replace(/^\.\.\.\//, '').replace(/^\//, '')}`,
        };
      } else continue;
      const extra = previous.method === 'POST' ? creatingCodes : [];
      calls.push({ section, method: previous.method, path: previous.path, statuses, codes: [...new Set([...codes, ...extra])] });
    }
  }
  return calls;
}
