/**
 * A NUL in a page's path (any segment, not only the organization's slug) reached
 * PostgreSQL through the page's lookup and answered 500. The proxy sends such a path to
 * the not-found page before any page runs; API paths are left to the gate, which answers
 * 422 in the envelope (tests/http/nul-characters.test.ts).
 */
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const call = (path: string) => proxy(new NextRequest(new URL(path, "http://localhost:3000")));

describe("a NUL in a page's path", () => {
  it.each(["/o/acme/assignments/%00", "/o/acme/tracks/c%00x/versions/1", "/o/%00", "/invitations/abc%00def"])("is the not-found page, before the page looks anything up: %s", (path) => {
    const response = call(path);
    expect(response.status).toBe(404);
    expect(new URL(response.headers.get("x-middleware-rewrite")!).pathname).toBe("/_no-such-page");
  });

  it("leaves other paths and API paths alone", () => {
    for (const path of ["/o/acme/assignments/cabc", "/o/acme/members?q=%2500", "/api/v1/o/a%00b"]) {
      const response = call(path);
      expect(response.headers.get("x-middleware-rewrite"), path).toBeNull();
      expect(response.headers.get("x-middleware-next"), path).toBe("1");
    }
  });
});
