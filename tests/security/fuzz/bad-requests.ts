/**
 * Bad requests generated from an operation's OpenAPI schemas, starting from a valid
 * request (the authorization matrix's, for a caller who may make it).
 *
 * A write (anything but GET) always carries at least one *defect*: a change the
 * declared schemas, the gate or the product's rules must refuse (a wrong type, a
 * missing or unknown field, a string over its limit, a NUL, malformed JSON, a wrong
 * content type, a foreign Origin, no session, an id that is not one or is another
 * organization's, a day PostgreSQL cannot hold…). So a fuzzed write must never
 * succeed, and whatever it answers, nothing may be stored. *Noise* (odd but possibly
 * valid text in other fields, odd headers, unknown query parameters) rides along.
 * A read gets any mix of odd path and query values: it may succeed, never 5xx.
 */
import fc from "fast-check";
import type { FuzzOperation, JsonSchema } from "./openapi-operations";
import { branchFor, jsonType, typesOf } from "./openapi-operations";
import { junkId, junkNumber, oddCursor, oddDay, oddDayRange, oddJson, oddString } from "./odd-values";

/** What is sent; every mutation edits a copy of the valid one. */
export interface Draft {
  params: Record<string, string>;
  query: Array<[string, string]>;
  /** A JSON body (serialized when sent), unless `raw` replaces it. */
  body?: unknown;
  raw?: string | Uint8Array | FormData;
  /** undefined: application/json when there is a body; null: none at all. */
  contentType?: string | null;
  /** undefined: the caller's session; null: none. */
  cookie?: string | null;
  /** undefined: our own origin on writes; null: no Origin header. */
  origin?: string | null;
  headers: Record<string, string>;
  /** The defects applied, by name (for the failure report). */
  defects: string[];
}

export interface Mutation {
  name: string;
  /** Applied in order: noise (0), then field and request defects (1), then whole-body replacements (2). */
  stage: 0 | 1 | 2;
  apply: (draft: Draft) => void;
}

/** Values of another organization, by path parameter and body field name. */
export interface Foreign {
  params: Record<string, string>;
  body: Record<string, unknown>;
}

/** The declared body limit of the endpoint (bytes), for the over-the-limit defect. */
export interface Limits {
  bodyBytes: number;
}

type Path = Array<string | number>;

interface Field {
  path: Path;
  name: string;
  /** The field's whole schema (every type it allows)… */
  schema: JsonSchema;
  /** …and the branch whose constraints apply: the one its value takes, or the first that is not null. */
  branch: JsonSchema;
  required: boolean;
  present: boolean;
  value: unknown;
}

const firstNotNull = (schema: JsonSchema) => (schema.anyOf ?? schema.oneOf)?.find((branch) => branch.type !== "null") ?? schema;

/** Every field of a body, with the schema branch that describes its value. */
function fieldsOf(schema: JsonSchema, value: unknown, path: Path = []): Field[] {
  const resolved = branchFor(schema, value);
  if (jsonType(value) === "object" && resolved.properties) {
    const object = value as Record<string, unknown>;
    return Object.entries(resolved.properties).flatMap(([name, property]) => {
      const present = name in object;
      const branch = present ? branchFor(property, object[name]) : firstNotNull(property);
      const field: Field = { path: [...path, name], name, schema: property, branch, required: (resolved.required ?? []).includes(name), present, value: object[name] };
      return [field, ...(present ? fieldsOf(property, object[name], [...path, name]) : [])];
    });
  }
  if (Array.isArray(value) && resolved.items) {
    const items = resolved.items;
    return value.slice(0, 3).flatMap((element, index) => {
      const name = String(path.at(-1) ?? "");
      return [{ path: [...path, index], name, schema: items, branch: branchFor(items, element), required: true, present: true, value: element }, ...fieldsOf(items, element, [...path, index])];
    });
  }
  return [];
}

/** The objects of a body that refuse unknown keys (the root included). */
function strictObjectsOf(schema: JsonSchema, value: unknown, path: Path = []): Path[] {
  const resolved = branchFor(schema, value);
  const own = jsonType(value) === "object" && resolved.additionalProperties === false ? [path] : [];
  return [...own, ...fieldsOf(schema, value, path).filter((field) => field.path.length === path.length + 1 && field.present).flatMap((field) => strictObjectsOf(field.branch, field.value, field.path))];
}

