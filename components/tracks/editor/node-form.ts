/**
 * The item panel's form: its values as the user types them, and the changes they
 * make to the node, checked with the API's own schema (so the messages are the
 * ones the server would give) before anything is sent.
 */
import { updateNodeSchema } from "@/lib/tracks/edit-schema";
import type { NodeContent, ResourceLink } from "./types";

export interface LinkRow {
  title: string;
  url: string;
}

export interface FormValues {
  title: string;
  description: string;
  /** As typed; whole minutes or empty. */
  estimatedMinutes: string;
  /** "" for no due date. */
  dueUnit: "" | "day" | "week";
  /** As typed; whole days or weeks from 1. */
  dueCount: string;
  optional: boolean;
  evidenceRequired: boolean;
  verificationRequired: boolean;
  resources: LinkRow[];
}

/** Only the fields the user touched: the rest keep following the node (an inline rename, an undo). */
export type FormDraft = Partial<FormValues>;

export function formValuesOf(node: NodeContent): FormValues {
  return {
    title: node.title,
    description: node.description ?? "",
    estimatedMinutes: node.estimatedMinutes === null ? "" : String(node.estimatedMinutes),
    dueUnit: node.due?.unit ?? "",
    dueCount: node.due === null ? "" : String(node.due.count),
    optional: node.optional,
    evidenceRequired: node.evidenceRequired,
    verificationRequired: node.verificationRequired,
    resources: node.resources.map((link) => ({ title: link.title ?? "", url: link.url })),
  };
}

export function valuesWithDraft(node: NodeContent, draft: FormDraft | undefined): FormValues {
  return { ...formValuesOf(node), ...draft };
}

export type FormCheck = { ok: true; changes: Partial<NodeContent> | null } | { ok: false; errors: Record<string, string> };

const sameLinks = (a: readonly ResourceLink[], b: readonly ResourceLink[]) =>
  a.length === b.length && a.every((link, index) => (link.title ?? "") === (b[index]!.title ?? "") && link.url === b[index]!.url);

/**
 * What saving `values` would change on `node` (null: nothing), or the messages
 * per field ("title", "estimatedMinutes", "resources.2.url"), as the server
 * names them, with link indexes counted in the rows on screen.
 */
export function checkForm(node: NodeContent, values: FormValues): FormCheck {
  const body: Record<string, unknown> = {};
  if (values.title.trim() !== node.title) body.title = values.title;
  const description = values.description.replace(/\r\n?/g, "\n").trim();
  if ((description || null) !== node.description) body.description = values.description;
  const minutesText = values.estimatedMinutes.trim();
  const minutes = minutesText === "" ? null : Number(minutesText);
  if (minutes !== null && Number.isNaN(minutes)) return { ok: false, errors: { estimatedMinutes: "Minutes are a whole number." } };
  if (minutes !== node.estimatedMinutes) body.estimatedMinutes = minutes;
  if (values.dueUnit === "") {
    if (node.due !== null) body.due = null;
  } else {
    const countText = values.dueCount.trim();
    const count = countText === "" ? Number.NaN : Number(countText);
    if (Number.isNaN(count)) return { ok: false, errors: { "due.count": `Say which ${values.dueUnit}: a whole number from 1.` } };
    if (node.due === null || node.due.unit !== values.dueUnit || node.due.count !== count) body.due = { unit: values.dueUnit, count };
  }
  if (values.optional !== node.optional) body.optional = values.optional;
  if (values.evidenceRequired !== node.evidenceRequired) body.evidenceRequired = values.evidenceRequired;
  if (values.verificationRequired !== node.verificationRequired) body.verificationRequired = values.verificationRequired;

  // Rows left completely empty are dropped; `rowOf` maps a sent link back to its row.
  const rowOf: number[] = [];
  const links: ResourceLink[] = [];
  values.resources.forEach((row, index) => {
    const title = row.title.trim();
    const url = row.url.trim();
    if (!title && !url) return;
    rowOf.push(index);
    links.push(title ? { title, url } : { url });
  });
  if (!sameLinks(links, node.resources)) body.resources = links;

  if (Object.keys(body).length === 0) return { ok: true, changes: null };
  const parsed = updateNodeSchema.safeParse(body);
  if (parsed.success) return { ok: true, changes: parsed.data as Partial<NodeContent> };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    if (path[0] === "resources" && path[1] !== undefined) path[1] = String(rowOf[Number(path[1])] ?? path[1]);
    errors[path.join(".") || "form"] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The server's field errors ("resources.0.url") in the rows on screen, for a save that sent `values`. */
export function screenFieldErrors(fieldErrors: Record<string, string>, values: FormValues): Record<string, string> {
  const rowOf = values.resources.flatMap((row, index) => (row.title.trim() || row.url.trim() ? [index] : []));
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    const match = /^resources\.(\d+)(\..*)?$/.exec(field);
    errors[match ? `resources.${rowOf[Number(match[1])] ?? match[1]}${match[2] ?? ""}` : field] = message;
  }
  return errors;
}

/** True when the draft would change something (typing a field back to what it was is not a change). */
export function isDirty(node: NodeContent, draft: FormDraft | undefined): boolean {
  if (!draft) return false;
  const check = checkForm(node, valuesWithDraft(node, draft));
  return !check.ok || check.changes !== null;
}
