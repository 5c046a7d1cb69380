-- 0008: machine proposals apart from people's decisions (issue 10).
-- Decisions are explicit rows: who set which field of which record (field_sets), what a person decided about one
-- report (report_decisions, anchored on article and quote like highlights), which merged claim's or event's key leads to
-- the survivor (record_redirects), and what a person said of a suggested link (link_decisions). The importer reads these
-- rows, never the audit log's text. Proposals the extractor makes per article: link_suggestions (replaced on every
-- extraction of the article) and each report's confidence.

ALTER TABLE claim_reports ADD COLUMN "confidence" REAL NOT NULL DEFAULT 1.0;
ALTER TABLE event_reports ADD COLUMN "confidence" REAL NOT NULL DEFAULT 1.0;

-- Soft deletion with a reason: the row stays (with its reports), hidden from every page, restorable.
ALTER TABLE claims ADD COLUMN "deleted_at" TEXT NULL;
ALTER TABLE claims ADD COLUMN "deleted_by" TEXT NULL;
ALTER TABLE claims ADD COLUMN "deleted_reason" TEXT NULL;
ALTER TABLE events ADD COLUMN "deleted_at" TEXT NULL;
ALTER TABLE events ADD COLUMN "deleted_by" TEXT NULL;
ALTER TABLE events ADD COLUMN "deleted_reason" TEXT NULL;

-- Article metadata people can correct: the outlet as an actor, the source address; a version guards concurrent edits.
ALTER TABLE articles ADD COLUMN "outlet_actor_id" INTEGER NULL CONSTRAINT "FK_articles_actors_outlet_actor_id" REFERENCES "actors" ("id") ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN "source_url" TEXT NULL;
ALTER TABLE articles ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "IX_articles_outlet_actor_id" ON "articles" ("outlet_actor_id");

CREATE TABLE "field_sets" (
    "record_type" TEXT NOT NULL,
    "record_id" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "set_by" TEXT NOT NULL,
    "set_by_id" TEXT NULL,
    "set_at" TEXT NOT NULL,
    CONSTRAINT "PK_field_sets" PRIMARY KEY ("record_type", "record_id", "field")
);

CREATE TABLE "report_decisions" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_report_decisions" PRIMARY KEY AUTOINCREMENT,
    "record_type" TEXT NOT NULL,
    "article_id" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "orphaned" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "record_id" INTEGER NULL,
    "from_record_id" INTEGER NULL,
    "decided_by" TEXT NOT NULL,
    "decided_by_id" TEXT NULL,
    "decided_at" TEXT NOT NULL,
    CONSTRAINT "FK_report_decisions_articles_article_id" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "IX_report_decisions_article_id_record_type_quote" ON "report_decisions" ("article_id", "record_type", "quote");
CREATE INDEX "IX_report_decisions_record_type_record_id" ON "report_decisions" ("record_type", "record_id");

CREATE TABLE "record_redirects" (
    "record_type" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "record_id" INTEGER NOT NULL,
    "merged_id" INTEGER NULL,
    CONSTRAINT "PK_record_redirects" PRIMARY KEY ("record_type", "key")
);
CREATE INDEX "IX_record_redirects_record_type_record_id" ON "record_redirects" ("record_type", "record_id");
CREATE INDEX "IX_record_redirects_record_type_merged_id" ON "record_redirects" ("record_type", "merged_id");

CREATE TABLE "link_suggestions" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_link_suggestions" PRIMARY KEY AUTOINCREMENT,
    "article_id" INTEGER NOT NULL,
    "record_type" TEXT NOT NULL,
    "record_id" INTEGER NOT NULL,
    "candidate_id" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    CONSTRAINT "FK_link_suggestions_articles_article_id" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE
);
CREATE INDEX "IX_link_suggestions_article_id" ON "link_suggestions" ("article_id");
CREATE INDEX "IX_link_suggestions_record_type_status" ON "link_suggestions" ("record_type", "status");

CREATE TABLE "link_decisions" (
    "record_type" TEXT NOT NULL,
    "record_id" INTEGER NOT NULL,
    "candidate_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "decided_by" TEXT NOT NULL,
    "decided_by_id" TEXT NULL,
    "decided_at" TEXT NOT NULL,
    CONSTRAINT "PK_link_decisions" PRIMARY KEY ("record_type", "record_id", "candidate_id")
);

-- What the audit log says people did becomes explicit rows: the latest person to touch each field of each record
-- (a created record counts as 'created'; a linked or unlinked tag, event, alias... under its field).
INSERT INTO field_sets (record_type, record_id, field, set_by, set_by_id, set_at)
SELECT entity_type, CAST(entity_id AS INTEGER), COALESCE(field, action), user_name, user_id, MAX(at)
  FROM audit_entries
 WHERE entity_type IN ('article', 'actor', 'claim', 'event') AND action <> 'deleted'
 GROUP BY entity_type, entity_id, COALESCE(field, action);

-- Reports moved by a split become 'moved' decisions, anchored where the report is now.
INSERT INTO report_decisions (record_type, article_id, quote, start, "end", orphaned, decision, record_id, from_record_id, decided_by, decided_by_id, decided_at)
SELECT 'claim', a.article_id, a.quote,
       COALESCE((SELECT r.start FROM claim_reports r WHERE r.article_id = a.article_id AND r.quote = a.quote LIMIT 1), 0),
       COALESCE((SELECT r."end" FROM claim_reports r WHERE r.article_id = a.article_id AND r.quote = a.quote LIMIT 1), 0),
       0, 'moved', a.claim_id, NULL,
       COALESCE((SELECT e.user_name FROM audit_entries e WHERE e.entity_type = 'claim' AND e.entity_id = CAST(a.claim_id AS TEXT) ORDER BY e.id DESC LIMIT 1), 'unknown'),
       (SELECT e.user_id FROM audit_entries e WHERE e.entity_type = 'claim' AND e.entity_id = CAST(a.claim_id AS TEXT) ORDER BY e.id DESC LIMIT 1),
       COALESCE((SELECT e.at FROM audit_entries e WHERE e.entity_type = 'claim' AND e.entity_id = CAST(a.claim_id AS TEXT) ORDER BY e.id DESC LIMIT 1), '1970-01-01T00:00:00.000Z')
  FROM report_assignments a;

DROP TABLE report_assignments;
