import { handle } from "@/lib/http/handle";
import { revokeSessionsEndpoint } from "@/lib/users/endpoints";
import { revokeAllSessions } from "@/lib/users/service";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(revokeSessionsEndpoint, async ({ ctx }) => revokeAllSessions(ctx));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
