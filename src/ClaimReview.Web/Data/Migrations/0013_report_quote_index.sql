-- The importer looks a report up by article and quote ("is this quote already on that record?") for every report it
-- writes. With an index on the article alone SQLite chose the record's index instead, and a claim reported by thousands
-- of articles made each write scan thousands of rows: the first import slowed as the database grew. An index on
-- (article, quote, record) answers the lookup directly (SQLite prefers it: three terms) and still serves every lookup by
-- article.
DROP INDEX IF EXISTS "IX_claim_reports_article_id";
CREATE INDEX "IX_claim_reports_article_id_quote_claim_id" ON "claim_reports" ("article_id", "quote", "claim_id");
DROP INDEX IF EXISTS "IX_event_reports_article_id";
CREATE INDEX "IX_event_reports_article_id_quote_event_id" ON "event_reports" ("article_id", "quote", "event_id");
