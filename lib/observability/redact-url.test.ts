import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { REDACTED, redactUrl } from "./redact-url";

const token = () => randomBytes(32).toString("base64url");

describe("redactUrl", () => {
  it("hides the token of an invitation link, in the page and in the API, whatever its shape", () => {
    const secret = token();
    expect(redactUrl(`/invitations/${secret}`)).toBe(`/invitations/${REDACTED}`);
    expect(redactUrl(`/api/v1/invitations/${secret}/accept`)).toBe(`/api/v1/invitations/${REDACTED}/accept`);
    expect(redactUrl("/api/v1/invitations/short/accept")).toBe(`/api/v1/invitations/${REDACTED}/accept`);
    expect(redactUrl(`https://cairn.example.com/invitations/${secret}`)).toBe(`https://cairn.example.com/invitations/${REDACTED}`);
  });

  it("hides token values in the query (reset, verification, sign-in links; OAuth's code and state)", () => {
    expect(redactUrl(`/reset-password?token=${token()}`)).toBe(`/reset-password?token=${REDACTED}`);
    expect(redactUrl(`/verify-email?x=1&token=${token()}&y=2`)).toBe(`/verify-email?x=1&token=${REDACTED}&y=2`);
    expect(redactUrl(`/sign-in/link?TOKEN=abc`)).toBe(`/sign-in/link?TOKEN=${REDACTED}`);
    expect(redactUrl("/api/auth/callback/github?code=abc123&state=xyz")).toBe(`/api/auth/callback/github?code=${REDACTED}&state=${REDACTED}`);
    expect(redactUrl("/x?%74oken=abc")).toBe(`/x?%74oken=${REDACTED}`);
  });

  it("hides any long token-like path segment, and keeps ids, slugs and keys", () => {
    const id = "cjld2cjxh0000qzrmn831i7rn";
    const uuid = randomUUID();
    expect(redactUrl(`/api/v1/o/acme/assignments/${id}/items/AbCdEfGhIjKlMnOp`)).toBe(`/api/v1/o/acme/assignments/${id}/items/AbCdEfGhIjKlMnOp`);
    expect(redactUrl(`/api/v1/o/acme/invitations/${id}/resend`)).toBe(`/api/v1/o/acme/invitations/${id}/resend`);
    expect(redactUrl(`/api/v1/things/${uuid}`)).toBe(`/api/v1/things/${uuid}`);
    expect(redactUrl(`/anything/${token()}/next`)).toBe(`/anything/${REDACTED}/next`);
    expect(redactUrl("/o/acme/members?q=ann&role=ADMIN")).toBe("/o/acme/members?q=ann&role=ADMIN");
  });

  it("takes any string, malformed escapes included, and drops fragments", () => {
    expect(redactUrl("/api/v1/o/acme%")).toBe("/api/v1/o/acme%");
    expect(redactUrl("/x?token=%E0%A4%A&y")).toBe(`/x?token=${REDACTED}&y`);
    expect(redactUrl("/a#access_token=abc")).toBe(`/a#${REDACTED}`);
    expect(redactUrl("")).toBe("");
  });
});
