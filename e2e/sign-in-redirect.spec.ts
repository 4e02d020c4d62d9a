import { expect, test } from "./support/fixtures";

// Issue 13: /sign-in?callbackUrl=/%09/evil.example/x passed the old check; the browser drops
// the tab, so both the server's redirect and the form's router.replace went to evil.example.
// tests/auth/sign-in-redirect.test.ts covers the page and next-auth at the handler level (decision 0016).

test("signing in through the form with a callbackUrl that leads off Cairn stays on Cairn", async ({ page, baseURL, factory }) => {
  const team = await factory.team("Redirect Org");
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));

  await page.goto("/sign-in?callbackUrl=/%09/evil.example/x");
  await page.getByLabel("Email").fill(team.owner.email);
  await page.getByLabel("Password").fill(team.owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(new URL(page.url()).pathname).toMatch(/^\/o(\/|$)/);
  expect(requests.filter((url) => new URL(url).hostname !== new URL(baseURL!).hostname)).toEqual([]);
});

test("a signed-in visitor is sent to a path on Cairn, never to another host", async ({ baseURL, factory, pageAs }) => {
  const team = await factory.team("Redirect Org");
  const signedIn = await pageAs(team.owner);
  const requests: string[] = [];
  signedIn.on("request", (request) => requests.push(request.url()));
  for (const callbackUrl of ["/%09/evil.example/x", "/%0A/evil.example/x", "//evil.example/x", "/%5Cevil.example/x", "https://evil.example/x", "javascript:alert(1)"]) {
    await signedIn.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    await expect(signedIn, callbackUrl).not.toHaveURL(/\/sign-in/);
    expect(new URL(signedIn.url()).origin, callbackUrl).toBe(new URL(baseURL!).origin);
    expect(new URL(signedIn.url()).pathname, callbackUrl).toMatch(/^\/o(\/|$)/);
  }
  expect(requests.filter((url) => new URL(url).hostname !== new URL(baseURL!).hostname)).toEqual([]);
  await signedIn.goto(`/sign-in?callbackUrl=${encodeURIComponent(`/o/${team.slug}/members`)}`);
  await expect(signedIn).toHaveURL(new RegExp(`/o/${team.slug}/members$`));
});
