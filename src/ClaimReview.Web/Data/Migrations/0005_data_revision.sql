-- 0005: a counter that every data-changing transaction raises; cached pages are keyed by it (DataRevision).

CREATE TABLE "data_revision" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_data_revision" PRIMARY KEY,
    "value" INTEGER NOT NULL
);

INSERT INTO data_revision (id, value) VALUES (1, 0);
