import { expect, test } from "./support/fixtures";

// The demo mentor's queue as seeded (lib/db/seed-demo-evidence.ts): Noah's pull request, over a day old, then Lena's note.
// In a copy of the demo: approving changes it.
test("the demo mentor chooses among the waiting attempts and approves the chosen ones at once", async ({ page, factory, signIn }) => {
  const demo = await factory.demoCopy();
  await signIn(page, demo.people.mei);
  await page.goto(`/o/${demo.slug}/reviews`);
  const list = page.getByRole("list", { name: "Waiting for review" });
  await expect(list.getByRole("article")).toHaveCount(2);
  await expect(list.getByRole("article").first()).toContainText("Noah Kim");
  await expect(list.getByRole("article").first()).toContainText(/waiting (1 day|\d+ h)/);
  await expect(list.getByRole("article").first().getByRole("link", { name: "Pull request acme/payments-api#128" })).toBeVisible();

  const approve = page.getByRole("button", { name: /^Approve \d+ chosen$|^Approve chosen$/ });
  await expect(approve).toBeDisabled();
  await page.getByRole("button", { name: "Choose all shown" }).click();
  await expect(page.getByRole("button", { name: "Approve 2 chosen" })).toBeEnabled();
  // Un-choosing one leaves one.
  await list.getByRole("checkbox", { name: /from Lena Fischer/ }).uncheck();
  await page.getByRole("button", { name: "Approve 1 chosen" }).click();
  await expect(page.getByRole("region", { name: "Notifications" })).toContainText("Approved 1 item");
  await expect(list.getByRole("article")).toHaveCount(1);
  await expect(list.getByRole("article")).toContainText("Lena Fischer");
  await expect(page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Reviews 1 waiting" })).toBeVisible();
  // Sam's attempt came back with changes requested: it is not in the queue.
  await expect(list.getByText("Sam Rivera")).toHaveCount(0);
});
