import { handle } from "@/lib/http/handle";
import { previewTrackImportEndpoint } from "@/lib/tracks/endpoints";
import { previewImport } from "@/lib/tracks/preview";

export const POST = handle(previewTrackImportEndpoint, async ({ body }) => previewImport(body.text));
