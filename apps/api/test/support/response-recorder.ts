import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** One answer the API gave during a test: what was asked, the status, the content type and the raw body. */
export interface RecordedResponse {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: Buffer;
}

/**
 * Records every answer of an HTTP server by listening before the framework does and copying what is written,
 * so a whole session of ordinary calls (factories included) can be checked afterwards.
 */
export function recordResponses(server: Server): RecordedResponse[] {
  const recorded: RecordedResponse[] = [];
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    // Fastify hands its headers to writeHead rather than setting them one by one.
    let headContentType = '';
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      const headers = rest.find((r) => r !== null && typeof r === 'object') as Record<string, unknown> | undefined;
      const found = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type');
      if (found) headContentType = String(found[1]);
      return writeHead(status, ...rest);
    }) as typeof res.writeHead;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const keep = (chunk: unknown, encoding?: unknown): void => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
      );
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      recorded.push({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        status: res.statusCode,
        contentType: String(res.getHeader('content-type') ?? headContentType),
        body: Buffer.concat(chunks),
      });
      return end(chunk, ...rest);
    }) as typeof res.end;
  });
  return recorded;
}

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

/** A failure of one recorded answer against the document, in words. */
export interface Mismatch {
  call: string;
  problem: string;
}

function withDocumentRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withDocumentRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `openapi${v}` : withDocumentRefs(v),
      ]),
    );
  }
  return value;
}

/** Checks recorded answers against the OpenAPI document: a documented operation, status and media type, and a body that fits its schema. */
export class ResponseChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly routes: Array<{ pattern: RegExp; path: string }>;
  /** `METHOD /path status` of every answer that was checked. */
  readonly covered = new Set<string>();

  constructor(private readonly doc: OpenApiDoc) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ components: withDocumentRefs(doc.components) }, 'openapi');
    this.routes = Object.keys(doc.paths)
      .map((path) => ({ path, pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`) }))
      // Literal segments before parameters: /needs/search would win over /needs/{id}.
      .sort((a, b) => b.path.replace(/\{[^}]+\}/g, '').length - a.path.replace(/\{[^}]+\}/g, '').length);
  }

  check(response: RecordedResponse): Mismatch | null {
    const path = response.url.split('?')[0];
    const call = `${response.method} ${path} → ${response.status}`;
    const route = this.routes.find((r) => r.pattern.test(path));
    const operation = route ? this.doc.paths[route.path][response.method.toLowerCase()] : undefined;
    if (!route || !operation) return { call, problem: 'no such operation in the document' };
    const documented = operation.responses[String(response.status)];
    if (!documented)
      return { call, problem: `status ${response.status} is not documented (documented: ${Object.keys(operation.responses).join(', ')})` };
    this.covered.add(`${response.method} ${route.path} ${response.status}`);
    const mediaType = response.contentType.split(';')[0].trim();
    const content = documented.content ?? {};
    if (Object.keys(content).length === 0) {
      return response.body.length === 0 ? null : { call, problem: 'a body where the document promises none' };
    }
    const media = content[mediaType];
    if (!media)
      return { call, problem: `media type ${mediaType || '(none)'} is not documented (documented: ${Object.keys(content).join(', ')})` };
    if (!mediaType.endsWith('json')) return null;
    const key = `${route.path} ${response.method} ${response.status} ${mediaType}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(withDocumentRefs(media.schema ?? {}) as object);
      this.compiled.set(key, validate);
    }
    const body: unknown = JSON.parse(response.body.toString('utf8'));
    if (validate(body)) return null;
    return { call, problem: this.ajv.errorsText(validate.errors, { separator: '; ' }) };
  }
}
