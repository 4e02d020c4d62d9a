/**
 * The frame every Cairn email shares: a single centred column with inline
 * styles and table layout (what email clients reliably render), a hidden
 * preheader (the preview line inboxes show), and a call-to-action button whose
 * URL is also printed in full for clients that block links.
 *
 * Wrapping: words wrap between words only. The cells say `word-break:normal` and
 * `overflow-wrap:break-word`, which splits a word only when it is longer than the line
 * (a pasted token); `word-break:break-all` is for the printed URL alone, which has no
 * spaces to wrap at. The column is fixed (`table-layout:fixed`, 560 px for Outlook,
 * which ignores max-width), so a long URL can neither widen it nor squeeze the text.
 */
import { html, safeUrl } from "./html";
import type { SafeHtml } from "./html";

export interface LayoutInput {
  /** Becomes <title>; also the first heading. */
  title: string;
  preheader: string;
  body: SafeHtml;
  /** Why the reader got this email, under the body. */
  footer: string;
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
/** Text wraps between words; only a word longer than the line is split (decision above). */
export const WRAP_WORDS = "word-break:normal;overflow-wrap:break-word;word-wrap:break-word;";
/** The printed URL alone: no spaces, so it may break anywhere. */
export const WRAP_URL = "word-break:break-all;overflow-wrap:anywhere;";

export function emailLayout({ title, preheader, body, footer }: LayoutInput): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${title}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${preheader}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5;">
<tr><td align="center" style="padding:32px 16px;">
<!--[if mso]><table role="presentation" width="560" cellpadding="0" cellspacing="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="width:100%;max-width:560px;table-layout:fixed;background:#ffffff;border-radius:12px;border:1px solid #e4e4e7;">
<tr><td style="padding:32px;font-family:${FONT};font-size:16px;line-height:1.5;color:#18181b;${WRAP_WORDS}">
<p style="margin:0 0 24px;font-size:14px;font-weight:600;letter-spacing:0.04em;color:#0f766e;">CAIRN</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;">${title}</h1>
${body}
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
<p style="max-width:560px;margin:16px auto 0;font-family:${FONT};font-size:12px;line-height:1.5;color:#71717a;${WRAP_WORDS}">${footer}</p>
</td></tr>
</table>
</body>
</html>
`.value;
}

export function paragraph(text: string | SafeHtml): SafeHtml {
  return html`<p style="margin:0 0 16px;">${text}</p>`;
}

export function button(url: string, label: string): SafeHtml {
  const href = safeUrl(url);
  return html`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 24px;"><tr><td style="border-radius:8px;background:#0f766e;">
<a href="${href}" style="display:inline-block;padding:12px 20px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:8px;${WRAP_WORDS}">${label}</a>
</td></tr></table>
<p style="margin:0 0 16px;font-size:13px;color:#52525b;">Or paste this link into your browser:<br><a href="${href}" style="color:#0f766e;${WRAP_URL}">${href}</a></p>`;
}
