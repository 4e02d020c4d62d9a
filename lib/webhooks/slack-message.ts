/**
 * A Slack message (Block Kit) for an event Slack can post: a header, a sentence
 * and a button back to the item or assignment in Cairn. Names come from the
 * database when the message is built, escaped for Slack's mrkdwn (& < >).
 */
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { WireEvent } from "@/lib/realtime/wire-event";

export interface SlackMessage {
  text: string;
  blocks: unknown[];
}

const escapeMrkdwn = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const dayCount = (value: unknown) => (typeof value === "number" ? `${value} day${value === 1 ? "" : "s"}` : "some days");
const nameOf = (person: { name: string | null; email: string } | null | undefined) => person?.name?.trim() || person?.email || "Someone";

async function assignmentFacts(organizationId: string, assignmentId: string | undefined, key: string | undefined) {
  if (!assignmentId) return null;
  const assignment = await getDb().assignment.findFirst({
    where: { id: assignmentId, organizationId },
    select: { versionId: true, assignee: { select: { name: true, email: true } }, track: { select: { title: true } } },
  });
  if (!assignment) return null;
  const item = key ? await getDb().trackNode.findFirst({ where: { organizationId, versionId: assignment.versionId, stableKey: key }, select: { title: true } }) : null;
  return { hire: nameOf(assignment.assignee), track: assignment.track.title, item: item?.title ?? null };
}

export async function slackMessageFor(organization: { id: string; slug: string; name: string }, event: WireEvent): Promise<SlackMessage> {
  const p = event.payload as Record<string, unknown>;
  const assignmentId = typeof p.assignmentId === "string" ? p.assignmentId : event.subjectType === "assignment" ? event.subjectId : undefined;
  const key = typeof p.key === "string" ? p.key : undefined;
  const facts = await assignmentFacts(organization.id, assignmentId, key);
  const actor = event.actorId ? await getDb().user.findUnique({ where: { id: event.actorId }, select: { name: true, email: true } }) : null;
  const base = getConfig().NEXTAUTH_URL;
  const assignmentPath = assignmentId ? `/o/${organization.slug}/assignments/${assignmentId}` : `/o/${organization.slug}/activity`;
  const itemUrl = new URL(key ? `${assignmentPath}?item=${encodeURIComponent(key)}&open=1` : assignmentPath, base).toString();
  const item = facts?.item ? `*${escapeMrkdwn(facts.item)}*` : "an item";
  const track = facts ? ` (${escapeMrkdwn(facts.track)})` : "";
  const hire = escapeMrkdwn(facts?.hire ?? "A hire");
  const trackName = facts ? `*${escapeMrkdwn(facts.track)}*` : "their track";

  let header: string;
  let sentence: string;
  let button = "Open in Cairn";
  switch (event.type) {
    case "evidence.submitted":
      header = "Evidence waiting for review";
      sentence = `${hire} submitted evidence for ${item}${track}.`;
      button = "Review in Cairn";
      break;
    case "evidence.reviewed":
      header = p.decision === "APPROVE" ? "Evidence approved" : "Changes requested";
      sentence = `${escapeMrkdwn(nameOf(actor))} ${p.decision === "APPROVE" ? "approved" : "asked for changes to"} ${hire}'s evidence for ${item}${track}.`;
      break;
    case "assignment.stuck":
      header = "Hire stuck";
      sentence =
        p.inProgress === true
          ? `${hire} has had an item of ${trackName} in progress for ${dayCount(p.stuckDays)} without finishing it.`
          : `${hire} has made no progress on ${trackName} for ${dayCount(p.stuckDays)}.`;
      button = "Open the assignment";
      break;
    case "assignment.overdue":
      header = typeof p.week === "number" && p.week > 0 ? "Assignment still overdue" : "Assignment overdue";
      sentence = `${facts ? `${hire}'s ${trackName}` : "An assignment"} is ${dayCount(p.daysLate)} past its due day${typeof p.dueDate === "string" ? ` (${escapeMrkdwn(p.dueDate)})` : ""}.`;
      button = "Open the assignment";
      break;
    case "assignment.completed":
      header = "Assignment completed";
      sentence = `${hire} completed ${trackName}.`;
      break;
    case "webhook.test":
      header = "Test message from Cairn";
      sentence = `Cairn can post to this channel for *${escapeMrkdwn(organization.name)}*.`;
      break;
    default:
      header = event.type;
      sentence = `${escapeMrkdwn(event.type)} in *${escapeMrkdwn(organization.name)}*.`;
  }
  return {
    text: `${header}: ${sentence.replace(/\*/g, "")}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: header.slice(0, 150), emoji: false } },
      {
        type: "section",
        text: { type: "mrkdwn", text: sentence.slice(0, 3000) },
        accessory: { type: "button", text: { type: "plain_text", text: button }, url: itemUrl },
      },
      { type: "context", elements: [{ type: "mrkdwn", text: `${escapeMrkdwn(organization.name)} · <${itemUrl}|${escapeMrkdwn(itemUrl)}>` }] },
    ],
  };
}
