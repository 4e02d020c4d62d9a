/**
 * The frame every Cairn email shares: a single centred column with inline
 * styles and table layout (what email clients reliably render), a hidden
 * preheader (the preview line inboxes show), and a call-to-action button whose
 * URL is also printed in full for clients that block links.
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
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:12px;border:1px solid #e4e4e7;">
<tr><td style="padding:32px;font-family:${FONT};font-size:16px;line-height:1.5;color:#18181b;">
<p style="margin:0 0 24px;font-size:14px;font-weight:600;letter-spacing:0.04em;color:#0f766e;">CAIRN</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;">${title}</h1>
${body}
</td></tr>
</table>
<p style="max-width:560px;margin:16px auto 0;font-family:${FONT};font-size:12px;line-height:1.5;color:#71717a;">${footer}</p>
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
<a href="${href}" style="display:inline-block;padding:12px 20px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:8px;">${label}</a>
</td></tr></table>
<p style="margin:0 0 16px;font-size:13px;color:#52525b;">Or paste this link into your browser:<br><a href="${href}" style="color:#0f766e;word-break:break-all;">${href}</a></p>`;
}
