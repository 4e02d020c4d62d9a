import { emailsTo } from "./support/fake-resend";
import { expect, test } from "./support/fixtures";

test("an owner invites two people; one follows the emailed link, signs up inline and shows up as a mentor", async ({ page, browser, factory, signIn, clientAddress, baseURL }) => {
  const team = await factory.team("Invitation Test Team");
  await signIn(page, team.owner);

  await page.goto(`/o/${team.slug}`);
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Invitations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Invitations" })).toBeVisible();
  await expect(page.getByText("No pending invitations.")).toBeVisible();

  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const newcomer = `e2e-invitee-${stamp}@example.test`;
  const other = `e2e-other-${stamp}@example.test`;
  await page.getByRole("button", { name: "Invite people" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite people" });
  // The dialog's promise and the list's countdown say the same thing (issue 18).
  await expect(dialog).toContainText("expires in 7 days");
  await dialog.getByLabel("Email addresses").fill(`${newcomer}, ${other}\n${other.toUpperCase()}`);
  await expect(dialog.getByText("2 addresses, 1 repeated")).toBeVisible();
  await dialog.getByLabel("Role").selectOption("MENTOR");
  await dialog.getByRole("button", { name: "Invite 2 people" }).click();

  const summary = page.getByRole("dialog", { name: "Invitations sent" });
  await expect(summary.getByText("Invited 2 people.")).toBeVisible();
  await expect(summary.getByText("Listed more than once (invited once)")).toBeVisible();
  await summary.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("invitation-row")).toHaveCount(2);
  await expect(page.getByTestId("invitation-row").filter({ hasText: newcomer })).toContainText("expires in 7 days");

  await expect.poll(async () => (await emailsTo(newcomer)).length).toBe(1);
  const [message] = await emailsTo(newcomer);
  expect(message!.subject).toBe("Ines Duarte invited you to “Invitation Test Team” on Cairn");
  const link = /https?:\/\/\S+\/invitations\/[\w-]{43}/.exec(message!.text ?? "")?.[0];
  expect(link, "the email's plain-text part carries the invitation link").toBeDefined();
  expect(link!.startsWith(baseURL!)).toBe(true);

  // The invitee, in a browser of their own.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
  const invitee = await context.newPage();
  await invitee.goto(link!);
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Join Invitation Test Team");
  await expect(invitee.getByText("Ines Duarte invited you to join Invitation Test Team as a mentor.")).toBeVisible();
  await expect(invitee.getByLabel("Email")).toHaveValue(newcomer);
  await invitee.getByLabel("Your name").fill("Rosa Parks");
  await invitee.getByLabel("Password").fill("pebble lighthouse dawn 37");
  await invitee.getByRole("button", { name: "Create account and join Invitation Test Team" }).click();
  // A mentor's home is their mentees (decision 0039).
  await expect(invitee).toHaveURL(new RegExp(`/o/${team.slug}/mentees$`));
  await expect(invitee.getByRole("navigation", { name: "Organization" })).toBeVisible();

  // The link works once.
  await invitee.goto(link!);
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Invitation already used");
  await context.close();

  await page.goto(`/o/${team.slug}/members`);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Rosa Parks/ }) });
  await expect(row).toContainText("Mentor");
  await page.goto(`/o/${team.slug}/invitations`);
  await expect(page.getByTestId("invitation-row")).toHaveCount(1);
  await expect(page.getByTestId("invitation-row")).toContainText(other);
});
