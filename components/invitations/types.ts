import type { Role } from "@/lib/generated/prisma/enums";

/** An invitation as the API sends it (dates as ISO strings). */
export interface InvitationJson {
  id: string;
  email: string;
  role: Role;
  invitedBy: { id: string; name: string | null; email: string } | null;
  createdAt: string;
  lastSentAt: string;
  expiresAt: string;
  expired: boolean;
}

export interface InvitationPageJson {
  items: InvitationJson[];
  nextCursor: string | null;
}

export interface InviteResultJson {
  invited: InvitationJson[];
  alreadyMember: string[];
  alreadyInvited: string[];
  /** Refused by a sending limit or a block: `message` says which, for people. */
  notInvited: Array<{ email: string; reason: string; message: string }>;
  duplicates: string[];
  invalid: Array<{ index: number; value: string; reason: string }>;
}
