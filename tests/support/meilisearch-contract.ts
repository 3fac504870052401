/**
 * The Meilisearch HTTP contract for tests: a validator for requests and responses built from
 * the OpenAPI description of the Meilisearch API, a parser for Meilisearch filter expressions,
 * and a fake Meilisearch server that checks every request it receives against the contract and
 * answers from recorded responses.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { z } from 'zod';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURE_DIR = path.join(REPO_ROOT, 'tests/fixtures/meilisearch');
export const CONTRACT_FILE = 'meilisearch-openapi.json';
/** The copy kept with the tests, so that the suite needs nothing outside the repository. */
export const CONTRACT_COPY = path.join(FIXTURE_DIR, CONTRACT_FILE);
/** The shared contract, beside the repository on build machines. */
export const CONTRACT_SHARED = path.resolve(REPO_ROOT, '../shared/contracts', CONTRACT_FILE);

export function contractPath(): string {
  if (existsSync(CONTRACT_COPY)) return CONTRACT_COPY;
  if (existsSync(CONTRACT_SHARED)) return CONTRACT_SHARED;
  throw new Error(`No Meilisearch contract at ${CONTRACT_COPY} or ${CONTRACT_SHARED}`);
}

// --- the OpenAPI document ---

type JsonObject = { [key: string]: unknown };

interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
}

interface OpenApiMedia {
  schema?: JsonObject;
}

interface OpenApiOperation {
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, OpenApiMedia> };
  responses: Record<string, { content?: Record<string, OpenApiMedia> }>;
  security?: Record<string, string[]>[];
}

interface OpenApiDocument {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonObject> };
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export function readContract(file = contractPath()): OpenApiDocument {
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A JSON pointer (as tokens) into the document. */
function pointer(tokens: readonly string[]): string {
  return `/${tokens.map(pointerToken).join('/')}`;
}

function getAt(document: unknown, tokens: readonly string[]): unknown {
  let node: unknown = document;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as JsonObject)[token];
  }
  return node;
}

function setAt(document: unknown, tokens: readonly string[], value: unknown): void {
  const parent = getAt(document, tokens.slice(0, -1));
  const last = tokens[tokens.length - 1];
  if (parent === null || typeof parent !== 'object' || last === undefined) {
    throw new Error(`No place for ${pointer(tokens)} in the contract`);
  }
  (parent as JsonObject)[last] = value;
}

/**
 * Where the published contract and the Meilisearch server disagree, the server wins: each
 * correction says what the server really sends or accepts, and carries a payload (the witness)
 * that the uncorrected contract rejects, so a test notices when a correction is no longer needed.
 */
export interface ContractCorrection {
  at: readonly string[];
  reason: string;
  replacement: JsonObject;
  witness: { schema: readonly string[]; value: unknown };
}

export const CONTRACT_CORRECTIONS: readonly ContractCorrection[] = [
  {
    at: ['components', 'schemas', 'AttributePatterns'],
    reason:
      'Attribute patterns (`facets`, `facetsByIndex`, fields filters) travel as a bare array of ' +
      'strings: the server type is serde-transparent and deserialises from `Vec<String>`; the ' +
      'description shows the wrapper struct instead.',
    replacement: { type: 'array', items: { type: 'string' } },
    witness: {
      schema: ['components', 'schemas', 'SearchQueryWithIndex'],
      value: { indexUid: 'therapists', q: '', limit: 0, facets: ['modalities'] },
    },
  },
  {
    at: [
      'paths',
      '/multi-search',
      'post',
      'responses',
      '200',
      'content',
      'application/json',
      'schema',
    ],
    reason:
      'Without `federation`, a multi-search answers `{ "results": [...] }`, one result per ' +
      'query (the `SearchResults` schema, which no operation lists); only federated searches ' +
      'answer with `FederatedSearchResult`.',
    replacement: {
      anyOf: [
        { $ref: '#/components/schemas/FederatedSearchResult' },
        { $ref: '#/components/schemas/SearchResults' },
      ],
    },
    witness: {
      schema: [
        'paths',
        '/multi-search',
        'post',
        'responses',
        '200',
        'content',
        'application/json',
        'schema',
      ],
      value: {
        results: [
          {
            indexUid: 'therapists',
            hits: [],
            query: '',
            processingTimeMs: 0,
            limit: 0,
            offset: 0,
            estimatedTotalHits: 0,
          },
        ],
      },
    },
  },
  {
    at: ['components', 'schemas', 'TaskView', 'properties', 'startedAt'],
    reason:
      'A task still in the queue has `startedAt: null` (the description says so; the schema ' +
      'only allows a string).',
    replacement: { type: ['string', 'null'] },
    witness: {
      schema: ['components', 'schemas', 'TaskView'],
      value: {
        uid: 3,
        batchUid: null,
        indexUid: 'therapists',
        status: 'enqueued',
        type: 'documentAdditionOrUpdate',
        canceledBy: null,
        details: null,
        error: null,
        duration: null,
        enqueuedAt: '2026-03-02T10:15:31.803125Z',
        startedAt: null,
        finishedAt: null,
      },
    },
  },
  {
    at: ['components', 'schemas', 'TaskView', 'properties', 'finishedAt'],
    reason:
      'A task being processed has `finishedAt: null` (the description says so; the schema only ' +
      'allows a string).',
    replacement: { type: ['string', 'null'] },
    witness: {
      schema: ['components', 'schemas', 'TaskView'],
      value: {
        uid: 3,
        batchUid: 3,
        indexUid: 'therapists',
        status: 'processing',
        type: 'documentAdditionOrUpdate',
        canceledBy: null,
        details: null,
        error: null,
        duration: null,
        enqueuedAt: '2026-03-02T10:15:31.803125Z',
        startedAt: '2026-03-02T10:15:31.806702Z',
        finishedAt: null,
      },
    },
  },
];

