import { expect, test } from "./support/fixtures";
import { OrgApi } from "./support/org-api";

const STARTER = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", ""].join("\n");

test("a mentor nudges a hire from the mentor dashboard, the second nudge of the day is refused, and the hire sees it in notifications", async ({ factory, pageAs, baseURL }) => {
  const team = await factory.team("Nudge Org");
  const hire = await factory.person(team, { name: "Ada Obi", role: "MEMBER" });
  const mentor = await factory.person(team, { name: "Ben Ito", role: "MENTOR" });
  const api = new OrgApi(await pageAs(team.owner), baseURL!, team.slug);
  const starter = (await api.publishedTrack({ text: STARTER })).id;
  const [assignmentId] = await api.assign({ trackId: starter, assigneeIds: [hire.id], mentorIds: [mentor.id] });

  const mentorPage = await pageAs(mentor);
  await mentorPage.goto(`/o/${team.slug}/mentees`);
  await mentorPage.getByRole("button", { name: "Nudge Ada Obi" }).click();
  const dialog = mentorPage.getByRole("dialog", { name: "Nudge Ada Obi" });
  // Nothing typed: the form says so and sends nothing.
  await dialog.getByRole("button", { name: "Send nudge" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Write a short message.");
  await dialog.getByLabel("Message").fill("How are the loops going? Ping me if you are stuck.");
  await dialog.getByRole("button", { name: "Send nudge" }).click();
  await expect(dialog).toBeHidden();
  await expect(mentorPage.getByRole("region", { name: "Notifications" })).toContainText("Nudge sent");

  // Once a day per hire: a second nudge is refused with when it is allowed again.
  await mentorPage.getByRole("button", { name: "Nudge Ada Obi" }).click();
  await dialog.getByLabel("Message").fill("And again?");
  await dialog.getByRole("button", { name: "Send nudge" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Ada Obi was already nudged today. You can nudge them again from");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  const hirePage = await pageAs(hire);
  await hirePage.goto(`/o/${team.slug}/notifications`);
  const list = hirePage.getByRole("list", { name: "Notifications" });
  await expect(list).toContainText("Ben Ito nudged you: “How are the loops going? Ping me if you are stuck.”");
  await expect(list).toContainText(`${team.owner.name} assigned you “Starter”.`);
  // It leads to the assignment.
  await expect(list.getByRole("link", { name: /Ben Ito nudged you/ })).toHaveAttribute("href", `/o/${team.slug}/assignments/${assignmentId}`);
});

test("reminder kinds and the time zone are set on the account page and kept", async ({ factory, pageAs }) => {
  const team = await factory.team("Reminder Settings Org");
  const hire = await factory.person(team, { name: "Cy Dee", role: "MEMBER" });
  const page = await pageAs(hire);
  await page.goto("/account");
  const saved = () => page.waitForResponse((response) => response.url().endsWith("/api/v1/me/email-preferences") && response.request().method() === "PATCH" && response.ok());
  const overdue = page.getByRole("checkbox", { name: /^Overdue/ });
  await expect(overdue).toBeChecked();
  await Promise.all([saved(), overdue.uncheck()]);
  await expect(page.getByRole("region", { name: "Notifications" })).toContainText("Email settings saved");
  await Promise.all([saved(), page.getByLabel("Time zone").selectOption("Asia/Tokyo")]);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /^Overdue/ })).not.toBeChecked();
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");
});
