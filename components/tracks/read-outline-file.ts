/** The parser's own limit (lib/outline MAX_OUTLINE_BYTES), checked before reading so a huge file never loads. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type FileReadResult = { ok: true; text: string } | { ok: false; message: string };

export async function readOutlineFile(file: File): Promise<FileReadResult> {
  if (!/\.(md|txt)$/i.test(file.name)) return { ok: false, message: `${file.name} is not a .md or .txt file.` };
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a roadmap file can be at most 1 MB.` };
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, message: `${file.name} could not be read.` };
  }
}
