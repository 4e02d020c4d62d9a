/**
 * POSTs one delivery to an outside URL without letting the URL turn Cairn's
 * server against its own network (decision 0033):
 * - the URL is checked again (target-url.ts), and the host is resolved here: every
 *   address it resolves to must be public (unless private targets are allowed),
 *   and the socket connects to the address that was checked (the `lookup` below
 *   hands it to the connection), so a DNS answer that changes between the check
 *   and the connection (rebinding) cannot slip another address in;
 * - no connection reuse (each delivery resolves and checks afresh), no redirects
 *   followed (a 3xx is an answer, and a failure), a connect timeout and a total
 *   timeout, and at most RESPONSE_BYTES_MAX of the answer read (the rest dropped).
 */
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupAddress } from "node:dns";
import { classifyAddress } from "./target-address";
import { checkTargetUrl } from "./target-url";

export const RESPONSE_BYTES_MAX = 64 * 1024;

export interface SafePostOptions {
  allowPrivate: boolean;
  headers: Record<string, string>;
  body: string;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  /** The resolver (tests stand in for DNS); every address it answers is checked, and the socket gets the first. */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

export interface PostAnswer {
  status: number;
  /** Up to RESPONSE_BYTES_MAX of the body, as text. */
  body: string;
  truncated: boolean;
  timeMs: number;
}

/** A delivery that got no HTTP answer (refused target, DNS, connection, timeout); the message is for the log. */
export class DeliveryFailure extends Error {}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http(s).request that resolves, refuses non-public answers and returns the checked address. */
const systemResolve = (hostname: string) => dnsLookup(hostname, { all: true, verbatim: true });

function checkedLookup(allowPrivate: boolean, resolve: (hostname: string) => Promise<LookupAddress[]>) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw new DeliveryFailure(`${hostname} did not resolve`);
        if (!allowPrivate) {
          for (const { address } of addresses) {
            const verdict = classifyAddress(address);
            if (!verdict.allowed) throw new DeliveryFailure(`${hostname} resolves to ${verdict.reason} (${address}): refused`);
          }
        }
        const chosen = addresses[0]!;
        if (options.all) callback(null, [chosen]);
        else callback(null, chosen.address, chosen.family);
      })
      .catch((error: unknown) => callback(error instanceof DeliveryFailure ? error : new DeliveryFailure(`${hostname} did not resolve: ${(error as Error).message}`), "", 4));
  };
}

export async function safePost(rawUrl: string, options: SafePostOptions): Promise<PostAnswer> {
  const checked = checkTargetUrl(rawUrl, { allowPrivate: options.allowPrivate });
  if (!checked.ok) throw new DeliveryFailure(`The URL ${checked.reason}.`);
  const url = checked.url;
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const totalTimeoutMs = options.totalTimeoutMs ?? 15_000;
  const client = url.protocol === "https:" ? https : http;
  const started = performance.now();

  return new Promise<PostAnswer>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, answer?: PostAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      if (error) reject(error);
      else resolve(answer!);
    };
    const request = client.request(url, {
      method: "POST",
      agent: false,
      lookup: checkedLookup(options.allowPrivate, options.resolve ?? systemResolve) as never,
      headers: { ...options.headers, "content-length": String(Buffer.byteLength(options.body)) },
    });
    const totalTimer = setTimeout(() => {
      request.destroy();
      finish(new DeliveryFailure(`No complete answer within ${totalTimeoutMs} ms`));
    }, totalTimeoutMs);
    let connectTimer: NodeJS.Timeout | undefined = setTimeout(() => {
      request.destroy();
      finish(new DeliveryFailure(`Could not connect within ${connectTimeoutMs} ms`));
    }, connectTimeoutMs);
    request.on("socket", (socket) => {
      socket.once(url.protocol === "https:" ? "secureConnect" : "connect", () => {
        clearTimeout(connectTimer);
        connectTimer = undefined;
      });
    });
    request.on("error", (error) => finish(error instanceof DeliveryFailure ? error : new DeliveryFailure(error.message)));
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const done = () =>
        finish(null, { status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), truncated, timeMs: Math.round(performance.now() - started) });
      response.on("data", (chunk: Buffer) => {
        if (truncated) return;
        const room = RESPONSE_BYTES_MAX - size;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          size = RESPONSE_BYTES_MAX;
          truncated = true;
          // Enough read: drop the rest and the connection (agent: false, so nothing else uses it).
          done();
          response.destroy();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      response.on("end", done);
      response.on("error", (error) => finish(new DeliveryFailure(error.message)));
      response.on("aborted", () => finish(new DeliveryFailure("The answer was cut off")));
    });
    request.end(options.body);
  });
}

/**
 * At registration, a best-effort look at where the host points now: a name that
 * resolves to a non-public address is refused at once (the owner learns it before
 * any event). A name that does not resolve (yet), or a resolver slower than
 * `timeoutMs`, is let through: every attempt resolves and checks again anyway.
 */
export async function resolvedAddressProblem(
  hostname: string,
  { resolve = systemResolve, timeoutMs = 2_000 }: { resolve?: (hostname: string) => Promise<LookupAddress[]>; timeoutMs?: number } = {},
): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<null>((done) => (timer = setTimeout(() => done(null), timeoutMs)));
  try {
    const addresses = await Promise.race([resolve(hostname).catch(() => null), timedOut]);
    for (const { address } of addresses ?? []) {
      const verdict = classifyAddress(address);
      if (!verdict.allowed) return `resolves to ${verdict.reason} (${address})`;
    }
    return null;
  } finally {
    clearTimeout(timer);
  }
}
