/**
 * Turning what an inviter typed or pasted into recipients: split on commas,
 * semicolons, whitespace and newlines, accept "Name <address>" as pasted from a
 * mail client, lower-case, and collapse duplicates. Pure, so the dialog shows
 * the same count the server will act on.
 */
import { z } from "zod";

export const INVITATIONS_PER_REQUEST = 50;

const addressSchema = z.email();

/** The entries of a pasted list, in order, empty ones dropped. */
export function splitEmailList(text: string): string[] {
  return text.split(/[,;\n]+/).flatMap((chunk) => {
    // "Ada Lovelace <ada@example.com>" as pasted from a mail client: the address, without the name.
    const bracketed = [...chunk.matchAll(/<([^<>]*)>/g)].map((match) => match[1]!.trim());
    const words = chunk.replace(/<[^<>]*>/g, " ").split(/\s+/).filter((word) => word.length > 0);
    return bracketed.length > 0 ? [...words.filter((word) => word.includes("@")), ...bracketed] : words;
  });
}

export type RecipientCheck = { ok: true; email: string } | { ok: false; reason: string };

/** Whether one entry is an address, and its normal form. */
export function checkRecipient(entry: string): RecipientCheck {
  const email = entry.trim().replace(/^<|>$/g, "").toLowerCase();
  if (email.length === 0) return { ok: false, reason: "Empty entry." };
  if (email.length > 254) return { ok: false, reason: "An email address has at most 254 characters." };
  if (!email.includes("@")) return { ok: false, reason: "Not an email address: it has no @." };
  if (!addressSchema.safeParse(email).success) return { ok: false, reason: "Not a valid email address." };
  return { ok: true, email };
}

export interface SortedRecipients {
  /** Distinct valid addresses, lower-cased, in first-seen order. */
  valid: string[];
  /** Addresses that appeared more than once (reported once each). */
  duplicates: string[];
  invalid: Array<{ index: number; value: string; reason: string }>;
}

export function sortRecipients(entries: readonly string[]): SortedRecipients {
  const valid: string[] = [];
  const duplicates = new Set<string>();
  const invalid: SortedRecipients["invalid"] = [];
  entries.forEach((value, index) => {
    const check = checkRecipient(value);
    if (!check.ok) invalid.push({ index, value, reason: check.reason });
    else if (valid.includes(check.email)) duplicates.add(check.email);
    else valid.push(check.email);
  });
  return { valid, duplicates: [...duplicates], invalid };
}