/** The object holding the last key of `path`, or null once an earlier defect replaced or removed a container on the way (then that one already makes the request bad). */
function containerOf(root: unknown, path: Path): Record<string | number, unknown> | null {
  let node = root;
  for (const key of path.slice(0, -1)) node = node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
  return node !== null && typeof node === "object" ? (node as Record<string | number, unknown>) : null;
}

function setAt(root: unknown, path: Path, value: unknown): void {
  const container = containerOf(root, path);
  if (container) container[path.at(-1)!] = value;
}

function deleteAt(root: unknown, path: Path): void {
  const container = containerOf(root, path);
  if (container) delete container[path.at(-1)!];
}

const DEEP_WEIGHT = 4;
const WRONG_TYPE_VALUES: unknown[] = ["text", 7, 1.5, true, null, [], {}, [1, "a"], { nested: { deeper: [] } }];
const NOT_JSON_TYPES = ["text/plain", "text/plain;charset=utf-8", "application/xml", "text/html", "application/x-www-form-urlencoded", "application/octet-stream", "text/json", "application/jsonp"];
const FOREIGN_ORIGINS = ["https://evil.example", "http://localhost:3001", "null", "http://localhost:3000.evil.example", "file://"];

/** Changes that must make the request refused (see the header). */
export function defectsOf(operation: FuzzOperation, valid: Draft, foreign: Foreign, limits: Limits): Array<fc.MaybeWeightedArbitrary<Mutation>> {
  const defects: Array<fc.MaybeWeightedArbitrary<Mutation>> = [];
  // Rules only the product knows (another organization's ids, days PostgreSQL cannot hold) pass every schema and reach the
  // services and the database: the deepest paths, so they come up more often.
  const deep = (arbitrary: fc.Arbitrary<Mutation>) => ({ arbitrary, weight: DEEP_WEIGHT });
  const defect = (name: string, apply: (draft: Draft) => void, stage: 1 | 2 = 1): Mutation => named({ name, stage, apply: (draft) => (apply(draft), draft.defects.push(name)) });
  const write = operation.method !== "GET";

  if (operation.session) defects.push(fc.constant(defect("no session", (draft) => void (draft.cookie = null))));
  if (write) defects.push(fc.constantFrom(...FOREIGN_ORIGINS).map((origin) => defect(`Origin ${origin}`, (draft) => void (draft.origin = origin))));
  if (write && operation.session) defects.push(fc.constant(defect("a session without Origin", (draft) => void (draft.origin = null))));

  for (const { name, schema } of operation.pathParams) {
    const junk = schema.type === "integer" ? junkNumber : junkId;
    // A value that fits the schema is no defect: an id of this organization may exist.
    // (A version number is read with Number(): " 7", "0x10" and "1e3" are numbers too.)
    const fits = (value: string) =>
      schema.type === "integer"
        ? Number.isInteger(Number(value)) && Number(value) >= (schema.minimum ?? -Infinity) && Number(value) <= (schema.maximum ?? Infinity)
        : (schema.pattern === undefined || new RegExp(schema.pattern).test(value)) && value.length >= (schema.minLength ?? 0) && value.length <= (schema.maxLength ?? Infinity);
    defects.push(junk.filter((value) => !fits(value) && value !== valid.params[name]).map((value) => defect(`path ${name} ${JSON.stringify(value).slice(0, 40)}`, (draft) => void (draft.params[name] = value))));
    defects.push(fc.nat(valid.params[name]!.length).map((at) => defect(`NUL in path ${name}`, (draft) => void (draft.params[name] = `${valid.params[name]!.slice(0, at)}\u0000${valid.params[name]!.slice(at)}`))));
    if (operation.orgScoped && foreign.params[name] !== undefined) defects.push(deep(fc.constant(defect(`another organization's ${name}`, (draft) => void (draft.params[name] = foreign.params[name]!)))));
  }

  if (operation.body) defects.push(...bodyDefects(operation, operation.body, valid, foreign, limits, defect, deep));
  return defects;
}

