import { handle } from "@/lib/http/handle";
import { resendInvitationEndpoint } from "@/lib/invitations/endpoints";
import { resendInvitation } from "@/lib/invitations/manage-invitation";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(resendInvitationEndpoint, async ({ ctx, params }) => resendInvitation(ctx, params.invitationId));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
