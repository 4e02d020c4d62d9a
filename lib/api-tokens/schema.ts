import { z } from "zod";
import { orgSlugSchema } from "@/lib/orgs/schema";
import { TOKEN_SCOPES } from "./scopes";

/** How many live tokens one member (personal) or one organization (service) may hold. */
export const MAX_PERSONAL_TOKENS_PER_MEMBER = 25;
export const MAX_SERVICE_TOKENS_PER_ORG = 50;

export const tokenNameSchema = z
  .string()
  .trim()
  .min(1, "Give the token a name.")
  .max(80, "A name has at most 80 characters.")
  .meta({ description: "What the token is for (\"CI export\"); shown in lists and in the audit log." });

const scopesSchema = z
  .array(z.enum(TOKEN_SCOPES as [string, ...string[]]))
  .min(1, "Choose at least one scope.")
  .max(TOKEN_SCOPES.length)
  .refine((scopes) => new Set(scopes).size === scopes.length, "List each scope once.")
  .meta({ description: "Permissions of the policy table the token may use; never more than its member's role allows at each request." });

const expiresInDaysSchema = z
  .number()
  .int("Whole days.")
  .min(1, "At least 1 day.")
  .max(366, "At most 366 days.")
  .nullable()
  .meta({ description: "Days until the token stops working; null: it does not expire." });

export const createPersonalTokenSchema = z.strictObject({
  orgSlug: orgSlugSchema.meta({ description: "The organization the token acts in (a token is bound to one)." }),
  name: tokenNameSchema,
  scopes: scopesSchema,
  expiresInDays: expiresInDaysSchema,
});
export type CreatePersonalTokenInput = z.output<typeof createPersonalTokenSchema>;

export const serviceRoleSchema = z.enum(["ADMIN", "MENTOR", "MEMBER"]).meta({ description: "The service member's role: never owner." });

export const createServiceTokenSchema = z.strictObject({
  name: tokenNameSchema,
  role: serviceRoleSchema,
  scopes: scopesSchema,
  expiresInDays: expiresInDaysSchema,
});
export type CreateServiceTokenInput = z.output<typeof createServiceTokenSchema>;

export const tokenIdParamsSchema = z.strictObject({ tokenId: z.cuid() });
export const serviceTokensParamsSchema = z.strictObject({ orgSlug: orgSlugSchema });
export const serviceTokenParamsSchema = z.strictObject({ orgSlug: orgSlugSchema, tokenId: z.cuid() });

export const apiTokenSchema = z.object({
  id: z.string(),
  kind: z.enum(["PERSONAL", "SERVICE"]),
  name: z.string(),
  prefix: z.string().meta({ description: "The token's first characters, to recognise it." }),
  scopes: z.array(z.string()),
  organization: z.object({ slug: z.string(), name: z.string() }),
  /** The service member's role (service tokens) or the person's role now (personal). */
  role: z.enum(["OWNER", "ADMIN", "MENTOR", "MEMBER"]),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable().meta({ description: "Updated at most once a minute." }),
  createdBy: z.string().nullable().meta({ description: "Who made it (service tokens)." }),
});
export type ApiTokenView = z.input<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });

export const createdApiTokenSchema = apiTokenSchema.extend({
  token: z.string().meta({ description: "The secret: shown this once, never again. Send it as `Authorization: Bearer <token>`." }),
});

export const revokedApiTokenSchema = z.object({ id: z.string(), revoked: z.literal(true) });
