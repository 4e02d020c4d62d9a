import { expect, test } from "./support/fixtures";
import { probeSocket } from "./support/socket-probe";

test("the API reference page renders the generated OpenAPI document", async ({ page }) => {
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Each declared operation is rendered with its method and path (the side index may be hidden on narrow screens).
  for (const path of ["/api/v1/o/{orgSlug}", "/api/health/ready", "/api/v1/me"]) {
    await expect(page.getByText(path, { exact: true }).filter({ visible: true }).first()).toBeVisible();
  }
  await expect(page.getByRole("link", { name: /raw openapi document/i })).toHaveAttribute("href", "/api/v1/openapi.json");
});

test("API errors come back in the envelope with a request id", async ({ request }) => {
  const unknown = await request.get("/api/v1/does-not-exist", { headers: { "x-request-id": "e2e-request-0001" } });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String), requestId: "e2e-request-0001" } });

  const anonymous = await request.get("/api/v1/me");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("UNAUTHENTICATED");

  const malformed = await request.patch("/api/v1/o/demo", { data: "{not json", headers: { "content-type": "application/json" } });
  expect(malformed.status()).toBe(401); // authentication comes before the body is read
});

test("health endpoints answer through the real server", async ({ request }) => {
  expect((await request.get("/api/health/live")).status()).toBe(200);
  const ready = await request.get("/api/health/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ready", checks: { database: { status: "up" } } });
});

test("an anonymous socket is refused by the real server", async ({ page, baseURL }) => {
  await page.goto("/");
  const outcome = await probeSocket(page, baseURL!);
  expect(outcome).toMatch(/^44/);
  expect(outcome).toContain("UNAUTHENTICATED");
});
