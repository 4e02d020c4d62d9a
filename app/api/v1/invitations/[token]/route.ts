import { handle } from "@/lib/http/handle";
import { previewInvitation } from "@/lib/invitations/accept-invitation";
import { previewInvitationEndpoint } from "@/lib/invitations/endpoints";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(previewInvitationEndpoint, async ({ params }) => previewInvitation(params.token));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
