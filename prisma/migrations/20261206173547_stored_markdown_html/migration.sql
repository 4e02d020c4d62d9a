-- Decision 0020: sanitized HTML stored beside the markdown it was rendered from, with the
-- renderer that made it. Nullable columns without a default: adding them only changes the
-- catalog (no table rewrite). Existing rows are not rendered here (SQL cannot run the
-- renderer): a row with no renderer, or another one's, is rendered when first read and saved
-- back (lib/markdown/stored-html.ts).
-- AlterTable
ALTER TABLE "EvidenceAttempt" ADD COLUMN     "htmlRenderer" TEXT,
ADD COLUMN     "noteHtml" TEXT,
ADD COLUMN     "reviewCommentHtml" TEXT;

-- AlterTable
ALTER TABLE "ItemComment" ADD COLUMN     "bodyHtml" TEXT,
ADD COLUMN     "htmlRenderer" TEXT;

