-- 0007: participants an editor removed from an event, so that no import adds them back (like removed links and aliases).

CREATE TABLE "suppressed_participants" (
    "event_id" INTEGER NOT NULL,
    "actor_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "PK_suppressed_participants" PRIMARY KEY ("event_id", "actor_id", "role"),
    CONSTRAINT "FK_suppressed_participants_actors_actor_id" FOREIGN KEY ("actor_id") REFERENCES "actors" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_suppressed_participants_events_event_id" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_suppressed_participants_actor_id" ON "suppressed_participants" ("actor_id");
