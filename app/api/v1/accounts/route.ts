import { signUpEndpoint } from "@/lib/accounts/endpoints";
import { signUp } from "@/lib/accounts/service";
import { handle } from "@/lib/http/handle";

export const POST = handle(signUpEndpoint, async ({ body }) => signUp(body));
