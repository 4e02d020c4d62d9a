/**
 * An organization's GitHub token for evidence checks of private repositories
 * (decision 0034). Owners set, replace or remove it; it is sealed with
 * NEXTAUTH_SECRET (lib/jobs/sealed-secret.ts) and never leaves the server: the
 * API says only whether one is set, and when. Recorded as
 * organization.github_token_set / organization.github_token_removed (without the token).
 */
import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import type { OrgContext } from "@/lib/http/handle";
import { sealSecret } from "@/lib/jobs/sealed-secret";
import { getConfig } from "@/lib/config";

export async function readGitHubSettings(ctx: OrgContext) {
  const row = await getDb().organizationGitHubSettings.findUnique({ where: { organizationId: ctx.organization.id }, select: { updatedAt: true } });
  return settingsOut(row);
}

export async function setGitHubToken(ctx: OrgContext, token: string) {
  const organizationId = ctx.organization.id;
  const sealedToken = sealSecret(token);
  return getDb().$transaction(async (tx) => {
    const row = await tx.organizationGitHubSettings.upsert({
      where: { organizationId },
      create: { organizationId, sealedToken, updatedById: ctx.user.id },
      update: { sealedToken, updatedById: ctx.user.id },
      select: { updatedAt: true },
    });
    await recordEvent(tx, { organizationId, type: "organization.github_token_set", actorId: ctx.user.id, subjectType: "organization", subjectId: organizationId });
    return settingsOut(row);
  });
}

export async function removeGitHubToken(ctx: OrgContext) {
  const organizationId = ctx.organization.id;
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.organizationGitHubSettings.deleteMany({ where: { organizationId } });
    if (count > 0) await recordEvent(tx, { organizationId, type: "organization.github_token_removed", actorId: ctx.user.id, subjectType: "organization", subjectId: organizationId });
    return settingsOut(null);
  });
}

function settingsOut(row: { updatedAt: Date } | null) {
  return { tokenConfigured: row !== null, updatedAt: row?.updatedAt ?? null, apiUrl: getConfig().GITHUB_API_URL };
}
