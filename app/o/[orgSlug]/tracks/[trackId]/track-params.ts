import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/http/errors";
import { trackParamsSchema, versionParamsSchema } from "@/lib/tracks/schema";

/**
 * Path segments checked with the API's own schemas: an id or number that cannot
 * exist is the same 404 as another organization's track.
 */
export function trackIdOrNotFound(trackId: string): string {
  if (!trackParamsSchema.shape.trackId.safeParse(trackId).success) notFound();
  return trackId;
}

export function versionNumberOrNotFound(number: string): number {
  const parsed = versionParamsSchema.shape.number.safeParse(number);
  if (!parsed.success) notFound();
  return parsed.data;
}

/** The services' NOT_FOUND (another organization's track included) as the page's 404. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
