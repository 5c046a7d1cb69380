-- 0006: accounts (ASP.NET Core Identity), the audit log, annotations and highlights, verdicts with rationale,
-- versions that guard concurrent edits, and the decisions people make that every later import must honour
-- (merged actors' keys, removed links and aliases, reports moved to another claim).

ALTER TABLE claims ADD COLUMN "verdict_rationale" TEXT NULL;
ALTER TABLE claims ADD COLUMN "verdict_by" TEXT NULL;
ALTER TABLE claims ADD COLUMN "verdict_at" TEXT NULL;
ALTER TABLE claims ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "annotations" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_annotations" PRIMARY KEY AUTOINCREMENT,
    "target_type" TEXT NOT NULL,
    "target_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "quote" TEXT NULL,
    "start" INTEGER NULL,
    "end" INTEGER NULL,
    "orphaned" INTEGER NOT NULL,
    "author_id" TEXT NOT NULL,
    "author_name" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "audit_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "at" TEXT NOT NULL,
    "user_id" TEXT NULL,
    "user_name" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "field" TEXT NULL,
    "old_value" TEXT NULL,
    "new_value" TEXT NULL
);

CREATE TABLE "roles" (
    "id" TEXT NOT NULL CONSTRAINT "PK_roles" PRIMARY KEY,
    "name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "concurrency_stamp" TEXT NULL
);

CREATE TABLE "users" (
    "id" TEXT NOT NULL CONSTRAINT "PK_users" PRIMARY KEY,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL
);

CREATE TABLE "actor_redirects" (
    "key" TEXT NOT NULL CONSTRAINT "PK_actor_redirects" PRIMARY KEY,
    "actor_id" INTEGER NOT NULL,
    CONSTRAINT "FK_actor_redirects_actors_actor_id" FOREIGN KEY ("actor_id") REFERENCES "actors" ("id") ON DELETE CASCADE
);

CREATE TABLE "suppressed_aliases" (
    "actor_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "PK_suppressed_aliases" PRIMARY KEY ("actor_id", "text"),
    CONSTRAINT "FK_suppressed_aliases_actors_actor_id" FOREIGN KEY ("actor_id") REFERENCES "actors" ("id") ON DELETE CASCADE
);

CREATE TABLE "role_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_role_claims" PRIMARY KEY AUTOINCREMENT,
    "role_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "FK_role_claims_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "FK_user_claims_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "PK_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "FK_user_logins_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_roles" (
    "user_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    CONSTRAINT "PK_user_roles" PRIMARY KEY ("user_id", "role_id"),
    CONSTRAINT "FK_user_roles_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_user_roles_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "PK_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "FK_user_tokens_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "report_assignments" (
    "article_id" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "claim_id" INTEGER NOT NULL,
    CONSTRAINT "PK_report_assignments" PRIMARY KEY ("article_id", "quote"),
    CONSTRAINT "FK_report_assignments_articles_article_id" FOREIGN KEY ("article_id") REFERENCES "articles" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_report_assignments_claims_claim_id" FOREIGN KEY ("claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE
);

CREATE TABLE "suppressed_claim_counters" (
    "claim_id" INTEGER NOT NULL,
    "countered_claim_id" INTEGER NOT NULL,
    CONSTRAINT "PK_suppressed_claim_counters" PRIMARY KEY ("claim_id", "countered_claim_id"),
    CONSTRAINT "FK_suppressed_claim_counters_claims_claim_id" FOREIGN KEY ("claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_suppressed_claim_counters_claims_countered_claim_id" FOREIGN KEY ("countered_claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE
);

CREATE TABLE "suppressed_claim_events" (
    "claim_id" INTEGER NOT NULL,
    "event_id" INTEGER NOT NULL,
    CONSTRAINT "PK_suppressed_claim_events" PRIMARY KEY ("claim_id", "event_id"),
    CONSTRAINT "FK_suppressed_claim_events_claims_claim_id" FOREIGN KEY ("claim_id") REFERENCES "claims" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_suppressed_claim_events_events_event_id" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_actor_redirects_actor_id" ON "actor_redirects" ("actor_id");

CREATE INDEX "IX_annotations_target_type_target_id" ON "annotations" ("target_type", "target_id");

CREATE INDEX "IX_audit_entries_at" ON "audit_entries" ("at");

CREATE INDEX "IX_audit_entries_entity_type_entity_id" ON "audit_entries" ("entity_type", "entity_id");

CREATE INDEX "IX_audit_entries_user_name" ON "audit_entries" ("user_name");

CREATE INDEX "IX_report_assignments_claim_id" ON "report_assignments" ("claim_id");

CREATE INDEX "IX_role_claims_role_id" ON "role_claims" ("role_id");

CREATE UNIQUE INDEX "RoleNameIndex" ON "roles" ("normalized_name");

CREATE INDEX "IX_suppressed_claim_counters_countered_claim_id" ON "suppressed_claim_counters" ("countered_claim_id");

CREATE INDEX "IX_suppressed_claim_events_event_id" ON "suppressed_claim_events" ("event_id");

CREATE INDEX "IX_user_claims_user_id" ON "user_claims" ("user_id");

CREATE INDEX "IX_user_logins_user_id" ON "user_logins" ("user_id");

CREATE INDEX "IX_user_roles_role_id" ON "user_roles" ("role_id");

CREATE INDEX "EmailIndex" ON "users" ("normalized_email");

CREATE UNIQUE INDEX "UserNameIndex" ON "users" ("normalized_user_name");

-- The three roles; each user has exactly one.
INSERT INTO roles (id, name, normalized_name, concurrency_stamp) VALUES
    ('analyst', 'Analyst', 'ANALYST', 'analyst'),
    ('editor', 'Editor', 'EDITOR', 'editor'),
    ('admin', 'Admin', 'ADMIN', 'admin');
