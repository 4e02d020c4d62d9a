import { handle } from "@/lib/http/handle";
import { revokeInvitationEndpoint } from "@/lib/invitations/endpoints";
import { revokeInvitation } from "@/lib/invitations/manage-invitation";

export const DELETE = handle(revokeInvitationEndpoint, async ({ ctx, params }) => revokeInvitation(ctx, params.invitationId));
