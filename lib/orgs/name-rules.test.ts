import { describe, expect, it } from "vitest";
import { orgNameProblem } from "./name-rules";
import { createOrganizationSchema } from "./schema";

describe("organization names", () => {
  it("refuses web and email addresses, which invitation emails would show to strangers", () => {
    for (const name of [
      "Payroll: confirm your bank details at evil.example",
      "Payroll: confirm your bank details at evil.com",
      "Login at https://evil.example/now",
      "See www.evil.example",
      "evil.dev team",
      "Write to payroll@evil.example",
      "Booking.com",
      "Team 203.0.113.7",
    ]) {
      expect(orgNameProblem(name), name).toMatch(/web or email address/);
    }
  });

  it("keeps ordinary names, dotted technology names included", () => {
    for (const name of ["Acme Engineering (demo)", "Node.js Foundation", "Vue.js core", "Acme Inc.", "St. Mary's Hospital IT", "E.ON Platform", "Team v1.2.3", "Über Café"]) {
      expect(orgNameProblem(name), name).toBeNull();
    }
  });

  it("refuses control characters and text-direction overrides", () => {
    expect(orgNameProblem("Acme\nBcc: x")).toMatch(/control or text-direction/);
    expect(orgNameProblem("Acme \u202Emoc.live")).toMatch(/control or text-direction/);
  });

  it("is part of the schema that creates and renames organizations, with the field's path", () => {
    const refused = createOrganizationSchema.safeParse({ name: "  Payroll: confirm your bank details at evil.example " });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues).toEqual([expect.objectContaining({ path: ["name"], message: expect.stringMatching(/web or email address/) })]);
    expect(createOrganizationSchema.parse({ name: "  Lantern Labs " })).toEqual({ name: "Lantern Labs" });
  });
});
