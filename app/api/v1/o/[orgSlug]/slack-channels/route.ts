import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";
import { createSlackChannelEndpoint } from "@/lib/webhooks/endpoints";
import { createSlackChannel } from "@/lib/webhooks/manage-webhooks";

export const POST = handle(createSlackChannelEndpoint, async ({ ctx, body }) => createSlackChannel(ctx, body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
