/**
 * The browser tests' factory: organizations and people made straight in the run's
 * database, with the product's own code (the same functions sign-up, invitations and
 * the demo seed use), as the integration tests' factories do. A test makes the rows it
 * changes and spends none of the public production limits (sign-up, invitation
 * acceptance, sign-in) that the tests of those flows need.
 *
 * It runs in the Playwright worker process, on the database global-setup started
 * (E2E_DATABASE_URL), signing tokens with the server's secret (E2E_SECRET), so a session
 * made here is one the server accepts: no sign-in request at all. When sign-up or an
 * accepted invitation starts leaving something more behind (a row, an event), mirror it
 * here (docs/decisions/0014).
 */
import { randomUUID } from "node:crypto";
import type { Role } from "../../lib/generated/prisma/enums";
import { E2E_SECRET } from "./e2e-env";

export interface Person {
  id: string;
  email: string;
  name: string;
  /** The password the person can sign in with through the form. */
  password: string;
  sessionVersion: number;
}

export interface Team {
  id: string;
  slug: string;
  name: string;
  owner: Person;
}

export interface DemoCopy {
  slug: string;
  name: string;
  /** The copy's people by the handles of the real demo (lib/db/seed-demo.ts). */
  people: Record<"olivia" | "arjun" | "mei" | "noah" | "lena" | "sam", Person>;
}

/** Every person the factory makes signs in with this password. */
export const FACTORY_PASSWORD = "pebble lighthouse dawn 37";

const unique = () => randomUUID().replaceAll("-", "").slice(0, 10);

/** The product modules read their configuration from the environment: point them at the run's server and database. */
function configureEnvironment() {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  const baseUrl = process.env.E2E_BASE_URL;
  if (!databaseUrl || !baseUrl) throw new Error("E2E_DATABASE_URL / E2E_BASE_URL are not set: run the browser tests with `npm run test:e2e`");
  process.env.DATABASE_URL = databaseUrl;
  process.env.DATABASE_POOL_SIZE = "2";
  process.env.NEXTAUTH_URL = baseUrl;
  process.env.NEXTAUTH_SECRET = E2E_SECRET;
  process.env.LOG_LEVEL = "silent";
}

export class TestFactory {
  private passwordHash: Promise<string> | undefined;

  private constructor(private readonly lib: Awaited<ReturnType<typeof loadProductCode>>) {}

  static async start(): Promise<TestFactory> {
    configureEnvironment();
    return new TestFactory(await loadProductCode());
  }

  async stop(): Promise<void> {
    await this.lib.disconnectDb();
  }

  /** A new organization named `name` (slug made from it, as sign-up does), owned by a person (verified unless told). */
  async team(name: string, owner: { name?: string; verified?: boolean } = {}): Promise<Team> {
    const passwordHash = await this.hashedPassword();
    const db = this.lib.getDb();
    return db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: owner.name ?? "Ines Duarte", email: `e2e-owner-${unique()}@example.test`, passwordHash, emailVerified: owner.verified === false ? null : new Date() },
      });
      const organization = await this.lib.createOrganizationWithOwner(tx, user.id, name);
      return { id: organization.id, slug: organization.slug, name: organization.name, owner: toPerson(user) };
    });
  }

  /** Someone who joined `team` with `role` (verified, active), as an accepted invitation leaves them. */
  async person(team: Pick<Team, "id">, person: { name: string; role: Role }): Promise<Person> {
    const passwordHash = await this.hashedPassword();
    const slugged = person.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const db = this.lib.getDb();
    return db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: person.name, email: `e2e-${slugged}-${unique()}@example.test`, passwordHash, emailVerified: new Date() },
      });
      const membership = await tx.membership.create({ data: { organizationId: team.id, userId: user.id, role: person.role } });
      await this.lib.recordEvent(tx, {
        organizationId: team.id,
        type: "member.joined",
        actorId: user.id,
        subjectType: "membership",
        subjectId: membership.id,
        payload: { userId: user.id, role: person.role },
      });
      return toPerson(user);
    });
  }

  /** An account in no organization (for flows that start signed out or before joining). */
  async account(person: { name: string; verified?: boolean }): Promise<Person> {
    const passwordHash = await this.hashedPassword();
    const slugged = person.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const user = await this.lib.getDb().user.create({
      data: { name: person.name, email: `e2e-${slugged}-${unique()}@example.test`, passwordHash, emailVerified: person.verified === false ? null : new Date() },
    });
    return toPerson(user);
  }

  /**
   * A fresh copy of the demo organization (same name, people, roadmap, assignments and
   * waiting evidence, its own slug and email domain), for tests that need the demo's shape
   * and change it. The people sign in with the demo password.
   */
  async demoCopy(): Promise<DemoCopy> {
    const id = unique();
    const demo = { slug: `demo-${id}`, name: this.lib.DEMO_ORG.name, emailDomain: `${id}.demo.cairn.test` };
    const db = this.lib.getDb();
    await this.lib.seedDemo(db, demo);
    const users = await db.user.findMany({ where: { email: { endsWith: `@${demo.emailDomain}` } } });
    const byHandle = (handle: string) => {
      const user = users.find((candidate) => candidate.email.startsWith(`${handle}@`));
      if (!user) throw new Error(`the demo copy has no ${handle}`);
      return { ...toPerson(user), password: this.lib.DEMO_PASSWORD };
    };
    return {
      slug: demo.slug,
      name: demo.name,
      people: {
        olivia: byHandle("olivia.owner"),
        arjun: byHandle("arjun.admin"),
        mei: byHandle("mei.mentor"),
        noah: byHandle("noah.hire"),
        lena: byHandle("lena.hire"),
        sam: byHandle("sam.hire"),
      },
    };
  }

  /** A session token for `person`, as signing in would issue (the server checks its session version on every request). */
  sessionToken(person: Person): Promise<string> {
    return this.lib.issueSessionToken(person);
  }

  /** Reads from the run's database, for assertions on what a flow stored. */
  get db() {
    return this.lib.getDb();
  }

  private hashedPassword(): Promise<string> {
    this.passwordHash ??= this.lib.hashPassword(FACTORY_PASSWORD);
    return this.passwordHash;
  }
}

function toPerson(user: { id: string; email: string; name: string | null; sessionVersion: number }): Person {
  return { id: user.id, email: user.email, name: user.name ?? "", password: FACTORY_PASSWORD, sessionVersion: user.sessionVersion };
}

/** Imported after configureEnvironment(), so the modules' configuration is this run's. */
async function loadProductCode() {
  const [{ getDb, disconnectDb }, { recordEvent }, { createOrganizationWithOwner }, { issueSessionToken }, { hashPassword }, seed] = await Promise.all([
    import("../../lib/db/client"),
    import("../../lib/db/events"),
    import("../../lib/orgs/create-organization"),
    import("../../lib/auth/session"),
    import("../../lib/auth/password-hash"),
    import("../../lib/db/seed-demo"),
  ]);
  return { getDb, disconnectDb, recordEvent, createOrganizationWithOwner, issueSessionToken, hashPassword, seedDemo: seed.seedDemo, DEMO_ORG: seed.DEMO_ORG, DEMO_PASSWORD: seed.DEMO_PASSWORD };
}
