-- 0002: import history (runs and per-file outcomes), shown on the overview.

CREATE TABLE "import_runs" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_import_runs" PRIMARY KEY AUTOINCREMENT,
    "started_at" TEXT NOT NULL,
    "finished_at" TEXT NULL,
    "trigger" TEXT NOT NULL,
    "new_count" INTEGER NOT NULL,
    "updated_count" INTEGER NOT NULL,
    "unchanged_count" INTEGER NOT NULL,
    "failed_count" INTEGER NOT NULL
);

CREATE TABLE "import_file_results" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_import_file_results" PRIMARY KEY AUTOINCREMENT,
    "import_run_id" INTEGER NOT NULL,
    "source_file" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "message" TEXT NULL,
    CONSTRAINT "FK_import_file_results_import_runs_import_run_id" FOREIGN KEY ("import_run_id") REFERENCES "import_runs" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_import_file_results_import_run_id" ON "import_file_results" ("import_run_id");

CREATE INDEX "IX_import_runs_started_at" ON "import_runs" ("started_at");