function bodyDefects(
  operation: FuzzOperation,
  schema: JsonSchema,
  valid: Draft,
  foreign: Foreign,
  limits: Limits,
  defect: (name: string, apply: (draft: Draft) => void, stage?: 1 | 2) => Mutation,
  deep: (arbitrary: fc.Arbitrary<Mutation>) => fc.WeightedArbitrary<Mutation>,
): Array<fc.MaybeWeightedArbitrary<Mutation>> {
  const defects: Array<fc.MaybeWeightedArbitrary<Mutation>> = [];
  const body = valid.body ?? {};
  const text = JSON.stringify(body);

  // The whole body.
  defects.push(
    fc
      .oneof(
        fc.nat(Math.max(0, text.length - 1)).map((cut) => text.slice(0, cut) || "{"),
        fc.constantFrom("{", "[", '{"a":}', "{'a': 1}", "undefined", "NaN", '{"a":1,}', "\u0000", "  ", "\ufeff{", text + "}"),
        oddString.filter((candidate) => candidate.trim() !== "" && !isJson(candidate)),
      )
      .filter((candidate) => !isJson(candidate))
      .map((raw) => defect("malformed JSON", (draft) => void ((draft.raw = raw), (draft.contentType = "application/json")), 2)),
  );
  defects.push(fc.constantFrom(...NOT_JSON_TYPES, null).map((type) => defect(`Content-Type ${type}`, (draft) => void ((draft.raw = type === null ? new TextEncoder().encode(text) : text), (draft.contentType = type)), 2)));
  if (!operation.multipart) defects.push(fc.constant(defect("a multipart body", (draft) => void ((draft.raw = multipart({ note: "x" })), (draft.contentType = undefined)), 2)));
  defects.push(fc.constantFrom<unknown>([], [body], "text", 7, true, null, "").map((value) => defect(`a ${jsonType(value)} body`, (draft) => void (draft.body = value), 2)));
  defects.push(fc.constant(defect("over the body limit", (draft) => void (draft.raw = JSON.stringify({ ...(body as object), pad: "x".repeat(limits.bodyBytes) })), 2)));
  if (operation.multipart) {
    defects.push(
      fc.constantFrom("broken", "unknown field", "repeated field", "file in a text field", "NUL").map((kind) =>
        defect(`multipart: ${kind}`, (draft) => {
          const fields = { ...(body as Record<string, string>) };
          if (kind === "broken") return void ((draft.raw = "--x\r\ncontent-disposition: form-data; name=\"note\"\r\n\r\nunterminated"), (draft.contentType = "multipart/form-data; boundary=x"));
          const form = multipart(kind === "unknown field" ? { ...fields, extra: "1" } : kind === "NUL" ? { ...fields, note: "a\u0000b" } : fields);
          if (kind === "repeated field") form.append("note", "again");
          if (kind === "file in a text field") form.append("note", new File(["x"], "x.txt"));
          draft.raw = form;
          draft.contentType = undefined;
        }, 2),
      ),
    );
  }

  // Unknown keys, in every object that refuses them.
  for (const path of strictObjectsOf(schema, body)) {
    const known = new Set(Object.keys(branchFor(path.length === 0 ? schema : schemaAt(schema, body, path), valueAt(body, path)).properties ?? {}));
    defects.push(
      fc
        .tuple(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom("admin", "role", "organizationId", "userId", "id", "isAdmin", "Name", "NAME")), oddJson)
        .filter(([key]) => !known.has(key) && key !== "__proto__")
        .map(([key, value]) => defect(`unknown field ${path.join(".")}.${key}`, (draft) => setAt(draft.body, [...path, key], value))),
    );
  }

  for (const field of fieldsOf(schema, body)) {
    const where = field.path.join(".");
    const types = typesOf(field.schema);
    const wrong = WRONG_TYPE_VALUES.filter((value) => !types.has(jsonType(value)) && !(jsonType(value) === "integer" && types.has("number")));
    if (field.present && wrong.length > 0) defects.push(fc.constantFrom(...wrong).map((value) => defect(`${where}: a ${jsonType(value)}`, (draft) => setAt(draft.body, field.path, value))));
    if (field.present && field.required && typeof field.path.at(-1) === "string") defects.push(fc.constant(defect(`${where} missing`, (draft) => deleteAt(draft.body, field.path))));
    const { maxLength, minLength, minimum, maximum, pattern, maxItems, minItems, format } = field.branch;
    const constraint = typesOf(field.branch);
    if (constraint.has("string") && maxLength !== undefined) defects.push(fc.integer({ min: 1, max: 64 }).map((extra) => defect(`${where} over ${maxLength} characters`, (draft) => setAt(draft.body, field.path, "x".repeat(maxLength + extra)))));
    if (constraint.has("string") && minLength !== undefined && minLength > 0) defects.push(fc.constant(defect(`${where} under ${minLength} characters`, (draft) => setAt(draft.body, field.path, "y".repeat(minLength - 1)))));
    if (constraint.has("string") && pattern !== undefined && !field.branch.enum) defects.push(oddString.map((noise) => defect(`${where} not matching its pattern`, (draft) => setAt(draft.body, field.path, `x!\n${noise}\n!x`))));
    if (types.has("string") && field.present && typeof field.value === "string") {
      const text = field.value;
      defects.push(fc.nat(text.length).map((at) => defect(`NUL in ${where}`, (draft) => setAt(draft.body, field.path, `${text.slice(0, at)}\u0000${text.slice(at)}`))));
      // JSON can escape half of a surrogate pair ("\ud800"): a string that is not Unicode text.
      defects.push(fc.tuple(fc.nat(text.length), fc.constantFrom("\ud800", "\udfff", "\udc00\ud800")).map(([at, half]) => defect(`unpaired surrogate in ${where}`, (draft) => setAt(draft.body, field.path, `${text.slice(0, at)}${half}${text.slice(at)}`))));
    }
    if (field.branch.enum) defects.push(fc.oneof(oddString, fc.constantFrom(...field.branch.enum.map((value) => String(value).toLowerCase()), "ROOT", "SUPERADMIN")).filter((value) => !field.branch.enum!.includes(value)).map((value) => defect(`${where} not one of its values`, (draft) => setAt(draft.body, field.path, value))));
    if (field.branch.const !== undefined) defects.push(fc.constant(defect(`${where} not its constant`, (draft) => setAt(draft.body, field.path, field.branch.const === true ? false : null))));
    if ((constraint.has("integer") || constraint.has("number")) && (minimum !== undefined || maximum !== undefined)) {
      const outside = fc.oneof(
        ...(minimum !== undefined ? [fc.integer({ min: 1, max: 1_000_000 }).map((below) => minimum - below), fc.constant(-1e308)] : []),
        ...(maximum !== undefined ? [fc.integer({ min: 1, max: 1_000_000 }).map((above) => maximum + above), fc.constant(1e308)] : []),
        ...(constraint.has("integer") && !constraint.has("number") ? [fc.constantFrom(0.5, 1.25, 2.000001)] : []),
      );
      defects.push(outside.map((value) => defect(`${where} = ${value}`, (draft) => setAt(draft.body, field.path, value))));
    }
    if (constraint.has("array") && field.present && Array.isArray(field.value)) {
      if (maxItems !== undefined) defects.push(fc.constant(defect(`${where}: ${maxItems + 1} items`, (draft) => setAt(draft.body, field.path, Array.from({ length: maxItems + 1 }, (_, index) => (field.value as unknown[])[index % Math.max(1, (field.value as unknown[]).length)] ?? "x")))));
      if (minItems !== undefined && minItems > 0) defects.push(fc.constant(defect(`${where}: no items`, (draft) => setAt(draft.body, field.path, []))));
    }
    // Rules the schema cannot state: another organization's ids, days PostgreSQL cannot hold.
    const foreignValue = foreign.body[field.name];
    if (field.present && foreignValue !== undefined && typeof field.path.at(-1) === "string") defects.push(deep(fc.constant(defect(`another organization's ${where}`, (draft) => setAt(draft.body, field.path, foreignValue)))));
    if (format === "date") defects.push(deep(fc.constantFrom("0000-01-01", "0000-06-15", "0000-12-31").map((day) => defect(`${where} = ${day}`, (draft) => setAt(draft.body, field.path, day)))));
  }
  return defects;
}

