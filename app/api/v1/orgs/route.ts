import { handle } from "@/lib/http/handle";
import { createOrganizationEndpoint } from "@/lib/orgs/endpoints";
import { createOrganization } from "@/lib/orgs/service";

export const POST = handle(createOrganizationEndpoint, async ({ ctx, body }) => createOrganization(ctx, body.name));
