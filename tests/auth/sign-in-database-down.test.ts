/**
 * Signing in while the database is down (decision 0024): next-auth's routes do not
 * pass the API gate, and next-auth answers a thrown error by putting its message in
 * the URL it sends the browser. So the credentials and email-link providers turn a
 * database failure into the code "ServiceUnavailable" (the form says "temporarily
 * unavailable"), and the driver's message (hosts, ports) stays in the server's log.
 */
import { describe, expect, it } from "vitest";
import { createUser } from "../support/factories";
import { databaseBehindProxy, useDatabase } from "../support/proxied-database";
import { postAuthAction } from "./next-auth-client";

const database = databaseBehindProxy();

function errorCodeOf(redirect: string | null): string | null {
  return redirect ? new URL(redirect, "http://localhost:3000").searchParams.get("error") : null;
}

describe("signing in while the database is down", () => {
  it("answers the code ServiceUnavailable, never the driver's message, and signs in again once the database is back", async () => {
    const user = await createUser();
    await useDatabase(database.proxy.url);
    await database.proxy.cut();

    for (const [provider, fields] of [
      ["credentials", { email: user.email, password: "any password at all" }],
      ["email-link", { token: "a".repeat(64) }],
    ] as const) {
      const { response, sessionCookie } = await postAuthAction("callback", provider, fields);
      expect(sessionCookie, provider).toBeNull();
      expect(errorCodeOf(response.redirect), provider).toBe("ServiceUnavailable");
      expect(JSON.stringify(response.body ?? "") + (response.redirect ?? ""), provider).not.toMatch(/127\.0\.0\.1|ECONN|terminated|timeout/i);
    }

    // A wrong password with the database up is the ordinary refusal, not "unavailable".
    await database.proxy.restore();
    const { response } = await postAuthAction("callback", "credentials", { email: user.email, password: "still not the password" });
    expect(errorCodeOf(response.redirect)).toBe("CredentialsSignin");
  });
});
