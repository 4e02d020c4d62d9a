import { handle } from "@/lib/http/handle";
import { getEmailPreferences, updateEmailPreferences } from "@/lib/users/email-preferences";
import { getEmailPreferencesEndpoint, updateEmailPreferencesEndpoint } from "@/lib/users/endpoints";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(getEmailPreferencesEndpoint, async ({ ctx }) => getEmailPreferences(ctx));

export const PATCH = handle(updateEmailPreferencesEndpoint, async ({ ctx, body }) => updateEmailPreferences(ctx, body));

export const { POST, PUT, DELETE } = otherMethods({ GET, PATCH });
