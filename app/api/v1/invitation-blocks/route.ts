import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";
import { blockOrganization } from "@/lib/invitations/block-organization";
import { blockInvitationsEndpoint } from "@/lib/invitations/endpoints";

export const POST = handle(blockInvitationsEndpoint, ({ ctx, body }) => blockOrganization(ctx, body.token));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
