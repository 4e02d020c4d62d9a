import { reviewQueueEndpoint } from "@/lib/evidence/endpoints";
import { listReviewQueue } from "@/lib/evidence/review-queue";
import { handle } from "@/lib/http/handle";

export const GET = handle(reviewQueueEndpoint, async ({ ctx, query }) => listReviewQueue(ctx, query));
