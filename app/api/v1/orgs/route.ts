import { handle } from "@/lib/http/handle";
import { createOrganizationEndpoint } from "@/lib/orgs/endpoints";
import { createOrganization } from "@/lib/orgs/service";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(createOrganizationEndpoint, async ({ ctx, body }) => createOrganization(ctx, body.name));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
