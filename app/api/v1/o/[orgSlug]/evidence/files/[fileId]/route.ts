import { downloadEvidenceFileEndpoint } from "@/lib/evidence/endpoints";
import { downloadFile } from "@/lib/evidence/evidence-files";
import { handle } from "@/lib/http/handle";

export const GET = handle(downloadEvidenceFileEndpoint, async ({ ctx, params }) => downloadFile(ctx, params.fileId));
