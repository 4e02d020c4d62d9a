/**
 * One realistic organization for the page-by-page specs (accessibility.spec.ts, phones.spec.ts):
 * a copy of the demo (its people, the 703-item roadmap, assignments, waiting evidence) plus
 * what some pages need to show more than an empty state: a second version of the track (the
 * editor and the diff), a pending invitation, a webhook, a nudge in the hire's notifications,
 * and the single-use links people follow from their emails (invitation, its "stop" link,
 * password reset, sign-in link, sign-up confirmation).
 *
 * The pages are only read after it is made, so every test of a worker shares one scene
 * (a worker fixture, e2e/support/page-table.ts): seeding a demo copy per page would cost more
 * than the pages' own checks. A test that changes anything makes its own rows instead.
 */
import { randomInt, randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { emailsTo } from "./fake-resend";
import type { DemoCopy, Person, TestFactory } from "./factory";
import { OrgApi } from "./org-api";

export interface PageScene {
  demo: DemoCopy;
  trackId: string;
  /** Noah's assignment of the demo track (the hire's roadmap). */
  assignmentId: string;
  /** The draft after the published version 1 (one item renamed, so the diff has a change). */
  draftNumber: number;
  links: { invitation: string; blockInvitations: string; resetPassword: string; signInLink: string; signUpConfirm: string; verifyEmail: string };
  /** A verified person in no organization (the org list's empty state is not the page under test). */
  loner: Person;
}

/** The first link under `path` in the newest email to `address`, once it arrived. */
async function emailedLink(address: string, path: RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const message of (await emailsTo(address)).reverse()) {
      const match = new RegExp(`https?://\\S+?(${path.source})`).exec(message.text ?? "");
      if (match) return new URL(match[0]).pathname + new URL(match[0]).search;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no email to ${address} with a link matching ${path}`);
}

export async function makePageScene(factory: TestFactory, browser: Browser, baseURL: string): Promise<PageScene> {
  const demo = await factory.demoCopy();
  const { olivia, noah, mei } = demo.people;
  const clientAddress = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
  try {
    const as = async (person: Person): Promise<Page> => {
      await context.clearCookies();
      await context.addCookies([{ name: "next-auth.session-token", value: await factory.sessionToken(person), domain: new URL(baseURL).hostname, path: "/", httpOnly: true, secure: false, sameSite: "Lax" }]);
      return context.newPage();
    };

    const track = await factory.db.track.findFirstOrThrow({ where: { organization: { slug: demo.slug } }, select: { id: true } });
    const assignment = await factory.db.assignment.findFirstOrThrow({ where: { assigneeId: noah.id, trackId: track.id }, select: { id: true } });

    const owner = new OrgApi(await as(olivia), baseURL, demo.slug);
    const draft = await owner.send("POST", `/tracks/${track.id}/drafts`);
    if (!draft.ok()) throw new Error(`starting a draft: ${draft.status()} ${await draft.text()}`);
    const draftNumber = ((await draft.json()) as { number: number }).number;
    const nodes = await owner.nodes(track.id, draftNumber);
    const renamed = nodes.find((node) => node.title.startsWith("HTTP")) ?? nodes.at(-1);
    if (renamed) {
      const patch = await owner.send("PATCH", `/tracks/${track.id}/versions/${draftNumber}/nodes/${renamed.stableKey}`, { title: `${renamed.title} basics` });
      if (!patch.ok()) throw new Error(`renaming in the draft: ${patch.status()} ${await patch.text()}`);
    }
    const invitee = `e2e-invitee-${randomUUID().slice(0, 8)}@example.test`;
    const invited = await owner.send("POST", "/invitations", { emails: [invitee], role: "MEMBER" });
    if (!invited.ok()) throw new Error(`inviting: ${invited.status()} ${await invited.text()}`);
    const hook = await owner.send("POST", "/webhooks", { url: "http://127.0.0.1:9/cairn", eventTypes: ["progress.updated"], description: "Progress to the data warehouse" });
    if (!hook.ok()) throw new Error(`adding a webhook: ${hook.status()} ${await hook.text()}`);

    // A second organization of Olivia's, so /o lists organizations rather than opening the only one.
    const guild = await factory.team("Platform Guild", { name: "Ines Duarte" });
    await factory.db.membership.create({ data: { organizationId: guild.id, userId: olivia.id, role: "ADMIN" } });

    const mentor = new OrgApi(await as(mei), baseURL, demo.slug);
    const nudge = await mentor.send("POST", `/assignments/${assignment.id}/nudges`, { message: "How is the HTTP section going? Ping me if you are stuck." });
    if (!nudge.ok()) throw new Error(`nudging: ${nudge.status()} ${await nudge.text()}`);

    // The single-use links of the signed-out pages, as their emails carry them.
    const unverified = await factory.account({ name: "Tomas Lind", verified: false });
    const verification = await (await as(unverified)).request.post("/api/v1/email-verifications", { headers: { origin: baseURL } });
    if (!verification.ok()) throw new Error(`asking for a verification email: ${verification.status()} ${await verification.text()}`);
    await context.clearCookies();
    const loner = await factory.account({ name: "Rui Costa" });
    const newcomer = `e2e-newcomer-${randomUUID().slice(0, 8)}@example.test`;
    const headers = { origin: baseURL };
    for (const [path, data] of [
      ["/api/v1/password-resets", { email: loner.email }],
      ["/api/v1/sign-in-links", { email: loner.email }],
      ["/api/v1/accounts", { email: newcomer }],
    ] as const) {
      const response = await context.request.post(path, { data, headers });
      if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
    }
    return {
      demo,
      trackId: track.id,
      assignmentId: assignment.id,
      draftNumber,
      loner,
      links: {
        invitation: await emailedLink(invitee, /\/invitations\/(?!block\/)[\w.-]+/),
        blockInvitations: await emailedLink(invitee, /\/invitations\/block\/[\w.-]+/),
        resetPassword: await emailedLink(loner.email, /\/reset-password\?token=[\w.-]+/),
        signInLink: await emailedLink(loner.email, /\/sign-in\/link\?token=[\w.-]+/),
        signUpConfirm: await emailedLink(newcomer, /\/sign-up\/confirm\?token=[\w.-]+/),
        verifyEmail: await emailedLink(unverified.email, /\/verify-email\?token=[\w.-]+/),
      },
    };
  } finally {
    await context.close();
  }
}
