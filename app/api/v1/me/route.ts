import { handle } from "@/lib/http/handle";
import { getMeEndpoint } from "@/lib/users/endpoints";
import { getMe } from "@/lib/users/service";

export const GET = handle(getMeEndpoint, async ({ ctx }) => getMe(ctx));
