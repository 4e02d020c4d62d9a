import { handle } from "@/lib/http/handle";
import { getOrganizationEndpoint, renameOrganizationEndpoint } from "@/lib/orgs/endpoints";
import { getOrganization, renameOrganization } from "@/lib/orgs/service";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(getOrganizationEndpoint, async ({ ctx }) => getOrganization(ctx));

export const PATCH = handle(renameOrganizationEndpoint, async ({ ctx, body }) => renameOrganization(ctx, body));

export const { POST, PUT, DELETE } = otherMethods({ GET, PATCH });
