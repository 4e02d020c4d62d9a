/**
 * Drives next-auth's own handler with Cairn's options, as a browser would:
 * fetch the CSRF token, then post to a callback or sign-in action with it.
 * It goes through next-auth's public Node entry (`NextAuth(options)(req, res)`,
 * the pages-router form): the App Router form reads next/headers, which only
 * exists inside a Next.js request. Nothing follows redirects, so no test
 * reaches GitHub.
 */
import { parse as parseSetCookie } from "cookie";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { sessionCookieName } from "@/lib/auth/session";
import { CLIENT_IP_HEADER } from "@/lib/security/client-ip";
import { randomClientIp } from "../support/call-route";

export interface AuthResponse {
  status: number;
  /** Location of a redirect, or `url` of a JSON redirect answer (`json: "true"`). */
  redirect: string | null;
  body: unknown;
  /** Cookies set, by name. */
  cookies: Record<string, string>;
}

async function call(path: string, { method = "GET", body, cookies = {}, ip }: { method?: string; body?: Record<string, string>; cookies?: Record<string, string>; ip?: string }): Promise<AuthResponse> {
  const [action, provider] = path.split("/");
  const headers: Record<string, string> = { host: "localhost:3000", [CLIENT_IP_HEADER]: ip ?? randomClientIp() };
  const result: AuthResponse = { status: 200, redirect: null, body: undefined, cookies: {} };
  const responseHeaders = new Map<string, unknown>();
  await new Promise<void>((resolve, reject) => {
    const res = {
      status(code: number) {
        result.status = code;
        return res;
      },
      getHeader: (name: string) => responseHeaders.get(name.toLowerCase()),
      setHeader(name: string, value: unknown) {
        responseHeaders.set(name.toLowerCase(), value);
        return res;
      },
      json(value: unknown) {
        result.body = value;
        resolve();
      },
      send(value: unknown) {
        result.body = value;
        resolve();
      },
      end: () => resolve(),
    };
    const req = { method, headers, cookies, body: body ?? {}, query: { nextauth: provider ? [action, provider] : [action] } };
    (NextAuth(authOptions()) as unknown as (req: unknown, res: unknown) => Promise<void>)(req, res).catch(reject);
  });
  const location = responseHeaders.get("location");
  const jsonUrl = (result.body as { url?: string } | undefined)?.url;
  result.redirect = typeof location === "string" ? location : (jsonUrl ?? null);
  const setCookies = ([] as string[]).concat((responseHeaders.get("set-cookie") as string[] | string | undefined) ?? []);
  for (const line of setCookies) {
    const [pair] = line.split(";");
    Object.assign(result.cookies, parseSetCookie(pair!));
  }
  return result;
}

/** A CSRF token and the cookie that must accompany it. */
export async function csrf(ip?: string) {
  const response = await call("csrf", { ip });
  const name = Object.keys(response.cookies).find((candidate) => candidate.includes("csrf-token"));
  if (!name) throw new Error("next-auth set no CSRF cookie");
  return { csrfToken: (response.body as { csrfToken: string }).csrfToken, cookies: { [name]: response.cookies[name]! } };
}

/** POST /api/auth/<action>/<provider> with a fresh CSRF token, as `signIn(provider, { redirect: false, … })` does; `fields` may replace the callbackUrl. */
export async function postAuthAction(action: "callback" | "signin", provider: string, fields: Record<string, string> = {}, ip?: string) {
  const { csrfToken, cookies } = await csrf(ip);
  const response = await call(`${action}/${provider}`, { method: "POST", body: { csrfToken, json: "true", callbackUrl: "http://localhost:3000/o", ...fields }, cookies, ip });
  const value = response.cookies[sessionCookieName()];
  return { response, sessionCookie: value ? `${sessionCookieName()}=${value}` : null };
}

/** GET /api/auth/<action>, e.g. "providers" (what next-auth offers the browser). */
export const getAuthAction = (action: string) => call(action, {});

/**
 * POST /api/auth/signout with a fresh CSRF token and the session cookie, as the
 * menu's "Sign out" (`signOut()` from next-auth/react) does. Returns next-auth's
 * answer; its cookies include the cleared session cookie.
 */
export async function signOutAction(sessionCookie: string, ip?: string) {
  const { csrfToken, cookies } = await csrf(ip);
  const session = parseSetCookie(sessionCookie);
  return call("signout", { method: "POST", body: { csrfToken, json: "true", callbackUrl: "http://localhost:3000/" }, cookies: { ...cookies, ...session } as Record<string, string>, ip });
}

/** GET /api/auth/session with a session cookie: next-auth answers with the session and re-issues the cookie (a later expiry). */
export async function sessionAction(sessionCookie: string, ip?: string): Promise<string | null> {
  const response = await call("session", { cookies: parseSetCookie(sessionCookie) as Record<string, string>, ip });
  const value = response.cookies[sessionCookieName()];
  return value ? `${sessionCookieName()}=${value}` : null;
}