export function correctContract(
  document: OpenApiDocument,
  corrections: readonly ContractCorrection[] = CONTRACT_CORRECTIONS,
): OpenApiDocument {
  const corrected = structuredClone(document);
  for (const c of corrections) setAt(corrected, c.at, structuredClone(c.replacement));
  return corrected;
}

// --- validation ---

const SPEC_ID = 'https://contract.test/meilisearch-openapi.json';

/** Integer formats the Meilisearch description uses beyond those ajv-formats knows. */
const UNSIGNED_FORMATS: Record<string, number> = {
  'u-int8': 2 ** 8 - 1,
  'u-int32': 2 ** 32 - 1,
  'u-int64': Number.MAX_SAFE_INTEGER,
};

function createAjv(document: OpenApiDocument, coerceTypes: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateSchema: false,
    coerceTypes,
  });
  addFormats(ajv);
  for (const [name, max] of Object.entries(UNSIGNED_FORMATS)) {
    ajv.addFormat(name, {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && n >= 0 && n <= max,
    });
  }
  ajv.addSchema(document, SPEC_ID);
  return ajv;
}

function refTo(tokens: readonly string[]): string {
  return `${SPEC_ID}#/${tokens.map((t) => encodeURIComponent(pointerToken(t))).join('/')}`;
}

function describeErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  if (!errors?.length) return [`${where}: invalid`];
  const unique = new Set(
    errors.map((e) => {
      const detail =
        e.keyword === 'additionalProperties'
          ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty)})`
          : '';
      return `${where}${e.instancePath} ${e.message ?? e.keyword}${detail}`;
    }),
  );
  return [...unique];
}

export interface ContractRoute {
  method: string;
  template: string;
  operationId: string;
  operation: OpenApiOperation;
  pathParams: Record<string, string>;
}

interface RouteMatcher {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  literals: number;
  operation: OpenApiOperation;
}

export interface ContractRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body, or undefined when the request had none. */
  body: unknown;
  contentType: string | null;
}

export interface RequestCheck {
  route: ContractRoute | null;
  issues: string[];
}

export class MeilisearchContract {
  readonly document: OpenApiDocument;
  readonly #ajv: Ajv2020;
  readonly #params: Ajv2020;
  readonly #compiled = new Map<string, ValidateFunction>();
  readonly #routes: RouteMatcher[];

  constructor(document: OpenApiDocument) {
    this.document = document;
    this.#ajv = createAjv(document, false);
    this.#params = createAjv(document, true);
    this.#routes = [];
    for (const [template, operations] of Object.entries(document.paths)) {
      const names: string[] = [];
      const source = template
        .split('/')
        .map((segment) => {
          const param = /^\{(.+)\}$/.exec(segment);
          if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(param[1]!);
          return '([^/]+)';
        })
        .join('/');
      for (const method of HTTP_METHODS) {
        const operation = operations[method];
        if (!operation) continue;
        this.#routes.push({
          method: method.toUpperCase(),
          template,
          regex: new RegExp(`^${source}$`),
          names,
          literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
          operation,
        });
      }
    }
    // Literal segments win over templates: `/tasks/cancel` before `/tasks/{task_id}`.
    this.#routes.sort((a, b) => b.literals - a.literals);
  }

  /** The contract as published, with the corrections applied. */
  static load(file = contractPath()): MeilisearchContract {
    return new MeilisearchContract(correctContract(readContract(file)));
  }

  get version(): string {
    return this.document.info.version;
  }

  route(method: string, requestPath: string): ContractRoute | null {
    const upper = method.toUpperCase();
    for (const r of this.#routes) {
      if (r.method !== upper) continue;
      const match = r.regex.exec(requestPath);
      if (!match) continue;
      const pathParams: Record<string, string> = {};
      r.names.forEach((name, i) => {
        pathParams[name] = decodeURIComponent(match[i + 1] ?? '');
      });
      return {
        method: upper,
        template: r.template,
        operationId: r.operation.operationId,
        operation: r.operation,
        pathParams,
      };
    }
    return null;
  }

  #validator(tokens: readonly string[], params = false): ValidateFunction {
    const key = `${params ? 'params' : 'data'}:${pointer(tokens)}`;
    let validate = this.#compiled.get(key);
    if (!validate) {
      if (getAt(this.document, tokens) === undefined) {
        throw new Error(`The contract has nothing at ${pointer(tokens)}`);
      }
      // Parameters arrive as strings: they are coerced, which needs a parent object.
      validate = params
        ? this.#params.compile({
            type: 'object',
            properties: { value: { $ref: refTo(tokens) } },
            required: ['value'],
          })
        : this.#ajv.compile({ $ref: refTo(tokens) });
      this.#compiled.set(key, validate);
    }
    return validate;
  }

  /** Validates `value` against the schema at `tokens` (for example a component schema). */
  validateAt(tokens: readonly string[], value: unknown, where = 'value'): string[] {
    const validate = this.#validator(tokens);
    return validate(value) ? [] : describeErrors(where, validate.errors);
  }

  validateSchema(name: string, value: unknown): string[] {
    return this.validateAt(['components', 'schemas', name], value, name);
  }

  /** Property names a component schema declares. */
  properties(name: string): string[] {
    const schema = this.document.components.schemas[name];
    const properties = schema?.properties;
    return properties && typeof properties === 'object' ? Object.keys(properties) : [];
  }

  #validateParameters(
    route: ContractRoute,
    where: 'path' | 'query',
    values: Record<string, string>,
  ): string[] {
    const declared = (route.operation.parameters ?? []).filter((p) => p.in === where);
    const issues: string[] = [];
    for (const name of Object.keys(values)) {
      if (!declared.some((p) => p.name === name))
        issues.push(`${where} parameter ${name} is not part of ${route.operationId}`);
    }
    declared.forEach((parameter) => {
      const value = values[parameter.name];
      if (value === undefined) {
        if (parameter.required) issues.push(`${where} parameter ${parameter.name} is required`);
        return;
      }
      if (!parameter.schema) return;
      const index = route.operation.parameters!.indexOf(parameter);
      const validate = this.#validator(
        [
          'paths',
          route.template,
          route.method.toLowerCase(),
          'parameters',
          String(index),
          'schema',
        ],
        true,
      );
      if (!validate({ value })) {
        issues.push(...describeErrors(`${where} parameter ${parameter.name}`, validate.errors));
      }
    });
    return issues;
  }

  validateRequest(request: ContractRequest): RequestCheck {
    const route = this.route(request.method, request.path);
    if (!route)
      return { route: null, issues: [`no operation for ${request.method} ${request.path}`] };
    const issues = [
      ...this.#validateParameters(route, 'path', route.pathParams),
      ...this.#validateParameters(route, 'query', request.query),
    ];
    const body = route.operation.requestBody;
    const json = body?.content?.['application/json'];
    if (request.body === undefined) {
      if (body?.required) issues.push(`${route.operationId} needs a request body`);
    } else if (!json) {
      issues.push(`${route.operationId} takes no JSON request body`);
    } else {
      if (!request.contentType?.startsWith('application/json')) {
        issues.push(
          `${route.operationId} body sent as ${request.contentType ?? 'no content type'}`,
        );
      }
      if (json.schema) {
        issues.push(
          ...this.validateAt(
            [
              'paths',
              route.template,
              route.method.toLowerCase(),
              'requestBody',
              'content',
              'application/json',
              'schema',
            ],
            request.body,
            `${route.operationId} body`,
          ),
        );
      }
    }
    return { route, issues };
  }

  /**
   * Validates a response of an operation. Error statuses the operation does not list are held
   * to the one error shape Meilisearch uses for every error.
   */
  validateResponse(method: string, template: string, status: number, body: unknown): string[] {
    const operation = this.document.paths[template]?.[method.toLowerCase()];
    if (!operation) return [`no operation ${method} ${template}`];
    const declared = operation.responses[String(status)];
    const where = `${operation.operationId} ${status}`;
    if (!declared) {
      if (status >= 400)
        return this.validateAt(['components', 'schemas', 'ResponseError'], body, where);
      return [`${where}: status not declared`];
    }
    if (!declared.content?.['application/json']?.schema) {
      return body === undefined ? [] : [`${where}: declares no body`];
    }
    return this.validateAt(
      [
        'paths',
        template,
        method.toLowerCase(),
        'responses',
        String(status),
        'content',
        'application/json',
        'schema',
      ],
      body,
      where,
    );
  }
}

// --- filter expressions ---

export type ComparisonOperator = '=' | '!=' | '>' | '>=' | '<' | '<=';

export type FilterNode =
  | { kind: 'and' | 'or'; children: FilterNode[] }
  | { kind: 'not'; child: FilterNode }
  | { kind: 'in'; attribute: string; values: string[] }
  | { kind: 'compare'; attribute: string; operator: ComparisonOperator; value: string }
  | { kind: 'geoRadius'; latitude: number; longitude: number; meters: number };

export class FilterSyntaxError extends Error {
  override name = 'FilterSyntaxError';
}

type FilterToken =
  | { kind: 'word'; text: string }
  | { kind: 'quoted'; text: string }
  | { kind: 'operator'; text: ComparisonOperator }
  | { kind: 'punctuation'; text: '(' | ')' | '[' | ']' | ',' };

const KEYWORDS = new Set([
  'AND',
  'OR',
  'NOT',
  'IN',
  'TO',
  'EXISTS',
  'IS',
  'NULL',
  'EMPTY',
  'CONTAINS',
  'STARTS',
  'WITH',
]);
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  "'": "'",
  n: '\n',
  r: '\r',
  t: '\t',
  '0': '\0',
};

/** Backslash escapes in a value, as Meilisearch reads them after taking the quotes off. */
function unescapeValue(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = raw[i + 1];
    const replacement = next === undefined ? undefined : SIMPLE_ESCAPES[next];
    if (replacement === undefined)
      throw new FilterSyntaxError(`unknown escape \\${next ?? ''} in ${raw}`);
    out += replacement;
    i += 1;
  }
  return out;
}

/**
 * A quoted value: a backslash always takes the next character with it, so only an unescaped
 * quote ends the value; escaped quotes are then unescaped, and the other escapes after them.
 */
function readQuoted(input: string, start: number): { value: string; end: number } {
  const quote = input[start]!;
  let escapedQuote = false;
  for (let i = start + 1; i < input.length; i++) {
    const c = input[i];
    if (c === quote) {
      const raw = input.slice(start + 1, i);
      const value = escapedQuote ? raw.split(`\\${quote}`).join(quote) : raw;
      return { value: unescapeValue(value), end: i + 1 };
    }
    if (c === '\\') {
      if (i + 1 >= input.length) throw new FilterSyntaxError('a backslash ends the filter');
      if (input[i + 1] === quote) escapedQuote = true;
      i += 1;
    }
  }
  throw new FilterSyntaxError(`missing closing ${quote} for the value at ${start}`);
}

function tokenize(input: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '"' || c === "'") {
      const { value, end } = readQuoted(input, i);
      tokens.push({ kind: 'quoted', text: value });
      i = end;
    } else if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',') {
      tokens.push({ kind: 'punctuation', text: c });
      i += 1;
    } else if (c === '!' && input[i + 1] === '=') {
      tokens.push({ kind: 'operator', text: '!=' });
      i += 2;
    } else if (c === '>' || c === '<') {
      const withEqual = input[i + 1] === '=';
      tokens.push({
        kind: 'operator',
        text: (withEqual ? `${c}=` : c) as ComparisonOperator,
      });
      i += withEqual ? 2 : 1;
    } else if (c === '=') {
      tokens.push({ kind: 'operator', text: '=' });
      i += 1;
    } else if (/[\p{L}\p{N}_.-]/u.test(c)) {
      let end = i;
      while (end < input.length && /[\p{L}\p{N}_.-]/u.test(input[end]!)) end += 1;
      tokens.push({ kind: 'word', text: input.slice(i, end) });
      i = end;
    } else {
      throw new FilterSyntaxError(`unexpected ${JSON.stringify(c)} at ${i}`);
    }
  }
  return tokens;
}

class FilterParser {
  #tokens: FilterToken[];
  #at = 0;

  constructor(tokens: FilterToken[]) {
    this.#tokens = tokens;
  }

  parse(): FilterNode {
    const node = this.#or();
    const rest = this.#tokens[this.#at];
    if (rest)
      throw new FilterSyntaxError(`unexpected ${JSON.stringify(rest.text)} after the expression`);
    return node;
  }

  #peek(): FilterToken | undefined {
    return this.#tokens[this.#at];
  }

  #isKeyword(keyword: string): boolean {
    const t = this.#peek();
    return t?.kind === 'word' && t.text === keyword;
  }

  #expect(kind: FilterToken['kind'], text?: string): FilterToken {
    const t = this.#tokens[this.#at];
    if (!t || t.kind !== kind || (text !== undefined && t.text !== text)) {
      throw new FilterSyntaxError(
        `expected ${text ?? kind}, found ${t ? JSON.stringify(t.text) : 'the end'}`,
      );
    }
    this.#at += 1;
    return t;
  }

  #or(): FilterNode {
    const children = [this.#and()];
    while (this.#isKeyword('OR')) {
      this.#at += 1;
      children.push(this.#and());
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  #and(): FilterNode {
    const children = [this.#not()];
    while (this.#isKeyword('AND')) {
      this.#at += 1;
      children.push(this.#not());
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  #not(): FilterNode {
    if (this.#isKeyword('NOT')) {
      this.#at += 1;
      return { kind: 'not', child: this.#not() };
    }
    return this.#primary();
  }

  #value(): string {
    const t = this.#peek();
    if (t?.kind === 'quoted') {
      this.#at += 1;
      return t.text;
    }
    if (t?.kind === 'word' && !KEYWORDS.has(t.text)) {
      this.#at += 1;
      return unescapeValue(t.text);
    }
    throw new FilterSyntaxError(
      `expected a value, found ${t ? JSON.stringify(t.text) : 'the end'}`,
    );
  }

  #number(): number {
    const t = this.#expect('word');
    if (!FLOAT.test(t.text)) throw new FilterSyntaxError(`${t.text} is not a number`);
    return Number(t.text);
  }

  #list(): string[] {
    this.#expect('punctuation', '[');
    const values: string[] = [];
    while (!(this.#peek()?.kind === 'punctuation' && this.#peek()?.text === ']')) {
      values.push(this.#value());
      if (this.#peek()?.kind === 'punctuation' && this.#peek()?.text === ',') this.#at += 1;
      else break;
    }
    this.#expect('punctuation', ']');
    return values;
  }

  #primary(): FilterNode {
    const t = this.#peek();
    if (t?.kind === 'punctuation' && t.text === '(') {
      this.#at += 1;
      const inner = this.#or();
      this.#expect('punctuation', ')');
      return inner;
    }
    if (t?.kind === 'word' && t.text === '_geoRadius') {
      this.#at += 1;
      this.#expect('punctuation', '(');
      const latitude = this.#number();
      this.#expect('punctuation', ',');
      const longitude = this.#number();
      this.#expect('punctuation', ',');
      const meters = this.#number();
      this.#expect('punctuation', ')');
      return { kind: 'geoRadius', latitude, longitude, meters };
    }
    const attribute = this.#value();
    if (this.#isKeyword('IN')) {
      this.#at += 1;
      return { kind: 'in', attribute, values: this.#list() };
    }
    if (this.#isKeyword('NOT')) {
      this.#at += 1;
      this.#expect('word', 'IN');
      return { kind: 'not', child: { kind: 'in', attribute, values: this.#list() } };
    }
    const operator = this.#expect('operator');
    return {
      kind: 'compare',
      attribute,
      operator: operator.text as ComparisonOperator,
      value: this.#value(),
    };
  }
}

/** Parses a filter the way Meilisearch does, for the constructs the engine uses. */
export function parseFilter(filter: string): FilterNode {
  return new FilterParser(tokenize(filter)).parse();
}

/** The attributes a filter reads (`_geo` for geo expressions). */
export function filterAttributes(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.flatMap(filterAttributes);
    case 'not':
      return filterAttributes(node.child);
    case 'in':
    case 'compare':
      return [node.attribute];
    case 'geoRadius':
      return ['_geo'];
  }
}

// --- recorded responses ---

const fixtureSchema = z.object({
  description: z.string(),
  operation: z.object({ method: z.string(), path: z.string() }),
  status: z.number().int(),
  body: z.unknown(),
});

export type ResponseFixture = z.output<typeof fixtureSchema> & { name: string };

export function loadFixture(name: string): ResponseFixture {
  const text = readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8');
  return { ...fixtureSchema.parse(JSON.parse(text)), name };
}

/** Every recorded response kept with the tests. */
export function listFixtures(): ResponseFixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json') && f !== CONTRACT_FILE)
    .sort()
    .map((f) => loadFixture(f.slice(0, -'.json'.length)));
}

// --- the fake server ---

export interface ResponseErrorBody {
  message: string;
  code: string;
  type: string;
  link: string;
}

type TaskKind =
  | 'indexCreation'
  | 'indexDeletion'
  | 'indexSwap'
  | 'settingsUpdate'
  | 'documentAdditionOrUpdate'
  | 'documentDeletion';

type TaskStatus = 'enqueued' | 'processing' | 'succeeded' | 'failed';

interface TaskOutcome {
  details: JsonObject | null;
  error?: ResponseErrorBody;
}

interface FakeTask {
  uid: number;
  indexUid: string | null;
  type: TaskKind;
  status: TaskStatus;
  enqueuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  details: JsonObject | null;
  error: ResponseErrorBody | null;
  apply: () => TaskOutcome;
}

export interface FakeIndex {
  uid: string;
  primaryKey: string | null;
  documents: Map<string, JsonObject>;
  settings: JsonObject;
  createdAt: string;
  updatedAt: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  operationId: string | null;
  query: Record<string, string>;
  body: unknown;
  authorization: string | null;
}

interface ArmedTaskFailure {
  type: TaskKind | null;
  error: ResponseErrorBody;
}

interface ArmedResponse {
  operationId: string;
  status: number;
  body: unknown;
}

export interface FakeMeilisearch {
  url: string;
  contract: MeilisearchContract;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Contract violations and requests a real server would reject. Tests expect none. */
  failures: string[];
  index(uid: string): FakeIndex | undefined;
  indexUids(): string[];
  /** Creates an index directly, as if earlier tasks had built it. */
  seedIndex(
    uid: string,
    options?: { primaryKey?: string; settings?: JsonObject; documents?: JsonObject[] },
  ): void;
  /** The next task (of that kind, when given) fails with this error, or the recorded one. */
  failNextTask(type?: TaskKind, error?: ResponseErrorBody): void;
  /** The next request for the operation gets the recorded error response instead. */
  failNextRequest(operationId: string, fixture: string): void;
  /** Requests of the given operations, in order (for checking sequences). */
  operations(...operationIds: string[]): RecordedRequest[];
  close(): Promise<void>;
}

function errorBody(code: string, message: string, type = 'invalid_request'): ResponseErrorBody {
  return { message, code, type, link: `https://docs.meilisearch.com/errors#${code}` };
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Attribute patterns of filterable attributes, whether strings or pattern objects. */
function filterablePatterns(settings: JsonObject): string[] {
  const list = Array.isArray(settings.filterableAttributes) ? settings.filterableAttributes : [];
  return list.flatMap((entry: unknown) =>
    typeof entry === 'string'
      ? [entry]
      : isObject(entry)
        ? stringList(entry.attributePatterns)
        : [],
  );
}

