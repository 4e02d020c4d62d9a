import { handle } from "@/lib/http/handle";
import { previewInvitation } from "@/lib/invitations/accept-invitation";
import { previewInvitationEndpoint } from "@/lib/invitations/endpoints";

export const GET = handle(previewInvitationEndpoint, async ({ params }) => previewInvitation(params.token));
