import { expect, signedInPage, test } from "./support/fixtures";

// Issue 13: /sign-in?callbackUrl=/%09/evil.example/x passed the old check; the browser drops
// the tab, so both the server's redirect and the form's router.replace went to evil.example.
// tests/auth/sign-in-redirect.test.ts covers the page and next-auth at the handler level.

const ATTACK = "/sign-in?callbackUrl=/%09/evil.example/x";

test("signing in with a callbackUrl that leads off Cairn stays on Cairn", async ({ page, baseURL, factory }) => {
  const team = await factory.team("Redirect Org");
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));

  await page.goto(ATTACK);
  await page.getByLabel("Email").fill(team.owner.email);
  await page.getByLabel("Password").fill(team.owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(new URL(page.url()).pathname).toMatch(/^\/o(\/|$)/);
  expect(requests.filter((url) => url.includes("evil.example"))).toEqual([]);
});

test("a signed-in visitor is redirected to a path on Cairn, never to another host", async ({ browser, baseURL, factory }) => {
  const team = await factory.team("Redirect Org");
  const signedIn = await signedInPage(browser, team.owner);
  for (const callbackUrl of ["/%09/evil.example/x", "/%0A/evil.example/x", "//evil.example/x", "/%5Cevil.example/x", "https://evil.example/x", "javascript:alert(1)"]) {
    const response = await signedIn.request.get(`/sign-in?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
    expect(response.status(), callbackUrl).toBe(307);
    expect(response.headers()["location"], callbackUrl).toBe("/o");
  }
  const fine = await signedIn.request.get(`/sign-in?callbackUrl=${encodeURIComponent(`/o/${team.slug}/members`)}`, { maxRedirects: 0 });
  expect(fine.headers()["location"]).toBe(`/o/${team.slug}/members`);
  expect(baseURL).toBeTruthy();
  await signedIn.context().close();
});
