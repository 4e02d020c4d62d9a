import { handle } from "@/lib/http/handle";
import { blockOrganization } from "@/lib/invitations/block-organization";
import { blockInvitationsEndpoint } from "@/lib/invitations/endpoints";

export const POST = handle(blockInvitationsEndpoint, ({ ctx, body }) => blockOrganization(ctx, body.token));
