/**
 * Tokens never reach the request log (issue 13): the gate logged the raw path, so every
 * invitation link's token (/api/v1/invitations/{token}) was in the logs. The request line
 * now names the route template; `url` and `path` fields anywhere go through redactUrl.
 */
import { describe, expect, it } from "vitest";
import { POST as confirmResetRoute } from "@/app/api/v1/password-resets/confirm/route";
import { POST as confirmVerificationRoute } from "@/app/api/v1/email-verifications/confirm/route";
import { getLogger } from "@/lib/observability/logger";
import { newInvitationToken } from "@/lib/invitations/token";
import { callRoute } from "../support/call-route";
import { createOrgWithMember } from "../support/factories";
import { captureLogs } from "../support/capture-logs";
import { accept, invitationRow, preview } from "../invitations/invitations-fixture";

const logs = captureLogs();

describe("request logs", () => {
  it("name the invitation routes by their template, never with the token", async () => {
    const { organization } = await createOrgWithMember("OWNER");
    const { token } = await invitationRow(organization.id, `logged-${Date.now()}@example.test`);
    const previewed = await preview(token);
    expect(previewed.status).toBe(200);
    const accepted = await accept(token, { body: { name: "Ann Example", password: "short" } });
    expect(accepted.status).toBe(422);
    const unknown = await preview(newInvitationToken());
    expect(unknown.status).toBe(404);

    const requestLines = logs.lines().filter((line) => line.msg === "request");
    expect(requestLines.map((line) => [line.route, line.status])).toEqual([
      ["/api/v1/invitations/{token}", 200],
      ["/api/v1/invitations/{token}/accept", 422],
      ["/api/v1/invitations/{token}", 404],
    ]);
    for (const line of requestLines) expect(line).not.toHaveProperty("path");
    expect(logs.text()).not.toContain(token);
  });

  it("keep the tokens of reset and verification links out, whatever the answer", async () => {
    const resetToken = newInvitationToken();
    const verificationToken = newInvitationToken();
    await callRoute(confirmResetRoute, { body: { token: resetToken, password: "a brand new password 42" } });
    await callRoute(confirmVerificationRoute, { body: { token: verificationToken } });
    expect(logs.lines().filter((line) => line.msg === "request")).toHaveLength(2);
    expect(logs.text()).not.toContain(resetToken);
    expect(logs.text()).not.toContain(verificationToken);
  });

  it("redact tokens in any url or path field a line carries", () => {
    const token = newInvitationToken();
    getLogger().warn({ url: `https://cairn.example.com/reset-password?token=${token}`, path: `/invitations/${token}` }, "something about a link");
    const [line] = logs.lines();
    expect(line).toMatchObject({ url: "https://cairn.example.com/reset-password?token=[redacted]", path: "/invitations/[redacted]" });
    expect(logs.text()).not.toContain(token);
  });
});
