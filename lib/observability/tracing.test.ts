import { describe, expect, it } from "vitest";
import { isUntracedRequest, redactedUrlAttributes } from "./tracing";

describe("the HTTP server span's attributes", () => {
  it("carry the path and query with tokens redacted, as log lines do", () => {
    const token = "k".repeat(43);
    expect(redactedUrlAttributes({ url: `/api/v1/invitations/${token}` })).toEqual({ "url.path": "/api/v1/invitations/[redacted]" });
    expect(redactedUrlAttributes({ url: `/reset-password?token=${token}&next=%2Fo` })).toEqual({ "url.path": "/reset-password", "url.query": "token=[redacted]&next=%2Fo" });
    expect(redactedUrlAttributes({ url: "/api/v1/o/acme/assignments/cmxcc0bbq000uqu7ddjhty53w" })).toEqual({ "url.path": "/api/v1/o/acme/assignments/cmxcc0bbq000uqu7ddjhty53w" });
  });

  it("are not made for build assets and Socket.IO's polling", () => {
    expect(isUntracedRequest({ url: "/_next/static/chunks/app.js" })).toBe(true);
    expect(isUntracedRequest({ url: "/socket.io/?EIO=4&transport=polling" })).toBe(true);
    expect(isUntracedRequest({ url: "/api/v1/me" })).toBe(false);
  });
});
