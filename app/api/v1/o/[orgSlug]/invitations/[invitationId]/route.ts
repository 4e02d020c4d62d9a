import { handle } from "@/lib/http/handle";
import { revokeInvitationEndpoint } from "@/lib/invitations/endpoints";
import { revokeInvitation } from "@/lib/invitations/manage-invitation";
import { otherMethods } from "@/lib/http/other-methods";

export const DELETE = handle(revokeInvitationEndpoint, async ({ ctx, params }) => revokeInvitation(ctx, params.invitationId));

export const { GET, POST, PUT, PATCH } = otherMethods({ DELETE });
