import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { handle } from "@/lib/http/handle";
import { readinessEndpoint } from "@/lib/observability/endpoints";
import { checkDatabase } from "@/lib/observability/health";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(readinessEndpoint, async () => {
  const database = await checkDatabase(getDb(), getConfig().READINESS_TIMEOUT_MS);
  if (database.status !== "up") {
    throw new AppError("SERVICE_UNAVAILABLE", "Not ready: the database is unavailable.", { checks: { database } });
  }
  return { status: "ready" as const, checks: { database } };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
