import { handle } from "@/lib/http/handle";
import { createInvitations } from "@/lib/invitations/create-invitations";
import { createInvitationsEndpoint, listInvitationsEndpoint } from "@/lib/invitations/endpoints";
import { listInvitations } from "@/lib/invitations/list-invitations";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listInvitationsEndpoint, async ({ ctx, query }) => listInvitations(ctx, query));

export const POST = handle(createInvitationsEndpoint, async ({ ctx, body }) => createInvitations(ctx, body));

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
