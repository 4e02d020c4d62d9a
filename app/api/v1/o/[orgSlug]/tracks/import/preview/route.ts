import { handle } from "@/lib/http/handle";
import { previewTrackImportEndpoint } from "@/lib/tracks/endpoints";
import { previewImport } from "@/lib/tracks/preview";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(previewTrackImportEndpoint, async ({ body }) => previewImport(body.text, body.format));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
