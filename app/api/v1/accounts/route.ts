import { signUpEndpoint } from "@/lib/accounts/endpoints";
import { signUp } from "@/lib/accounts/service";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(signUpEndpoint, async ({ body }) => signUp(body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
