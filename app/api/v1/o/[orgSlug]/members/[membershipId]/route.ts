import { handle } from "@/lib/http/handle";
import { removeMemberEndpoint, updateMemberEndpoint } from "@/lib/members/endpoints";
import { removeMember } from "@/lib/members/remove-member";
import { updateMember } from "@/lib/members/update-member";
import { otherMethods } from "@/lib/http/other-methods";

export const PATCH = handle(updateMemberEndpoint, async ({ ctx, params, body }) => updateMember(ctx, params.membershipId, body));

export const DELETE = handle(removeMemberEndpoint, async ({ ctx, params }) => removeMember(ctx, params.membershipId));

export const { GET, POST, PUT } = otherMethods({ PATCH, DELETE });
