import { handle } from "@/lib/http/handle";
import { livenessEndpoint } from "@/lib/observability/endpoints";

export const GET = handle(livenessEndpoint, async () => ({ status: "ok" as const, uptimeSeconds: Math.round(process.uptime()) }));
