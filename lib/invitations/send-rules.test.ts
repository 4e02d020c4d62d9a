import { describe, expect, it } from "vitest";
import { INVITATION_SEND_LIMITS } from "@/lib/security/limits";
import { isNewAccount, sendRefusal } from "./send-rules";
import type { SendHistory } from "./send-rules";

const NOW = new Date("2026-12-06T12:00:00Z");
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
const times = (count: number, hours: number) => Array.from({ length: count }, () => hoursAgo(hours));
const established = { createdAt: hoursAgo(24 * 30), sends: [] };
const clean: SendHistory = { blocked: false, recipientSends: [], organizationSends: [], inviter: established };

describe("sendRefusal", () => {
  it("lets an email go when nothing applies", () => {
    expect(sendRefusal(clean, NOW)).toBeNull();
  });

  it("refuses a blocked address for good, whatever the counts", () => {
    expect(sendRefusal({ ...clean, blocked: true }, NOW)).toEqual({ reason: "declined", message: "This address asked not to receive invitations from this organization." });
  });

  it("caps one organization's emails to one address over a link's 7 days, saying when the oldest leaves the window", () => {
    const { sends } = INVITATION_SEND_LIMITS.perOrganizationRecipient;
    expect(sendRefusal({ ...clean, organizationSends: times(sends - 1, 1) }, NOW)).toBeNull();
    const refusal = sendRefusal({ ...clean, organizationSends: [hoursAgo(6 * 24), ...times(sends - 1, 1)] }, NOW);
    expect(refusal).toMatchObject({ reason: "organization_limit", retryAfterSeconds: 24 * 3600 });
    expect(refusal!.message).toBe(`This organization already sent this address ${sends} invitation emails in the last 7 days. Try again in 24 hours.`);
  });

  it("caps what one address receives in 24 hours from every organization together", () => {
    const { perRecipientPerDay } = INVITATION_SEND_LIMITS;
    expect(sendRefusal({ ...clean, recipientSends: times(perRecipientPerDay - 1, 2) }, NOW)).toBeNull();
    const refusal = sendRefusal({ ...clean, recipientSends: [hoursAgo(20), ...times(perRecipientPerDay - 1, 1)] }, NOW);
    expect(refusal).toEqual({ reason: "recipient_limit", message: "Limit reached for this address today. Try again in 4 hours.", retryAfterSeconds: 4 * 3600 });
  });

  it("gives new accounts a small daily cap that ends with the account's first day", () => {
    const { perDay, accountAgeHours } = INVITATION_SEND_LIMITS.newAccount;
    const young = (sends: Date[]) => ({ ...clean, inviter: { createdAt: hoursAgo(3), sends } });
    expect(sendRefusal(young(times(perDay - 1, 1)), NOW)).toBeNull();
    const refusal = sendRefusal(young(times(perDay, 2)), NOW);
    // The sends leave the window in 22 hours, but the account stops being new in 21.
    expect(refusal).toMatchObject({ reason: "account_limit", retryAfterSeconds: (accountAgeHours - 3) * 3600 });
    expect(refusal!.message).toMatch(new RegExp(`^New accounts send at most ${perDay} invitation emails in their first ${accountAgeHours} hours\\. Try again in 21 hours\\.$`));
    // The same sends from an account older than a day are not capped.
    expect(sendRefusal({ ...clean, inviter: { createdAt: hoursAgo(accountAgeHours), sends: times(perDay, 2) } }, NOW)).toBeNull();
  });

  it("reports the first rule that applies: block, organization, address, account", () => {
    const everything: SendHistory = { blocked: true, recipientSends: times(50, 1), organizationSends: times(50, 1), inviter: { createdAt: hoursAgo(1), sends: times(50, 1) } };
    expect(sendRefusal(everything, NOW)?.reason).toBe("declined");
    expect(sendRefusal({ ...everything, blocked: false }, NOW)?.reason).toBe("organization_limit");
    expect(sendRefusal({ ...everything, blocked: false, organizationSends: [] }, NOW)?.reason).toBe("recipient_limit");
    expect(sendRefusal({ ...everything, blocked: false, organizationSends: [], recipientSends: [] }, NOW)?.reason).toBe("account_limit");
  });
});

describe("isNewAccount", () => {
  it("is true for the account's first 24 hours", () => {
    expect(isNewAccount(hoursAgo(23.9), NOW)).toBe(true);
    expect(isNewAccount(hoursAgo(24), NOW)).toBe(false);
  });
});
