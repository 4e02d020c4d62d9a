import { handle } from "@/lib/http/handle";
import { resendInvitationEndpoint } from "@/lib/invitations/endpoints";
import { resendInvitation } from "@/lib/invitations/manage-invitation";

export const POST = handle(resendInvitationEndpoint, async ({ ctx, params }) => resendInvitation(ctx, params.invitationId));
