import { handle } from "@/lib/http/handle";
import { listMembersEndpoint } from "@/lib/members/endpoints";
import { listMembers } from "@/lib/members/list-members";

export const GET = handle(listMembersEndpoint, async ({ ctx, query }) => listMembers(ctx, query));
