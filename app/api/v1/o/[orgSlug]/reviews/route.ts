import { reviewQueueEndpoint } from "@/lib/evidence/endpoints";
import { listReviewQueue } from "@/lib/evidence/review-queue";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(reviewQueueEndpoint, async ({ ctx, query }) => listReviewQueue(ctx, query));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
