import { listTrackUpgradeCandidatesEndpoint, upgradeTrackAssignmentsEndpoint } from "@/lib/assignments/endpoints";
import { listUpgradeCandidates, upgradeHires } from "@/lib/assignments/upgrade-hires";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listTrackUpgradeCandidatesEndpoint, async ({ ctx, params }) => listUpgradeCandidates(ctx, params.trackId));

export const POST = handle(upgradeTrackAssignmentsEndpoint, async ({ ctx, params, body }) => upgradeHires(ctx, params.trackId, body));

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
