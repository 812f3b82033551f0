import { applyDecorators } from '@nestjs/common';
import { ApiProduces, ApiResponse, type OpenAPIObject } from '@nestjs/swagger';
import type { ProblemCode } from '@kindred/contracts';
import contractSchemas from '../../../../../libs/contracts/schema/contracts.schema.json';
import { PROBLEM_STATUS } from '../errors/problem-status';

/**
 * The OpenAPI document describes answers with the shapes of `libs/contracts` (one source): their JSON Schema
 * is generated from the TypeScript types (`npm run contracts:schema`) and merged into the document here.
 */
type SchemaObject = Record<string, unknown>;
export type ContractName = keyof typeof contractSchemas.definitions;

const ref = (name: ContractName): SchemaObject => ({ $ref: `#/components/schemas/${name}` });

/** What a route answers with: one contract shape, a list of them, a cursor page, a ranked page, or one of several. */
export type AnswerShape =
  | ContractName
  | { array: ContractName }
  | { page: ContractName }
  | { list: ContractName }
  | { ranked: ContractName }
  | { oneOf: ContractName[] }
  | { file: string[] }
  | null;

function schemaOf(shape: Exclude<AnswerShape, null | { file: string[] }>): SchemaObject {
  if (typeof shape === 'string') return ref(shape);
  if ('array' in shape) return { type: 'array', items: ref(shape.array) };
  if ('oneOf' in shape) return { oneOf: shape.oneOf.map(ref) };
  if ('list' in shape)
    return {
      type: 'object',
      properties: { data: { type: 'array', items: ref(shape.list) } },
      required: ['data'],
      additionalProperties: false,
    };
  const data = { type: 'array', items: ref('page' in shape ? shape.page : shape.ranked) };
  if ('page' in shape) {
    return {
      type: 'object',
      properties: { data, nextCursor: { type: ['string', 'null'] }, total: { type: 'integer' } },
      required: ['data', 'nextCursor'],
      additionalProperties: false,
    };
  }
  return {
    type: 'object',
    properties: { data, nextCursor: { type: ['string', 'null'] }, modelVersion: { type: 'string' } },
    required: ['data', 'nextCursor', 'modelVersion'],
    additionalProperties: false,
  };
}

/** Documents a route's success answer (status and body) with a contract shape; `null` for an empty body. */
export function ApiAnswer(status: number, shape: AnswerShape, description = 'OK'): MethodDecorator {
  if (shape === null) return ApiResponse({ status, description });
  if (typeof shape === 'object' && 'file' in shape) {
    return applyDecorators(
      ApiProduces(...shape.file),
      ApiResponse({
        status,
        description,
        content: Object.fromEntries(shape.file.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
      }),
    );
  }
  return ApiResponse({ status, description, content: { 'application/json': { schema: schemaOf(shape) } } });
}

const PROBLEM_TYPE = 'application/problem+json';

function problemResponse(codes: readonly ProblemCode[]): { description: string; content: Record<string, { schema: SchemaObject }> } {
  return {
    description: codes.map((c) => PROBLEM_STATUS[c].title).join('; '),
    content: {
      [PROBLEM_TYPE]: {
        schema: { allOf: [ref('Problem'), { type: 'object', properties: { code: { type: 'string', enum: [...codes] } } }] },
      },
    },
  };
}

/** Groups problem codes by their HTTP status (from the one code → status table). */
function byStatus(codes: readonly ProblemCode[]): Map<number, ProblemCode[]> {
  const groups = new Map<number, ProblemCode[]>();
  for (const code of codes) {
    const status = PROBLEM_STATUS[code].status;
    groups.set(status, [...(groups.get(status) ?? []), code]);
  }
  return groups;
}

/** Documents the coded problems a route answers with beyond the ones every route shares (see `completeDocument`). */
export function ApiProblems(...codes: ProblemCode[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...[...byStatus(codes)].map(([status, group]) => ApiResponse({ status, ...problemResponse(group) })));
}

/** Problems any route may answer with, by what the route takes. */
const COMMON: { always: ProblemCode[]; withInput: ProblemCode[]; secured: ProblemCode[] } = {
  always: ['internal_error', 'service_unavailable', 'too_many_requests'],
  withInput: ['validation_failed', 'malformed_body', 'value_rejected'],
  secured: ['unauthorized', 'token_expired'],
};

type Operation = {
  parameters?: unknown[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { description?: string; content?: Record<string, { schema?: SchemaObject }> }>;
};

/** Rewrites JSON Schema `#/definitions/X` references to OpenAPI's `#/components/schemas/X`. */
function toComponents(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toComponents);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        key === '$ref' && typeof v === 'string' ? v.replace('#/definitions/', '#/components/schemas/') : toComponents(v),
      ]),
    );
  }
  return value;
}

/**
 * Finishes the generated document: OpenAPI 3.1 (JSON Schema types such as `["string","null"]`), the contract
 * shapes as components, and on every operation the problems it shares with all others (server failure,
 * overload, throttling; bad input where it takes any; authentication where it is secured), merged with the
 * route's own coded problems of the same status.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  const doc = document as unknown as {
    openapi: string;
    components?: { schemas?: Record<string, unknown> };
    paths: Record<string, Record<string, Operation>>;
  };
  doc.openapi = '3.1.0';
  doc.components ??= {};
  doc.components.schemas = { ...(doc.components.schemas ?? {}), ...(toComponents(contractSchemas.definitions) as Record<string, unknown>) };
  for (const item of Object.values(doc.paths)) {
    for (const operation of Object.values(item)) {
      const codes = [...COMMON.always];
      if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody) codes.push(...COMMON.withInput);
      if ((operation.security?.length ?? 0) > 0) codes.push(...COMMON.secured, 'forbidden');
      // A path with an id names a record the caller may not see or that does not exist: the same 404 either way.
      if ((operation.parameters as Array<{ in?: string }> | undefined)?.some((p) => p.in === 'path')) codes.push('not_found');
      for (const [status, group] of byStatus(codes)) {
        const current = operation.responses[String(status)];
        // A route that answers this status with a body of its own (health's 503) keeps it.
        if (current?.content && !current.content[PROBLEM_TYPE]) continue;
        const existing = current?.content?.[PROBLEM_TYPE]?.schema as { allOf?: SchemaObject[] } | undefined;
        const declared = ((existing?.allOf?.[1] as { properties?: { code?: { enum?: ProblemCode[] } } } | undefined)?.properties?.code
          ?.enum ?? []) as ProblemCode[];
        operation.responses[String(status)] = problemResponse([...new Set([...declared, ...group])]);
      }
    }
  }
  return document;
}
