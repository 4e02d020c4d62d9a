import { describe, expect, it } from "vitest";
import { buildRouteTemplateMatcher, routeTemplateMatcher } from "./route-templates";

describe("route templates for metric labels", () => {
  const match = routeTemplateMatcher();

  it("names the app directory's pages and routes by template, never by their ids", () => {
    expect(match("/")).toBe("/");
    expect(match("/o/acme")).toBe("/o/{orgSlug}");
    expect(match("/o/acme/tracks/cl9x0abc")).toBe("/o/{orgSlug}/tracks/{trackId}");
    expect(match("/o/acme/tracks/cl9x0abc/versions/3/diff")).toBe("/o/{orgSlug}/tracks/{trackId}/versions/{number}/diff");
    expect(match("/sign-in")).toBe("/sign-in"); // (auth) is a group, not a segment
    expect(match("/invitations/tok_secret")).toBe("/invitations/{token}");
    expect(match("/api/auth/callback/github")).toBe("/api/auth/{nextauth*}");
    expect(match("/api/v1/o/acme/assignments/a1")).toBe("/api/v1/o/{orgSlug}/assignments/{assignmentId}");
  });

  it("prefers a static segment to a parameter, and a parameter to a catch-all", () => {
    expect(match("/o/acme/tracks/import")).toBe("/o/{orgSlug}/tracks/import");
    expect(match("/o/acme/assignments/new")).toBe("/o/{orgSlug}/assignments/new");
    expect(match("/api/health/live")).toBe("/api/health/live");
    expect(match("/api/no/such/thing")).toBe("/api/{path*}");
  });

  it("folds everything else into a few fixed labels", () => {
    expect(match("/_next/static/chunks/app-123abc.js")).toBe("/_next/static");
    expect(match("/_next/image")).toBe("/_next/image");
    expect(match("/_next/webpack-hmr")).toBe("/_next");
    expect(match("/wp-login.php")).toBe("other");
    expect(match("/o/acme/no/such/page/here")).toBe("other");
    expect(match("/o/acme/tracks/t1/extra")).toBe("other");
  });

  it("handles optional catch-alls and works without an app directory", () => {
    const optional = buildRouteTemplateMatcher([["docs", "[[...slug]]"]]);
    expect(optional("/docs")).toBe("/docs/{slug*}");
    expect(optional("/docs/a/b")).toBe("/docs/{slug*}");
    expect(routeTemplateMatcher("/nonexistent/app")("/o/acme")).toBe("other");
  });
});
