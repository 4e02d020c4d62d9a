import { downloadEvidenceFileEndpoint } from "@/lib/evidence/endpoints";
import { downloadFile } from "@/lib/evidence/evidence-files";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(downloadEvidenceFileEndpoint, async ({ ctx, params }) => downloadFile(ctx, params.fileId));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
