-- The reports a claim had when its verdict was given (article and quote, as JSON), so the claim page marks exactly the
-- reports added since and lists those gone since. Verdicts given before this migration have none (the page falls back
-- to the articles imported after the verdict).
ALTER TABLE claims ADD COLUMN "verdict_reports" TEXT NULL;
