import { OrgApi } from "./support/org-api";
import { expect, test } from "./support/fixtures";

const TEXT = ["# Starter", "", "=====", "Basics", "=====", "- Variables", "- Loops", ""].join("\n");
const DAY = 86_400_000;

test("an owner sets the review target; the mentor's queue flags what waited longer and filters to it", async ({ page, factory, signIn, pageAs, baseURL }) => {
  // Three people, two browsers, the settings page and the queue read twice: 13–20 s on the shared 2-core machine.
  test.setTimeout(60_000);
  const team = await factory.team("Review Target Org");
  const mentor = await factory.person(team, { name: "Mei Mentor", role: "MENTOR" });
  const hire = await factory.person(team, { name: "Noah Hire", role: "MEMBER" });
  await signIn(page, team.owner);
  const owner = new OrgApi(page, baseURL!, team.slug);
  const track = await owner.importTrack({ text: TEXT });
  const [variables, loops] = [await owner.keyOf(track.id, "Variables"), await owner.keyOf(track.id, "Loops")];
  for (const key of [variables, loops]) expect((await owner.send("PATCH", `/tracks/${track.id}/versions/1/nodes/${key}`, { evidenceRequired: true })).status()).toBe(200);
  await owner.publish(track.id);
  const [assignmentId] = await owner.assign({ trackId: track.id, assigneeIds: [hire.id], mentorIds: [mentor.id] });

  const hireApi = new OrgApi(await pageAs(hire), baseURL!, team.slug);
  const sent: string[] = [];
  for (const key of [variables, loops]) {
    const answer = await hireApi.send("POST", `/assignments/${assignmentId}/items/${key}/evidence`, { note: "Done, see the notes." });
    expect(answer.status(), await answer.text()).toBe(201);
    sent.push(((await answer.json()) as { id: string }).id);
  }
  // Variables was sent three weeks ago: fifteen working days, whatever today is.
  await factory.db.evidenceAttempt.update({ where: { id: sent[0] }, data: { submittedAt: new Date(Date.now() - 21 * DAY) } });

  await page.goto(`/o/${team.slug}/settings`);
  const target = page.getByRole("region", { name: "Review target" }).getByRole("spinbutton", { name: "Target" });
  await expect(target).toHaveValue("2");
  await target.fill("31");
  await page.getByRole("region", { name: "Review target" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Use a whole number of working days from 1 to 30.")).toBeVisible();
  await target.fill("3");
  await page.getByRole("region", { name: "Review target" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("region", { name: "Notifications" })).toContainText("Evidence waiting more than 3 working days is flagged as overdue.");

  const mentorPage = await pageAs(mentor);
  await mentorPage.goto(`/o/${team.slug}/reviews`);
  const list = mentorPage.getByRole("list", { name: "Waiting for review" });
  await expect(list.getByRole("article")).toHaveCount(2);
  await expect(list.getByRole("article").first()).toContainText("Variables");
  await expect(list.getByRole("article").first()).toContainText("Waiting 15 working days — over the 3-day target");
  await expect(list.getByRole("article").nth(1)).not.toContainText("over the");
  await expect(mentorPage.getByText("(waiting more than 3 working days: 1 now)")).toBeVisible();

  await mentorPage.getByRole("checkbox", { name: /Only overdue/ }).check();
  await expect(mentorPage).toHaveURL(/[?&]overdue=1/);
  await expect(list.getByRole("article")).toHaveCount(1);
  await expect(list.getByRole("article")).toContainText("Variables");
  // Kept after a reload (the filter is in the URL).
  await mentorPage.reload();
  await expect(mentorPage.getByRole("checkbox", { name: /Only overdue/ })).toBeChecked();
  await expect(list.getByRole("article")).toHaveCount(1);
});
