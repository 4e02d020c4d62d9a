import { handle } from "@/lib/http/handle";
import { deleteOrganizationEndpoint, getOrganizationEndpoint, renameOrganizationEndpoint } from "@/lib/orgs/endpoints";
import { deleteOrganization } from "@/lib/orgs/delete-organization";
import { getOrganization, renameOrganization } from "@/lib/orgs/service";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(getOrganizationEndpoint, async ({ ctx }) => getOrganization(ctx));

export const PATCH = handle(renameOrganizationEndpoint, async ({ ctx, body }) => renameOrganization(ctx, body));

export const DELETE = handle(deleteOrganizationEndpoint, async ({ ctx, body }) => ({ ...(await deleteOrganization(ctx, body)), deleted: true as const }));

export const { POST, PUT } = otherMethods({ GET, PATCH, DELETE });
