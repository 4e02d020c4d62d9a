/**
 * Shows a stored email as its recipient would see it. The HTML is rendered in a
 * sandboxed iframe (no scripts, no same-origin access: an opaque origin that
 * cannot read Cairn's cookies or DOM); links open in a new tab. The plain-text
 * part is shown as text.
 */
export function EmailPreview({ html, text }: { html: string; text: string }) {
  // <base target="_blank">: inside the sandbox a link may only open a new tab (allow-popups).
  const document = html.includes("<head>") ? html.replace("<head>", '<head><base target="_blank">') : `<base target="_blank">${html}`;
  return (
    <div className="mt-6 flex flex-col gap-6">
      <section aria-labelledby="html-heading">
        <h2 id="html-heading" className="text-sm font-semibold">
          HTML
        </h2>
        <iframe
          title="The email's HTML part"
          srcDoc={document}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          referrerPolicy="no-referrer"
          className="mt-2 h-[32rem] w-full rounded-xl border border-border bg-white"
        />
      </section>
      <section aria-labelledby="text-heading">
        <h2 id="text-heading" className="text-sm font-semibold">
          Plain text
        </h2>
        <pre className="mt-2 overflow-x-auto rounded-xl border border-border bg-surface p-4 text-sm whitespace-pre-wrap">{text}</pre>
      </section>
    </div>
  );
}
