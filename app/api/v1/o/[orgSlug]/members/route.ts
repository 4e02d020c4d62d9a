import { handle } from "@/lib/http/handle";
import { listMembersEndpoint } from "@/lib/members/endpoints";
import { listMembers } from "@/lib/members/list-members";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listMembersEndpoint, async ({ ctx, query }) => listMembers(ctx, query));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
