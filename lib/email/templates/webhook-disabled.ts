import { emailLayout, button, paragraph } from "../layout";
import { html } from "../html";
import type { EmailContent } from "../outgoing-email";

export interface WebhookDisabledInput {
  organizationName: string;
  /** The endpoint as the settings page shows it (label and URL, a Slack URL masked). */
  target: string;
  kind: "webhook" | "Slack channel";
  reason: string;
  settingsUrl: string;
}

/** To each owner when an endpoint was turned off for failing (lib/webhooks/disabled-email.ts). Deterministic in its input. */
export function webhookDisabledEmail({ organizationName, target, kind, reason, settingsUrl }: WebhookDisabledInput): EmailContent {
  const subject = `A ${kind} of ${organizationName.slice(0, 60)} was turned off`;
  const lines = [
    `Cairn turned off the ${kind} ${target} of "${organizationName}": ${reason}`,
    "Events are no longer sent to it. Deliveries that were waiting stay in its log; fix the receiver, then turn it on again and redeliver what it missed.",
  ];
  const body = html`${paragraph(lines[0]!)}
${paragraph(lines[1]!)}
${button(settingsUrl, "Open the settings")}`;
  const text = [...lines, "", settingsUrl, "", "— Cairn", ""].join("\n");
  return {
    subject,
    html: emailLayout({ title: subject, preheader: `${target} was turned off after failing.`, body, footer: "You received this email because you own this Cairn organization." }),
    text,
  };
}
