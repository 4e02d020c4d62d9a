import { z } from "zod";
import { pageQueryFields } from "@/lib/http/pagination";
import { ROLES } from "@/lib/authz/policy";
import { orgSlugSchema } from "@/lib/orgs/schema";
import { decodeCursor } from "./cursor";
import { MEMBERSHIP_STATUSES } from "./rules";

export const roleSchema = z.enum(ROLES);
export const membershipStatusSchema = z.enum(MEMBERSHIP_STATUSES);

export const MEMBERS_PAGE_DEFAULT = 25;
export const MEMBERS_PAGE_MAX = 100;

export const membersParamsSchema = z.strictObject({ orgSlug: orgSlugSchema });

/** A membership id that cannot exist fails here and answers 404, like one of another organization. */
export const memberParamsSchema = z.strictObject({ orgSlug: orgSlugSchema, membershipId: z.cuid() });

export const listMembersQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .max(100, "Search for at most 100 characters.")
    .optional()
    .meta({ description: "Case-insensitive text searched in names and emails." }),
  role: roleSchema.optional(),
  status: membershipStatusSchema.optional(),
  ...pageQueryFields({ noun: "member", max: MEMBERS_PAGE_MAX, default: MEMBERS_PAGE_DEFAULT, decode: decodeCursor }),
});

export type ListMembersQuery = z.output<typeof listMembersQuerySchema>;

export const memberSchema = z.object({
  id: z.string().meta({ description: "The membership id." }),
  user: z.object({ id: z.string(), name: z.string().nullable(), email: z.string() }),
  role: roleSchema,
  status: membershipStatusSchema,
  joinedAt: z.date(),
});

export type Member = z.output<typeof memberSchema>;

export const memberPageSchema = z.object({
  items: z.array(memberSchema),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
});

export const updateMemberSchema = z
  .strictObject({ role: roleSchema.optional(), status: membershipStatusSchema.optional() })
  .refine((body) => body.role !== undefined || body.status !== undefined, { message: "Send a role, a status or both." });

export type MemberUpdate = z.output<typeof updateMemberSchema>;

export const removedMemberSchema = z.object({ id: z.string(), removed: z.literal(true) });
