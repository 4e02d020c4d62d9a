import { describe, expect, it } from "vitest";
import { checkForm, formValuesOf, isDirty, screenFieldErrors, valuesWithDraft } from "./node-form";
import { node } from "./test-nodes";

const item = node("k", "S", "ITEM", { title: "Sets", description: "Hash tables.", estimatedMinutes: 30, resources: [{ title: "Docs", url: "https://docs.python.org" }] });

describe("checkForm", () => {
  it("sends only what changed, normalized as the server stores it", () => {
    const values = { ...formValuesOf(item), title: "  Sets and dicts ", description: "", estimatedMinutes: "45", evidenceRequired: true };
    expect(checkForm(item, values)).toEqual({ ok: true, changes: { title: "Sets and dicts", description: null, estimatedMinutes: 45, evidenceRequired: true } });
  });

  it("reports no change for the node's own values, and for whitespace around them", () => {
    expect(checkForm(item, formValuesOf(item))).toEqual({ ok: true, changes: null });
    expect(checkForm(item, { ...formValuesOf(item), description: "Hash tables.\n" })).toEqual({ ok: true, changes: null });
    expect(isDirty(item, { title: "Sets" })).toBe(false);
    expect(isDirty(item, { title: "Sets!" })).toBe(true);
    expect(isDirty(item, undefined)).toBe(false);
  });

  it("drops empty link rows, keeps a link without a title, and names errors by the row on screen", () => {
    const values = { ...formValuesOf(item), resources: [{ title: "", url: "" }, { title: "", url: "https://example.com/a" }, { title: "Bad", url: "javascript:alert(1)" }] };
    expect(checkForm(item, values)).toEqual({ ok: false, errors: { "resources.2.url": "A link is an http:// or https:// address." } });
    values.resources.pop();
    expect(checkForm(item, values)).toEqual({ ok: true, changes: { resources: [{ url: "https://example.com/a" }] } });
  });

  it("refuses minutes that are not a whole number, and an empty title", () => {
    expect(checkForm(item, { ...formValuesOf(item), estimatedMinutes: "abc" })).toEqual({ ok: false, errors: { estimatedMinutes: "Minutes are a whole number." } });
    expect(checkForm(item, { ...formValuesOf(item), estimatedMinutes: "1.5" })).toEqual({ ok: false, errors: { estimatedMinutes: "Minutes are a whole number." } });
    expect(checkForm(item, { ...formValuesOf(item), estimatedMinutes: "" })).toEqual({ ok: true, changes: { estimatedMinutes: null } });
    expect(checkForm(item, { ...formValuesOf(item), title: "   " })).toEqual({ ok: false, errors: { title: "A title has at least 1 character." } });
  });
});

describe("the due fields", () => {
  const due = node("d", "S", "ITEM", { title: "Laptop", due: { unit: "day", count: 3 } });

  it("sends a new, changed or cleared due, and nothing when it is the same", () => {
    expect(formValuesOf(due)).toMatchObject({ dueUnit: "day", dueCount: "3" });
    expect(checkForm(due, formValuesOf(due))).toEqual({ ok: true, changes: null });
    expect(checkForm(due, { ...formValuesOf(due), dueCount: " 3 " })).toEqual({ ok: true, changes: null });
    expect(checkForm(due, { ...formValuesOf(due), dueUnit: "week" })).toEqual({ ok: true, changes: { due: { unit: "week", count: 3 } } });
    expect(checkForm(due, { ...formValuesOf(due), dueUnit: "" })).toEqual({ ok: true, changes: { due: null } });
    expect(checkForm(item, { ...formValuesOf(item), dueUnit: "week", dueCount: "2" })).toEqual({ ok: true, changes: { due: { unit: "week", count: 2 } } });
  });

  it("names what is wrong with the number under the server's field name", () => {
    expect(checkForm(due, { ...formValuesOf(due), dueCount: "" })).toEqual({ ok: false, errors: { "due.count": "Say which day: a whole number from 1." } });
    expect(checkForm(due, { ...formValuesOf(due), dueCount: "0" })).toEqual({ ok: false, errors: { "due.count": "Days and weeks count from 1." } });
    expect(checkForm(due, { ...formValuesOf(due), dueUnit: "week", dueCount: "600" })).toEqual({ ok: false, errors: { "due.count": "At most week 520." } });
    expect(checkForm(due, { ...formValuesOf(due), dueCount: "2.5" })).toEqual({ ok: false, errors: { "due.count": "A due is a whole number of days or weeks." } });
  });

  it("refuses a title that ends like a due marker", () => {
    expect(checkForm(due, { ...formValuesOf(due), title: "Laptop (due week 1)" })).toEqual({ ok: false, errors: { title: "Set the due date in the Due field, not at the end of the title." } });
  });
});

describe("drafts and server errors", () => {
  it("lays a draft over the node's values, field by field", () => {
    expect(valuesWithDraft(item, { description: "typed" })).toEqual({ ...formValuesOf(item), description: "typed" });
  });

  it("maps the server's link indexes back to the rows on screen", () => {
    const values = { ...formValuesOf(item), resources: [{ title: "", url: "" }, { title: "x", url: "https://a.example" }] };
    expect(screenFieldErrors({ "resources.0.url": "Bad link.", title: "Too long." }, values)).toEqual({ "resources.1.url": "Bad link.", title: "Too long." });
  });
});
