-- 0009: search reaches events (kind, place hierarchy, the words the date came from), notes (body and highlighted
-- passage) and tag names. Like 0003 the search_* tables live outside the EF model and every query joins back to the
-- base tables. The importer writes events with the bulk switch of 0004 on: the event triggers then stand aside and
-- SearchIndex.EndBulk re-indexes the events the chunk's articles report; deletes always run.

-- rowid = events.id
CREATE VIRTUAL TABLE search_events USING fts5(kind, place, evidence, tokenize = 'unicode61 remove_diacritics 2');

-- rowid = annotations.id
CREATE VIRTUAL TABLE search_notes USING fts5(body, quote, tokenize = 'unicode61 remove_diacritics 2');

-- rowid = tags.id
CREATE VIRTUAL TABLE search_tags USING fts5(name, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

CREATE TRIGGER search_events_ai AFTER INSERT ON events WHEN (SELECT bulk FROM search_control) = 0 BEGIN
    INSERT INTO search_events (rowid, kind, place, evidence)
        VALUES (new.id, replace(new.kind, '_', ' '), concat_ws(', ', new.place, new.district, new.region, new.country), new.date_evidence);
END;

CREATE TRIGGER search_events_au AFTER UPDATE OF kind, place, district, region, country, date_evidence ON events
WHEN (SELECT bulk FROM search_control) = 0 BEGIN
    DELETE FROM search_events WHERE rowid = old.id;
    INSERT INTO search_events (rowid, kind, place, evidence)
        VALUES (new.id, replace(new.kind, '_', ' '), concat_ws(', ', new.place, new.district, new.region, new.country), new.date_evidence);
END;

CREATE TRIGGER search_events_ad AFTER DELETE ON events BEGIN
    DELETE FROM search_events WHERE rowid = old.id;
END;

CREATE TRIGGER search_notes_ai AFTER INSERT ON annotations BEGIN
    INSERT INTO search_notes (rowid, body, quote) VALUES (new.id, new.body, new.quote);
END;

CREATE TRIGGER search_notes_au AFTER UPDATE OF body, quote ON annotations BEGIN
    DELETE FROM search_notes WHERE rowid = old.id;
    INSERT INTO search_notes (rowid, body, quote) VALUES (new.id, new.body, new.quote);
END;

CREATE TRIGGER search_notes_ad AFTER DELETE ON annotations BEGIN
    DELETE FROM search_notes WHERE rowid = old.id;
END;

CREATE TRIGGER search_tags_ai AFTER INSERT ON tags BEGIN
    INSERT INTO search_tags (rowid, name) VALUES (new.id, new.name);
END;

CREATE TRIGGER search_tags_au AFTER UPDATE OF name ON tags BEGIN
    DELETE FROM search_tags WHERE rowid = old.id;
    INSERT INTO search_tags (rowid, name) VALUES (new.id, new.name);
END;

CREATE TRIGGER search_tags_ad AFTER DELETE ON tags BEGIN
    DELETE FROM search_tags WHERE rowid = old.id;
END;

-- Rows that exist before this migration.
INSERT INTO search_events (rowid, kind, place, evidence)
    SELECT id, replace(kind, '_', ' '), concat_ws(', ', place, district, region, country), date_evidence FROM events;
INSERT INTO search_notes (rowid, body, quote) SELECT id, body, quote FROM annotations;
INSERT INTO search_tags (rowid, name) SELECT id, name FROM tags;
