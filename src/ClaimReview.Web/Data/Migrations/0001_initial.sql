-- 0001: articles, actors, events, claims, discrepancies and tags.
-- Written from the EF model (ClaimReviewDb); SchemaAgreementTests keeps the two in step.

CREATE TABLE "actors" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_actors" PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "parent_id" INTEGER NULL,
    CONSTRAINT "FK_actors_actors_parent_id" FOREIGN KEY ("parent_id") REFERENCES "actors" ("id") ON DELETE SET NULL
);

CREATE TABLE "articles" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_articles" PRIMARY KEY AUTOINCREMENT,
    "source_file" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "raw_text" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "outlet" TEXT NULL,
    "published" TEXT NULL,
    "dateline" TEXT NULL,
    "byline" TEXT NULL,
    "imported_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "discrepancies" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_discrepancies" PRIMARY KEY AUTOINCREMENT,
    "subject_type" TEXT NOT NULL,
    "subject_id" INTEGER NOT NULL,
    "field" TEXT NOT NULL
);

CREATE TABLE "events" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_events" PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "date" TEXT NULL,
    "date_end" TEXT NULL,
    "date_precision" TEXT NULL,
    "date_evidence" TEXT NULL,
    "place" TEXT NULL,
    "district" TEXT NULL,
    "region" TEXT NULL,
    "country" TEXT NULL
);

CREATE TABLE "tags" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_tags" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL
);

CREATE TABLE "actor_aliases" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_actor_aliases" PRIMARY KEY AUTOINCREMENT,
    "actor_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "FK_actor_aliases_actors_actor_id" FOREIGN KEY ("actor_id") REFERENCES "actors" ("id") ON DELETE CASCADE
);

CREATE TABLE "claims" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_claims" PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "claimant_id" INTEGER NULL,
    "claimant_text" TEXT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    CONSTRAINT "FK_claims_actors_claimant_id" FOREIGN KEY ("claimant_id") REFERENCES "actors" ("id") ON DELETE SET NULL
);

CREATE TABLE "actor_mentions" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_actor_mentions" PRIMARY KEY AUTOINCREMENT,
    "actor_id" INTEGER NOT NULL,
    "article_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    CONSTRAINT "FK_actor_mentions_actors_actor_id" FOREIGN KEY ("actor_id") REFERENCES "actors" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_actor_mentions_articles_article_id" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE
);

CREATE TABLE "article_segments" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_article_segments" PRIMARY KEY AUTOINCREMENT,
    "article_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    CONSTRAINT "FK_article_segments_articles_article_id" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE
);

CREATE TABLE "discrepancy_values" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_discrepancy_values" PRIMARY KEY AUTOINCREMENT,
    "discrepancy_id" INTEGER NOT NULL,
    "article_id" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    CONSTRAINT "FK_discrepancy_values_articles_article_id" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_discrepancy_values_discrepancies_discrepancy_id" FOREIGN KEY ("discrepancy_id") REFERENCES "discrepancies" ("id") ON DELETE CASCADE
);

CREATE TABLE "event_participants" (
    "event_id" INTEGER NOT NULL,
    "actor_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "PK_event_participants" PRIMARY KEY ("event_id", "actor_id", "role"),
    CONSTRAINT "FK_event_participants_actors_actor_id" FOREIGN KEY ("actor_id") REFERENCES "actors" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_event_participants_events_event_id" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE
);

CREATE TABLE "event_reports" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_event_reports" PRIMARY KEY AUTOINCREMENT,
    "event_id" INTEGER NOT NULL,
    "article_id" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "killed_min" INTEGER NULL,
    "killed_max" INTEGER NULL,
    "reported_date" TEXT NULL,
    "reported_date_end" TEXT NULL,
    "reported_date_precision" TEXT NULL,
    "reported_date_evidence" TEXT NULL,
    "reported_place" TEXT NULL,
    "reported_district" TEXT NULL,
    "reported_region" TEXT NULL,
    "reported_country" TEXT NULL,
    CONSTRAINT "FK_event_reports_articles_article_id" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_event_reports_events_event_id" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE
);

