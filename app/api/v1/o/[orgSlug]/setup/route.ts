import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";
import { getSetupProgressEndpoint } from "@/lib/orgs/endpoints";
import { setupProgress } from "@/lib/orgs/setup-progress";

export const GET = handle(getSetupProgressEndpoint, async ({ ctx }) => setupProgress(ctx));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
