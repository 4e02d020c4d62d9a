/**
 * The demo organization a fresh embedded install starts with, so a newcomer can
 * sign in and look around: its people, the built-in roadmap published, and the
 * hires' assignments (seed-demo-assignments.ts) with evidence waiting for the
 * mentor (seed-demo-evidence.ts). Idempotent: each part is added
 * only when missing, so running it again changes nothing and a demo seeded by an
 * older Cairn gains what it lacks.
 *
 * The browser tests seed copies of it under their own slug and email domain
 * (e2e/support/factory.ts): the real demo organization stays read-only for tests.
 */
import { hashPassword } from "@/lib/auth/password-hash";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { seedDemoAssignments, seedDemoTrack } from "./seed-demo-assignments";
import { seedDemoEvidence } from "./seed-demo-evidence";

/** A demo organization: the real one, or a copy with its own slug and people (by email domain). */
export interface DemoOrganization {
  slug: string;
  name: string;
  emailDomain: string;
}

export const DEMO_ORG: DemoOrganization = { slug: "demo", name: "Acme Engineering (demo)", emailDomain: "demo.cairn.test" };
/** Every demo account shares this password; it exists only in the local demo data. */
export const DEMO_PASSWORD = "cairn-demo-2026";

/** The demo's people by handle, the local part of their email address. */
export const DEMO_HANDLES = ["olivia.owner", "arjun.admin", "mei.mentor", "noah.hire", "lena.hire", "sam.hire"] as const;
export type DemoHandle = (typeof DEMO_HANDLES)[number];

const PEOPLE: ReadonlyArray<{ handle: DemoHandle; name: string; role: Role; what: string }> = [
  { handle: "olivia.owner", name: "Olivia Okafor", role: "OWNER", what: "owner" },
  { handle: "arjun.admin", name: "Arjun Mehta", role: "ADMIN", what: "engineering manager" },
  { handle: "mei.mentor", name: "Mei Chen", role: "MENTOR", what: "mentor" },
  { handle: "noah.hire", name: "Noah Kim", role: "MEMBER", what: "new hire" },
  { handle: "lena.hire", name: "Lena Fischer", role: "MEMBER", what: "new hire" },
  { handle: "sam.hire", name: "Sam Rivera", role: "MEMBER", what: "new hire" },
];

export function demoPeople(demo: DemoOrganization = DEMO_ORG) {
  return PEOPLE.map((person) => ({ ...person, email: `${person.handle}@${demo.emailDomain}` }));
}

export const DEMO_PEOPLE: ReadonlyArray<{ email: string; name: string; role: Role; what: string }> = demoPeople();

export async function seedDemo(db: Db, demo: DemoOrganization = DEMO_ORG): Promise<{ created: boolean }> {
  const existing = await db.organization.findUnique({ where: { slug: demo.slug }, select: { id: true } });
  if (!existing) await seedPeople(db, demo);
  const emailOf = (handle: DemoHandle) => `${handle}@${demo.emailDomain}`;
  await db.$transaction(async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({ where: { slug: demo.slug }, select: { id: true } });
    const idOf = async (handle: DemoHandle) => (await tx.user.findUniqueOrThrow({ where: { email: emailOf(handle) }, select: { id: true } })).id;
    await seedDemoTrack(tx, organization.id, await idOf("olivia.owner"));
    await seedDemoAssignments(tx, organization.id, await idOf("arjun.admin"), await idOf("mei.mentor"), emailOf);
    await seedDemoEvidence(tx, organization.id, await idOf("mei.mentor"), emailOf);
  }, { timeout: 30_000 });
  return { created: !existing };
}

async function seedPeople(db: Db, demo: DemoOrganization): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const organization = await tx.organization.create({ data: { slug: demo.slug, name: demo.name } });
    for (const person of demoPeople(demo)) {
      const user = await tx.user.upsert({
        where: { email: person.email },
        update: {},
        create: { email: person.email, name: person.name, passwordHash, emailVerified: new Date() },
      });
      await tx.membership.create({ data: { organizationId: organization.id, userId: user.id, role: person.role } });
    }
  });
}
