import { handle } from "@/lib/http/handle";
import { getMeEndpoint } from "@/lib/users/endpoints";
import { getMe } from "@/lib/users/service";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(getMeEndpoint, async ({ ctx }) => getMe(ctx));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