function matchesPattern(pattern: string, attribute: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*') && pattern.endsWith('*'))
    return attribute.includes(pattern.slice(1, -1));
  if (pattern.startsWith('*')) return attribute.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return attribute.startsWith(pattern.slice(0, -1));
  return pattern === attribute;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function now(): string {
  return new Date().toISOString();
}

/**
 * A fake Meilisearch on 127.0.0.1: checks every request against the contract, keeps indexes,
 * documents, settings and tasks in memory, and answers from the recorded responses.
 * Tasks are enqueued by writes, reported `processing` at their first poll and finished at the
 * next (or when a later task is polled), in order.
 */
export async function startFakeMeilisearch(
  options: { apiKey?: string; contract?: MeilisearchContract } = {},
): Promise<FakeMeilisearch> {
  const contract = options.contract ?? MeilisearchContract.load();
  const requests: RecordedRequest[] = [];
  const failures: string[] = [];
  const indexes = new Map<string, FakeIndex>();
  const tasks: FakeTask[] = [];
  const taskFailures: ArmedTaskFailure[] = [];
  const armedResponses: ArmedResponse[] = [];
  const fixtures = new Map<string, ResponseFixture>();

  const fixture = (name: string): ResponseFixture => {
    let f = fixtures.get(name);
    if (!f) {
      f = loadFixture(name);
      fixtures.set(name, f);
    }
    return f;
  };
  const template = <T extends JsonObject>(name: string): T => {
    const body = fixture(name).body;
    if (!isObject(body)) throw new Error(`Fixture ${name} has no object body`);
    return structuredClone(body) as T;
  };
  const recordedError = (name: string): ResponseErrorBody => {
    const body = template<JsonObject>(name);
    const error = isObject(body.error) ? body.error : body;
    return {
      message: String(error.message),
      code: String(error.code),
      type: String(error.type),
      link: String(error.link),
    };
  };
  const notFound = (uid: string, prefix = ''): ResponseErrorBody => ({
    ...recordedError('index-not-found'),
    message: `${prefix}Index \`${uid}\` not found.`,
  });

  const createIndex = (uid: string, primaryKey: string | null): FakeIndex => {
    const index: FakeIndex = {
      uid,
      primaryKey,
      documents: new Map(),
      settings: {},
      createdAt: now(),
      updatedAt: now(),
    };
    indexes.set(uid, index);
    return index;
  };

  const enqueue = (
    indexUid: string | null,
    type: TaskKind,
    apply: () => TaskOutcome,
  ): JsonObject => {
    const task: FakeTask = {
      uid: tasks.length,
      indexUid,
      type,
      status: 'enqueued',
      enqueuedAt: now(),
      startedAt: null,
      finishedAt: null,
      details: null,
      error: null,
      apply,
    };
    tasks.push(task);
    return {
      ...template('task-enqueued'),
      taskUid: task.uid,
      indexUid,
      status: 'enqueued',
      type,
      enqueuedAt: task.enqueuedAt,
    };
  };

  const finish = (task: FakeTask): void => {
    task.startedAt ??= now();
    const armed = taskFailures.findIndex((f) => f.type === null || f.type === task.type);
    let outcome: TaskOutcome;
    if (armed >= 0) {
      outcome = { details: null, error: taskFailures[armed]!.error };
      taskFailures.splice(armed, 1);
    } else {
      outcome = task.apply();
    }
    task.details = outcome.details;
    task.error = outcome.error ?? null;
    task.status = outcome.error ? 'failed' : 'succeeded';
    task.finishedAt = now();
  };

  const poll = (uid: number): FakeTask | undefined => {
    const target = tasks[uid];
    if (!target) return undefined;
    for (const task of tasks) {
      if (task.uid >= uid) break;
      if (task.status === 'enqueued' || task.status === 'processing') finish(task);
    }
    if (target.status === 'enqueued') {
      target.status = 'processing';
      target.startedAt = now();
    } else if (target.status === 'processing') {
      finish(target);
    }
    return target;
  };

  const taskView = (task: FakeTask): JsonObject => ({
    ...template('task-succeeded'),
    uid: task.uid,
    batchUid: task.status === 'enqueued' ? null : task.uid,
    indexUid: task.indexUid,
    status: task.status,
    type: task.type,
    canceledBy: null,
    details: task.details,
    error: task.error,
    duration: task.finishedAt ? 'PT0.001S' : null,
    enqueuedAt: task.enqueuedAt,
    startedAt: task.startedAt,
    finishedAt: task.finishedAt,
  });

  /** Checks a search query as Meilisearch would; returns an error for a query it would reject. */
  const checkSearch = (query: JsonObject, position: number): ResponseErrorBody | null => {
    const uid = String(query.indexUid);
    const index = indexes.get(uid);
    if (!index) return notFound(uid, `Inside \`.queries[${position}]\`: `);
    const patterns = filterablePatterns(index.settings);
    const filterable = (attribute: string) => patterns.some((p) => matchesPattern(p, attribute));
    const filters =
      typeof query.filter === 'string'
        ? [query.filter]
        : Array.isArray(query.filter)
          ? query.filter.flat().filter((f): f is string => typeof f === 'string')
          : [];
    for (const filter of filters) {
      let parsed: FilterNode;
      try {
        parsed = parseFilter(filter);
      } catch (error) {
        return errorBody(
          'invalid_search_filter',
          `Inside \`.queries[${position}]\`: ${String(error)}`,
        );
      }
      for (const attribute of filterAttributes(parsed)) {
        if (!filterable(attribute)) {
          return {
            ...recordedError('invalid-search-filter'),
            message: `Inside \`.queries[${position}]\`: Index \`${uid}\`: Attribute \`${attribute}\` is not filterable.`,
          };
        }
      }
    }
    for (const facet of stringList(query.facets)) {
      if (!filterable(facet)) {
        return errorBody(
          'invalid_search_facets',
          `Inside \`.queries[${position}]\`: Attribute \`${facet}\` is not filterable.`,
        );
      }
    }
    const sortable = stringList(index.settings.sortableAttributes);
    for (const rule of stringList(query.sort)) {
      const geo = /^_geoPoint\(\s*([^,\s]+)\s*,\s*([^)\s]+)\s*\):(asc|desc)$/.exec(rule);
      const plain = /^([^:]+):(asc|desc)$/.exec(rule);
      const attribute = geo ? '_geo' : plain?.[1];
      if (geo && !(FLOAT.test(geo[1]!) && FLOAT.test(geo[2]!))) {
        return errorBody(
          'invalid_search_sort',
          `Inside \`.queries[${position}]\`: bad geo point in ${rule}`,
        );
      }
      if (!attribute || !sortable.includes(attribute)) {
        return errorBody(
          'invalid_search_sort',
          `Inside \`.queries[${position}]\`: Attribute \`${attribute ?? rule}\` is not sortable.`,
        );
      }
    }
    return null;
  };

  const searchResults = (queries: JsonObject[]): JsonObject => {
    const recorded = template<{ results: JsonObject[] }>('multi-search').results;
    const [main, ...facetResults] = recorded;
    return {
      results: queries.map((query) => {
        const facets = stringList(query.facets);
        const q = typeof query.q === 'string' ? query.q : '';
        if (query.limit === 0 && facets.length > 0) {
          const distribution: JsonObject = {};
          for (const facet of facets) {
            const found = facetResults.find(
              (r) => isObject(r.facetDistribution) && facet in r.facetDistribution,
            );
            distribution[facet] = isObject(found?.facetDistribution)
              ? (found.facetDistribution[facet] ?? {})
              : {};
          }
          return {
            ...structuredClone(facetResults[0] ?? {}),
            indexUid: query.indexUid,
            query: q,
            facetDistribution: distribution,
          };
        }
        const hitsPerPage = typeof query.hitsPerPage === 'number' ? query.hitsPerPage : 20;
        const totalHits = typeof main?.totalHits === 'number' ? main.totalHits : 0;
        return {
          ...structuredClone(main ?? {}),
          indexUid: query.indexUid,
          query: q,
          page: typeof query.page === 'number' ? query.page : 1,
          hitsPerPage,
          totalPages: hitsPerPage > 0 ? Math.ceil(totalHits / hitsPerPage) : 0,
        };
      }),
    };
  };

  type Answer = { status: number; body?: unknown };

  const handle = (route: ContractRoute, query: Record<string, string>, body: unknown): Answer => {
    const uid = route.pathParams.index_uid ?? '';
    switch (route.operationId) {
      case 'get_health':
        return { status: 200, body: template('health') };
      case 'get_index': {
        const index = indexes.get(uid);
        if (!index) return { status: 404, body: notFound(uid) };
        return {
          status: 200,
          body: {
            ...template('get-index'),
            uid,
            primaryKey: index.primaryKey,
            createdAt: index.createdAt,
            updatedAt: index.updatedAt,
          },
        };
      }
      case 'get_index_stats': {
        const index = indexes.get(uid);
        if (!index) return { status: 404, body: notFound(uid) };
        const fieldDistribution: Record<string, number> = {};
        for (const doc of index.documents.values()) {
          for (const field of Object.keys(doc))
            fieldDistribution[field] = (fieldDistribution[field] ?? 0) + 1;
        }
        return {
          status: 200,
          body: {
            ...template('index-stats'),
            numberOfDocuments: index.documents.size,
            isIndexing: tasks.some(
              (t) => t.indexUid === uid && t.status !== 'succeeded' && t.status !== 'failed',
            ),
            fieldDistribution,
          },
        };
      }
      case 'create_index': {
        const request = isObject(body) ? body : {};
        const newUid = String(request.uid);
        const primaryKey = typeof request.primaryKey === 'string' ? request.primaryKey : null;
        return {
          status: 202,
          body: enqueue(newUid, 'indexCreation', () => {
            if (indexes.has(newUid)) {
              return {
                details: { primaryKey },
                error: errorBody('index_already_exists', `Index \`${newUid}\` already exists.`),
              };
            }
            createIndex(newUid, primaryKey);
            return { details: { primaryKey } };
          }),
        };
      }
      case 'delete_index':
        return {
          status: 202,
          body: enqueue(uid, 'indexDeletion', () => {
            const index = indexes.get(uid);
            if (!index) return { details: { deletedDocuments: 0 }, error: notFound(uid) };
            indexes.delete(uid);
            return { details: { deletedDocuments: index.documents.size } };
          }),
        };
      case 'update_all': {
        const settings = isObject(body) ? body : {};
        return {
          status: 202,
          body: enqueue(uid, 'settingsUpdate', () => {
            const index = indexes.get(uid) ?? createIndex(uid, null);
            index.settings = { ...index.settings, ...structuredClone(settings) };
            index.updatedAt = now();
            return { details: structuredClone(settings) };
          }),
        };
      }
      case 'replace_documents': {
        const documents = Array.isArray(body) ? body.filter(isObject) : [];
        const primaryKeyParam = query.primaryKey ?? null;
        return {
          status: 202,
          body: enqueue(uid, 'documentAdditionOrUpdate', () => {
            const index = indexes.get(uid) ?? createIndex(uid, primaryKeyParam);
            index.primaryKey ??= primaryKeyParam;
            const key = index.primaryKey;
            const details = { receivedDocuments: documents.length, indexedDocuments: 0 };
            if (!key) {
              return {
                details,
                error: errorBody(
                  'index_primary_key_no_candidate_found',
                  `Index \`${uid}\`: The primary key inference failed.`,
                ),
              };
            }
            for (const doc of documents) {
              const id = doc[key];
              if (typeof id !== 'number' && typeof id !== 'string') {
                return {
                  details,
                  error: errorBody(
                    'missing_document_id',
                    `Index \`${uid}\`: Document doesn't have a \`${key}\` attribute.`,
                  ),
                };
              }
              const geo = doc._geo;
              if (geo !== undefined && geo !== null) {
                const valid =
                  isObject(geo) &&
                  Object.keys(geo).sort().join(',') === 'lat,lng' &&
                  typeof geo.lat === 'number' &&
                  typeof geo.lng === 'number';
                if (!valid) {
                  return {
                    details,
                    error: errorBody(
                      'invalid_document_geo_field',
                      `Index \`${uid}\`: The \`_geo\` field in the document with the id: \`${String(id)}\` is not valid.`,
                    ),
                  };
                }
              }
            }
            for (const doc of documents)
              index.documents.set(String(doc[key]), structuredClone(doc));
            index.updatedAt = now();
            return { details: { ...details, indexedDocuments: documents.length } };
          }),
        };
      }
      case 'delete_documents_batch': {
        const ids = Array.isArray(body) ? body.map(String) : [];
        return {
          status: 202,
          body: enqueue(uid, 'documentDeletion', () => {
            const index = indexes.get(uid);
            if (!index)
              return {
                details: { providedIds: ids.length, deletedDocuments: 0 },
                error: notFound(uid),
              };
            let deleted = 0;
            for (const id of ids) if (index.documents.delete(id)) deleted += 1;
            return {
              details: { providedIds: ids.length, deletedDocuments: deleted, originalFilter: null },
            };
          }),
        };
      }
      case 'swap_indexes': {
        const swaps = Array.isArray(body) ? body.filter(isObject) : [];
        return {
          status: 202,
          body: enqueue(null, 'indexSwap', () => {
            for (const swap of swaps) {
              const [a, b] = stringList(swap.indexes);
              const first = a === undefined ? undefined : indexes.get(a);
              const second = b === undefined ? undefined : indexes.get(b);
              if (!first || !second) {
                return { details: { swaps }, error: notFound(!first ? String(a) : String(b)) };
              }
              indexes.set(first.uid, { ...second, uid: first.uid });
              indexes.set(second.uid, { ...first, uid: second.uid });
            }
            return { details: { swaps } };
          }),
        };
      }
      case 'get_task': {
        const task = poll(Number(route.pathParams.task_id));
        if (!task) {
          return {
            status: 404,
            body: errorBody('task_not_found', `Task \`${route.pathParams.task_id}\` not found.`),
          };
        }
        return { status: 200, body: taskView(task) };
      }
      case 'multi_search_with_post': {
        const queries =
          isObject(body) && Array.isArray(body.queries) ? body.queries.filter(isObject) : [];
        for (const [position, q] of queries.entries()) {
          const rejected = checkSearch(q, position);
          if (rejected) {
            failures.push(`multi-search rejected: ${rejected.message}`);
            return { status: rejected.code === 'index_not_found' ? 404 : 400, body: rejected };
          }
        }
        return { status: 200, body: searchResults(queries) };
      }
      default:
        failures.push(`the fake server does not implement ${route.operationId}`);
        return {
          status: 501,
          body: errorBody('unsupported', `${route.operationId} is not implemented`, 'internal'),
        };
    }
  };

  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const query = Object.fromEntries(url.searchParams);
      const text = await readBody(request);
      let body: unknown;
      if (text !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          failures.push(`${request.method} ${url.pathname}: body is not JSON`);
        }
      }
      const method = request.method ?? 'GET';
      const check = contract.validateRequest({
        method,
        path: url.pathname,
        query,
        body,
        contentType: request.headers['content-type'] ?? null,
      });
      const authorization = request.headers.authorization ?? null;
      requests.push({
        method,
        path: url.pathname,
        operationId: check.route?.operationId ?? null,
        query,
        body,
        authorization,
      });
      for (const issue of check.issues) failures.push(`${method} ${url.pathname}: ${issue}`);

      let answer: Answer;
      const route = check.route;
      if (!route) {
        answer = {
          status: 404,
          body: errorBody('not_found', `No route ${method} ${url.pathname}`),
        };
      } else {
        const armed = armedResponses.findIndex((a) => a.operationId === route.operationId);
        const protectedRoute = (route.operation.security ?? []).length > 0;
        if (armed >= 0) {
          const a = armedResponses.splice(armed, 1)[0]!;
          answer = { status: a.status, body: a.body };
        } else if (
          options.apiKey &&
          protectedRoute &&
          authorization !== `Bearer ${options.apiKey}`
        ) {
          failures.push(`${method} ${url.pathname}: not authorized`);
          answer = { status: 401, body: template('missing-authorization') };
        } else if (check.issues.length > 0) {
          answer = { status: 400, body: errorBody('bad_request', check.issues.join('; ')) };
        } else {
          answer = handle(route, query, body);
        }
        for (const issue of contract.validateResponse(
          method,
          route.template,
          answer.status,
          answer.body,
        )) {
          failures.push(`response to ${method} ${url.pathname}: ${issue}`);
        }
      }
      const payload = answer.body === undefined ? '' : JSON.stringify(answer.body);
      response.writeHead(answer.status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
      });
      response.end(payload);
    })().catch((error: unknown) => {
      failures.push(`the fake server failed: ${String(error)}`);
      response.writeHead(500);
      response.end();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    contract,
    requests,
    failures,
    index: (uid) => indexes.get(uid),
    indexUids: () => [...indexes.keys()].sort(),
    seedIndex(uid, seed = {}) {
      const index = createIndex(uid, seed.primaryKey ?? 'id');
      index.settings = structuredClone(seed.settings ?? {});
      for (const doc of seed.documents ?? []) {
        index.documents.set(String(doc[index.primaryKey!]), structuredClone(doc));
      }
    },
    failNextTask(type, error) {
      taskFailures.push({ type: type ?? null, error: error ?? recordedError('task-failed') });
    },
    failNextRequest(operationId, name) {
      const f = fixture(name);
      armedResponses.push({ operationId, status: f.status, body: structuredClone(f.body) });
    },
    operations: (...operationIds) =>
      requests.filter((r) => r.operationId !== null && operationIds.includes(r.operationId)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// --- servers that do not answer ---

export interface SilentServer {
  url: string;
  /** Requests received (connections that sent something). */
  requestsReceived(): number;
  /** Of those, how many the client has given up on by closing the connection. */
  requestsAbandoned(): number;
  close(): Promise<void>;
}

/** Accepts connections and reads requests, and never answers. */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<net.Socket>();
  let received = 0;
  let abandoned = 0;
  let closing = false;
  const server = net.createServer((socket) => {
    let sentSomething = false;
    sockets.add(socket);
    socket.on('data', () => {
      if (!sentSomething) received += 1;
      sentSomething = true;
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sentSomething && !closing) abandoned += 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requestsReceived: () => received,
    requestsAbandoned: () => abandoned,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The URL of a port nothing listens on (connections are refused). */
export async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
