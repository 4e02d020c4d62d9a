import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";

/** How roles read in the product: a MEMBER is a new hire. */
export const ROLE_LABEL: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", MENTOR: "Mentor", MEMBER: "New hire" };

export const STATUS_LABEL: Record<MembershipStatus, string> = { ACTIVE: "Active", SUSPENDED: "Suspended" };
