/**
 * The browser's way to call Cairn's API: from an endpoint of the generated
 * client registry (`api.getAssignment`, lib/api/client-endpoints.ts), never
 * from a hand-written URL. The registry holds only each endpoint's method and
 * path as values; its params, query, body and response types come from the
 * declaration by `import type`, so nothing of the server reaches the bundle and
 * a changed schema breaks the callers at compile time (decision 0037).
 */
import type { z } from "zod";
import { apiExchange } from "@/lib/http/api-client";
import type { AnyEndpoint, EndpointDefinition, HttpMethod } from "@/lib/http/endpoint";

/** An endpoint as the browser knows it: method and path, typed by its declaration `E`. */
export interface ClientEndpoint<E extends AnyEndpoint = AnyEndpoint> {
  readonly method: HttpMethod;
  /** The declaration's path template, e.g. "/api/v1/o/{orgSlug}/assignments/{assignmentId}". */
  readonly path: string;
  /** Type only: the declaration this was generated from. */
  readonly declaration?: E;
}

/** Used by the generated registry; the declaration travels as a type argument only. */
export function clientEndpoint<E extends AnyEndpoint>(method: HttpMethod, path: string): ClientEndpoint<E> {
  return { method, path };
}

type Parts<E> =
  E extends EndpointDefinition<infer _Auth, infer _Scope, infer Params, infer Query, infer Body, infer Output> ? { params: Params; query: Query; body: Body; output: Output } : never;
type DeclarationOf<C> = C extends ClientEndpoint<infer E> ? E : never;
type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What JSON.stringify makes of a value: dates become ISO strings (the gate serializes the response schema's output). */
export type Jsonified<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer U>
    ? Array<Jsonified<U>>
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

export type EndpointParams<C> = InputOf<Parts<DeclarationOf<C>>["params"]>;
export type EndpointQuery<C> = InputOf<Parts<DeclarationOf<C>>["query"]>;
export type EndpointBody<C> = InputOf<Parts<DeclarationOf<C>>["body"]>;
/** The JSON an endpoint answers, typed from its response schema. */
export type EndpointResponse<C> = Jsonified<z.output<Parts<DeclarationOf<C>>["output"]>>;

type ParamsOption<C> = EndpointParams<C> extends undefined ? { params?: undefined } : { params: EndpointParams<C> };
type QueryOption<C> = EndpointQuery<C> extends undefined ? { query?: undefined } : { query?: EndpointQuery<C> };
/** Multipart endpoints (declared with `files`) also take a FormData holding the same fields. */
type BodyOption<C> = EndpointBody<C> extends undefined ? { body?: undefined } : { body: EndpointBody<C> | FormData };

export type CallOptions<C> = ParamsOption<C> &
  QueryOption<C> &
  BodyOption<C> & {
    /** Extra request headers: Idempotency-Key, If-Match, … */
    headers?: Record<string, string | undefined>;
    signal?: AbortSignal;
    /** The request outlives the page: sent as the tab closes, it still reaches the server. */
    keepalive?: boolean;
  };

type UrlOptions<C> = ParamsOption<C> & QueryOption<C>;

/** Optional when the endpoint needs neither params, query nor body. */
type OptionsArg<O> = Partial<Record<never, never>> extends O ? [options?: O] : [options: O];

/**
 * The path with each `{name}` replaced by its value, percent-encoded as one
 * segment (a `/` in a stable key stays inside its segment), then the query.
 */
export function endpointUrl<C extends ClientEndpoint>(endpoint: C, ...[options]: OptionsArg<UrlOptions<C>>): string {
  const params = (options?.params ?? {}) as Record<string, unknown>;
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === "") throw new Error(`${endpoint.method} ${endpoint.path}: no value for {${name}}`);
    return encodeURIComponent(String(value));
  });
  const query = queryString(options?.query ?? {});
  return query ? `${path}?${query}` : path;
}

/**
 * `undefined`, `null` and `false` leave a parameter out (the API's flags are
 * "true" or absent); arrays repeat the name; dates go as ISO strings.
 */
export function queryString(query: object): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query) as Array<[string, unknown]>) {
    if (value === undefined || value === null || value === false) continue;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) search.append(name, item instanceof Date ? item.toISOString() : String(item));
  }
  return search.toString();
}

function requestOf<C extends ClientEndpoint>(endpoint: C, options: Partial<CallOptions<C>> | undefined) {
  const headers = Object.fromEntries(Object.entries(options?.headers ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const url = endpointUrl(endpoint, ...([options] as unknown as OptionsArg<UrlOptions<C>>));
  return { url, init: { method: endpoint.method, body: options?.body, headers, signal: options?.signal, keepalive: options?.keepalive } };
}

/** Calls the endpoint; a failure is an ApiError with the envelope's status, code, message and field errors. */
export async function callEndpoint<C extends ClientEndpoint>(endpoint: C, ...[options]: OptionsArg<CallOptions<C>>): Promise<EndpointResponse<C>> {
  return (await exchangeEndpoint(endpoint, ...([options] as OptionsArg<CallOptions<C>>))).data;
}

/** callEndpoint with the response headers as well, for the callers that need one (a version's ETag). */
export async function exchangeEndpoint<C extends ClientEndpoint>(
  endpoint: C,
  ...[options]: OptionsArg<CallOptions<C>>
): Promise<{ data: EndpointResponse<C>; headers: Headers }> {
  const { url, init } = requestOf(endpoint, options as Partial<CallOptions<C>> | undefined);
  return apiExchange<EndpointResponse<C>>(url, init);
}
