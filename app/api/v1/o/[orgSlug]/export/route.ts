import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";
import { exportOrganizationEndpoint } from "@/lib/orgs/endpoints";
import { exportOrganization } from "@/lib/orgs/export-organization";

export const GET = handle(exportOrganizationEndpoint, ({ ctx }) => exportOrganization(ctx));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
