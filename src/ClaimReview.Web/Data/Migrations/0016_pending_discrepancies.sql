-- 0016: events whose discrepancies and consensus an import has still to work out. An import recomputes them when it
-- refreshes the pages (at most every ClaimReview:ImportPageRefreshSeconds, and at its end) instead of at every chunk;
-- an event joins this table in the transaction that writes its report, so an import that dies before the refresh
-- leaves the list behind and the next import finishes it.
CREATE TABLE "pending_discrepancies" (
    "event_id" INTEGER NOT NULL CONSTRAINT "PK_pending_discrepancies" PRIMARY KEY
);
