const linkClass = "text-sm font-medium text-link underline-offset-2 hover:underline";

/**
 * Downloads of a version. The text and Markdown exports name their file in Content-Disposition;
 * the JSON export does not, and the `download` attribute (same origin, so the
 * browser honours it) gives it a name in the same style.
 */
export function ExportLinks({ base, jsonFileName }: { base: string; jsonFileName: string }) {
  return (
    <div className="flex flex-wrap gap-4">
      <a href={`${base}?format=text`} download className={linkClass}>
        Export as text
      </a>
      <a href={`${base}?format=markdown`} download className={linkClass}>
        Export as Markdown
      </a>
      <a href={`${base}?format=json`} download={jsonFileName} className={linkClass}>
        Export as JSON
      </a>
    </div>
  );
}
