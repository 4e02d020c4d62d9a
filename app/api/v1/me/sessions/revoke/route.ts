import { handle } from "@/lib/http/handle";
import { revokeSessionsEndpoint } from "@/lib/users/endpoints";
import { revokeAllSessions } from "@/lib/users/service";

export const POST = handle(revokeSessionsEndpoint, async ({ ctx }) => revokeAllSessions(ctx));
