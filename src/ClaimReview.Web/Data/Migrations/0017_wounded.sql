-- 0017: a report says how many were wounded as well as how many died ("six passengers were killed and four wounded"),
-- as a range like the toll (at least 11 is 11..NULL). Reports imported before have none until their article is imported again.
ALTER TABLE "event_reports" ADD COLUMN "wounded_min" INTEGER NULL;
ALTER TABLE "event_reports" ADD COLUMN "wounded_max" INTEGER NULL;