/**
 * Odd but possibly valid changes; never the only change of a write. `query` holds the
 * changes to a read's query (where its input reaches its statements, so every read gets
 * one or two), `other` the rest.
 */
export function noiseOf(operation: FuzzOperation, valid: Draft, foreign: Foreign): { query: Array<fc.Arbitrary<Mutation>>; other: Array<fc.Arbitrary<Mutation>> } {
  const noise: Array<fc.Arbitrary<Mutation>> = [];
  const query: Array<fc.Arbitrary<Mutation>> = [];
  const change = (name: string, apply: (draft: Draft) => void): Mutation => named({ name, stage: 0, apply });
  const read = operation.method === "GET";

  noise.push(fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), oddString).map(([key, value]) => change(`query ${key}`, (draft) => void draft.query.push([key, value]))));
  noise.push(
    fc
      .constantFrom<[string, string]>(["if-match", '"nope"'], ["if-none-match", "*"], ["x-request-id", "'; DROP --"], ["x-request-id", "x".repeat(300)], ["idempotency-key", "k".repeat(500)], ["accept", "text/html"])
      .map(([name, value]) => change(`header ${name}`, (draft) => void (draft.headers[name] = value))),
  );
  // Reads: anything in the path and the query.
  if (read) {
    const days = operation.queryParams.filter((parameter) => parameter.schema.format === "date").map((parameter) => parameter.name);
    if (days.length === 2) {
      const [first, last] = days as [string, string];
      query.push(oddDayRange.map(([from, to]) => change(`query ${first}=${from}&${last}=${to}`, (draft) => void (draft.query = [...draft.query.filter(([key]) => key !== first && key !== last), [first, from], [last, to]]))));
    }
    for (const { name, schema } of operation.pathParams) {
      const values = fc.oneof(schema.type === "integer" ? junkNumber : junkId, ...(foreign.params[name] ? [fc.constant(foreign.params[name]!)] : []));
      noise.push(values.map((value) => change(`path ${name}`, (draft) => void (draft.params[name] = value))));
    }
    for (const { name, schema } of operation.queryParams) {
      query.push(queryValue(name, schema).map((value) => change(`query ${name}=${JSON.stringify(value).slice(0, 60)}`, (draft) => void (draft.query = [...draft.query.filter(([key]) => key !== name), [name, value]]))));
      noise.push(fc.tuple(queryValue(name, schema), queryValue(name, schema)).map(([first, second]) => change(`query ${name} twice`, (draft) => void draft.query.push([name, first], [name, second]))));
    }
    if (operation.session) noise.push(fc.constant(change("no session", (draft) => void (draft.cookie = null))));
  }
  // Writes: odd text in string fields (the defects decide the outcome).
  if (!read && operation.body && valid.body !== undefined) {
    for (const field of fieldsOf(operation.body, valid.body)) {
      if (field.present && typeof field.value === "string") noise.push(oddString.map((value) => change(`${field.path.join(".")} odd text`, (draft) => setAt(draft.body, field.path, value))));
    }
  }
  return { query, other: noise };
}

function queryValue(name: string, schema: JsonSchema): fc.Arbitrary<string> {
  const fitting: Array<fc.Arbitrary<string>> = [];
  if (schema.enum) fitting.push(fc.constantFrom(...schema.enum.map(String)));
  if (schema.type === "integer") fitting.push(fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 1e9, 1e9) }).map(String), junkNumber);
  if (schema.format === "date") fitting.push(oddDay);
  if (name === "cursor") fitting.push(oddCursor);
  if (schema.format === "cuid") fitting.push(fc.constantFrom("cjld2cjxh0000qzrmn831i7rn", "c0000000"));
  return fc.oneof(...fitting, oddString);
}

/** Counterexamples print a mutation by its name. */
export function named(mutation: Mutation): Mutation {
  return Object.assign(mutation, { [fc.toStringMethod]: () => mutation.name });
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function multipart(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

function schemaAt(schema: JsonSchema, body: unknown, path: Path): JsonSchema {
  return fieldsOf(schema, body).find((field) => field.path.join("\u0001") === path.join("\u0001"))!.branch;
}
