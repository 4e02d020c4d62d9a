/**
 * The demo organization a fresh embedded install starts with, so a newcomer can
 * sign in and look around: its people, the built-in roadmap published, and the
 * hires' assignments (seed-demo-assignments.ts) with evidence waiting for the
 * mentor (seed-demo-evidence.ts). Idempotent: each part is added
 * only when missing, so running it again changes nothing and a demo seeded by an
 * older Cairn gains what it lacks.
 */
import { hash } from "@node-rs/argon2";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { seedDemoAssignments, seedDemoTrack } from "./seed-demo-assignments";
import { seedDemoEvidence } from "./seed-demo-evidence";

export const DEMO_ORG = { slug: "demo", name: "Acme Engineering (demo)" };
/** Every demo account shares this password; it exists only in the local demo data. */
export const DEMO_PASSWORD = "cairn-demo-2026";

export const DEMO_PEOPLE: ReadonlyArray<{ email: string; name: string; role: Role; what: string }> = [
  { email: "olivia.owner@demo.cairn.test", name: "Olivia Okafor", role: "OWNER", what: "owner" },
  { email: "arjun.admin@demo.cairn.test", name: "Arjun Mehta", role: "ADMIN", what: "engineering manager" },
  { email: "mei.mentor@demo.cairn.test", name: "Mei Chen", role: "MENTOR", what: "mentor" },
  { email: "noah.hire@demo.cairn.test", name: "Noah Kim", role: "MEMBER", what: "new hire" },
  { email: "lena.hire@demo.cairn.test", name: "Lena Fischer", role: "MEMBER", what: "new hire" },
  { email: "sam.hire@demo.cairn.test", name: "Sam Rivera", role: "MEMBER", what: "new hire" },
];

export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  const existing = await db.organization.findUnique({ where: { slug: DEMO_ORG.slug }, select: { id: true } });
  if (!existing) await seedPeople(db);
  await db.$transaction(async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG.slug }, select: { id: true } });
    const idOf = async (email: string) => (await tx.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
    const [owner, manager, mentor] = DEMO_PEOPLE.slice(0, 3).map((person) => person.email);
    await seedDemoTrack(tx, organization.id, await idOf(owner!));
    await seedDemoAssignments(tx, organization.id, await idOf(manager!), await idOf(mentor!));
    await seedDemoEvidence(tx, organization.id, await idOf(mentor!));
  }, { timeout: 30_000 });
  return { created: !existing };
}

async function seedPeople(db: Db): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const organization = await tx.organization.create({ data: DEMO_ORG });
    for (const person of DEMO_PEOPLE) {
      const user = await tx.user.upsert({
        where: { email: person.email },
        update: {},
        create: { email: person.email, name: person.name, passwordHash, emailVerified: new Date() },
      });
      await tx.membership.create({ data: { organizationId: organization.id, userId: user.id, role: person.role } });
    }
  });
}
