import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { PROBLEM_STATUS } from '../../../src/common/errors/problem-status';
import { startTestApp, type TestApp } from '../../support/app';
import { apiContractCalls, type ContractCall } from '../../support/api-contract';

type Responses = Record<
  string,
  { content?: Record<string, { schema?: { allOf?: Array<{ properties?: { code?: { enum?: string[] } } }> } }> }
>;
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses: Responses }>>;
  components: { schemas: Record<string, unknown> };
}

const ROOT = join(__dirname, '../../../../..');
const CONTRACT = join(ROOT, 'docs/API.md');

/** The problem codes a documented response lists for a status (from its `code` enum). */
function documentedCodes(responses: Responses, status: number): string[] {
  const schema = responses[String(status)]?.content?.['application/problem+json']?.schema;
  return schema?.allOf?.[1]?.properties?.code?.enum ?? [];
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    doc = res.body as OpenApiDocument;
  });

  afterAll(async () => {
    await t.close();
  });

  it('should be a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('should describe every success answer of every operation with a schema, except empty and file answers', () => {
    const undocumented: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const ok = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        if (ok.length === 0) undocumented.push(`${method.toUpperCase()} ${path}: no success answer`);
        for (const [status, response] of ok) {
          if (status === '204') continue;
          const content = response.content ?? {};
          if (Object.keys(content).length === 0) undocumented.push(`${method.toUpperCase()} ${path} ${status}: no body schema`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('should keep its copy of the API contract identical to the shared one when that is beside the project', () => {
    const shared = join(ROOT, '../shared/API.md');
    if (!existsSync(shared)) return;
    expect(readFileSync(CONTRACT, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });

  describe('against docs/API.md', () => {
    const calls = apiContractCalls(readFileSync(CONTRACT, 'utf8'));

    it('should read the contract calls of the built sections', () => {
      // Health, accounts, organisations, volunteers, needs … hours, giving: the milestone-1 core.
      expect(calls.length).toBeGreaterThanOrEqual(30);
    });

    it.each(calls.map((c): [string, ContractCall] => [`${c.method} ${c.path}`, c]))(
      'should document %s with its statuses and codes',
      (_name, call) => {
        const operation = doc.paths[call.path]?.[call.method.toLowerCase()];
        expect(operation).toBeDefined();
        const statuses = Object.keys(operation!.responses).map(Number);
        for (const status of call.statuses) expect(statuses).toContain(status);
        for (const code of call.codes) {
          const status = PROBLEM_STATUS[code].status;
          expect({ code, codes: documentedCodes(operation!.responses, status) }).toEqual({ code, codes: expect.arrayContaining([code]) });
        }
      },
    );
  });
});
