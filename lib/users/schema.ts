import { z } from "zod";
import { PERMISSIONS, ROLES } from "@/lib/authz/policy";

export const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }),
  memberships: z.array(
    z.object({
      organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
      role: z.enum(ROLES),
      status: z.enum(["ACTIVE", "SUSPENDED"]),
      permissions: z.array(z.enum(PERMISSIONS as [string, ...string[]])).meta({ description: "What this role may do here; the UI hides the rest." }),
    }),
  ),
});
