import { handle } from "@/lib/http/handle";
import { livenessEndpoint } from "@/lib/observability/endpoints";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(livenessEndpoint, async () => ({ status: "ok" as const, uptimeSeconds: Math.round(process.uptime()) }));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