CREATE TABLE "claim_counters" (
    "claim_id" INTEGER NOT NULL,
    "countered_claim_id" INTEGER NOT NULL,
    CONSTRAINT "PK_claim_counters" PRIMARY KEY ("claim_id", "countered_claim_id"),
    CONSTRAINT "FK_claim_counters_claims_claim_id" FOREIGN KEY ("claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_claim_counters_claims_countered_claim_id" FOREIGN KEY ("countered_claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE
);

CREATE TABLE "claim_events" (
    "claim_id" INTEGER NOT NULL,
    "event_id" INTEGER NOT NULL,
    CONSTRAINT "PK_claim_events" PRIMARY KEY ("claim_id", "event_id"),
    CONSTRAINT "FK_claim_events_claims_claim_id" FOREIGN KEY ("claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_claim_events_events_event_id" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE
);

CREATE TABLE "claim_reports" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_claim_reports" PRIMARY KEY AUTOINCREMENT,
    "claim_id" INTEGER NOT NULL,
    "article_id" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "attributed_to_source" INTEGER NOT NULL,
    CONSTRAINT "FK_claim_reports_articles_article_id" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_claim_reports_claims_claim_id" FOREIGN KEY ("claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE
);

CREATE TABLE "claim_tags" (
    "claim_id" INTEGER NOT NULL,
    "tag_id" INTEGER NOT NULL,
    CONSTRAINT "PK_claim_tags" PRIMARY KEY ("claim_id", "tag_id"),
    CONSTRAINT "FK_claim_tags_claims_claim_id" FOREIGN KEY ("claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_claim_tags_tags_tag_id" FOREIGN KEY ("tag_id") REFERENCES "tags" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_actor_aliases_actor_id_text" ON "actor_aliases" ("actor_id", "text");

CREATE INDEX "IX_actor_aliases_text" ON "actor_aliases" ("text");

CREATE INDEX "IX_actor_mentions_actor_id" ON "actor_mentions" ("actor_id");

CREATE INDEX "IX_actor_mentions_article_id" ON "actor_mentions" ("article_id");

CREATE UNIQUE INDEX "IX_actors_key" ON "actors" ("key");

CREATE INDEX "IX_actors_parent_id" ON "actors" ("parent_id");

CREATE INDEX "IX_article_segments_article_id_kind_ordinal" ON "article_segments" ("article_id", "kind", "ordinal");

CREATE UNIQUE INDEX "IX_articles_source_file" ON "articles" ("source_file");

CREATE INDEX "IX_claim_counters_countered_claim_id" ON "claim_counters" ("countered_claim_id");

CREATE INDEX "IX_claim_events_event_id" ON "claim_events" ("event_id");

CREATE INDEX "IX_claim_reports_article_id" ON "claim_reports" ("article_id");

CREATE INDEX "IX_claim_reports_claim_id" ON "claim_reports" ("claim_id");

CREATE INDEX "IX_claim_tags_tag_id" ON "claim_tags" ("tag_id");

CREATE INDEX "IX_claims_claimant_id" ON "claims" ("claimant_id");

CREATE UNIQUE INDEX "IX_claims_key" ON "claims" ("key");

CREATE INDEX "IX_claims_kind_status" ON "claims" ("kind", "status");

CREATE INDEX "IX_discrepancies_subject_type_subject_id" ON "discrepancies" ("subject_type", "subject_id");

CREATE INDEX "IX_discrepancy_values_article_id" ON "discrepancy_values" ("article_id");

CREATE INDEX "IX_discrepancy_values_discrepancy_id" ON "discrepancy_values" ("discrepancy_id");

CREATE INDEX "IX_event_participants_actor_id" ON "event_participants" ("actor_id");

CREATE INDEX "IX_event_reports_article_id" ON "event_reports" ("article_id");

CREATE INDEX "IX_event_reports_event_id" ON "event_reports" ("event_id");

CREATE INDEX "IX_events_date" ON "events" ("date");

CREATE UNIQUE INDEX "IX_events_key" ON "events" ("key");

CREATE UNIQUE INDEX "IX_tags_name" ON "tags" ("name");
