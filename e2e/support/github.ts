/**
 * GitHub for the browser tests (decision 0034): a linked GitHub account made
 * with the product's own linking code (real OAuth needs github.com, which these
 * machines cannot reach), and pull requests added to the fake GitHub API that
 * global-setup started (tests/support/fake-github.ts, FAKE_GITHUB_URL).
 */
import { randomUUID } from "node:crypto";
import type { FakePull } from "../../tests/support/fake-github";
import { expect } from "./fixtures";
import type { Person } from "./fixtures";

/** Links a new GitHub account to the person (the factory must have started: it configures the database). */
export async function linkGitHub(person: Person): Promise<{ id: number; login: string }> {
  const { linkGitHubAccount } = await import("../../lib/users/github-link");
  const suffix = randomUUID().replaceAll("-", "").slice(0, 8);
  const github = { id: Number.parseInt(suffix.slice(0, 7), 16) + 10_000_000, login: `gh-${suffix}` };
  expect(await linkGitHubAccount(person.id, github)).toEqual({ ok: true });
  return github;
}

/** Adds pull requests to the fake GitHub API; returns them with their head commits. */
export async function addPulls(pulls: FakePull[]): Promise<void> {
  const url = process.env.FAKE_GITHUB_URL;
  if (!url) throw new Error("FAKE_GITHUB_URL is not set: run the browser tests with `npm run test:e2e`");
  const response = await fetch(`${url}/__fixtures`, { method: "POST", body: JSON.stringify({ pulls }), headers: { "content-type": "application/json" } });
  expect(response.status).toBe(200);
}
