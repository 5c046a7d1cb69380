-- 0003: full-text search (SQLite FTS5) over article titles and body paragraphs, claim quotes, actor names and aliases.
-- The search_* tables live outside the EF model (the schema-agreement test ignores them). Triggers on the base
-- tables keep them in step, so the importer writes only the base tables. Every search query joins back to the
-- base tables, so a stale search row can never show a record that no longer exists.

-- rowid = articles.id
CREATE VIRTUAL TABLE search_articles USING fts5(title, tokenize = 'unicode61 remove_diacritics 2');

-- rowid = article_segments.id; only body paragraphs, never boilerplate.
CREATE VIRTUAL TABLE search_paragraphs USING fts5(body, article_id UNINDEXED, ordinal UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');

-- rowid = claim_reports.id
CREATE VIRTUAL TABLE search_claim_quotes USING fts5(quote, claim_id UNINDEXED, article_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');

-- rowid = actors.id; aliases joined with ", ".
CREATE VIRTUAL TABLE search_actors USING fts5(name, aliases, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

-- Articles: the title; a changed raw text re-reads every paragraph of the article.
CREATE TRIGGER search_articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO search_articles (rowid, title) VALUES (new.id, new.title);
END;

CREATE TRIGGER search_articles_au_title AFTER UPDATE OF title ON articles BEGIN
    DELETE FROM search_articles WHERE rowid = old.id;
    INSERT INTO search_articles (rowid, title) VALUES (new.id, new.title);
END;

CREATE TRIGGER search_articles_au_text AFTER UPDATE OF raw_text ON articles BEGIN
    DELETE FROM search_paragraphs WHERE rowid IN (SELECT id FROM article_segments WHERE article_id = new.id);
    INSERT INTO search_paragraphs (rowid, body, article_id, ordinal)
        SELECT s.id, substr(new.raw_text, s.start + 1, s."end" - s.start), s.article_id, s.ordinal
        FROM article_segments s WHERE s.article_id = new.id AND s.kind = 'paragraph';
END;

CREATE TRIGGER search_articles_bd BEFORE DELETE ON articles BEGIN
    DELETE FROM search_articles WHERE rowid = old.id;
    DELETE FROM search_paragraphs WHERE rowid IN (SELECT id FROM article_segments WHERE article_id = old.id);
    DELETE FROM search_claim_quotes WHERE rowid IN (SELECT id FROM claim_reports WHERE article_id = old.id);
END;

-- Paragraphs: the slice of the raw text between the segment's offsets.
CREATE TRIGGER search_paragraphs_ai AFTER INSERT ON article_segments WHEN new.kind = 'paragraph' BEGIN
    INSERT INTO search_paragraphs (rowid, body, article_id, ordinal)
        SELECT new.id, substr(a.raw_text, new.start + 1, new."end" - new.start), new.article_id, new.ordinal
        FROM articles a WHERE a.id = new.article_id;
END;

CREATE TRIGGER search_paragraphs_au AFTER UPDATE ON article_segments BEGIN
    DELETE FROM search_paragraphs WHERE rowid = old.id;
    INSERT INTO search_paragraphs (rowid, body, article_id, ordinal)
        SELECT new.id, substr(a.raw_text, new.start + 1, new."end" - new.start), new.article_id, new.ordinal
        FROM articles a WHERE a.id = new.article_id AND new.kind = 'paragraph';
END;

CREATE TRIGGER search_paragraphs_ad AFTER DELETE ON article_segments BEGIN
    DELETE FROM search_paragraphs WHERE rowid = old.id;
END;

-- Claim quotes.
CREATE TRIGGER search_claim_quotes_ai AFTER INSERT ON claim_reports BEGIN
    INSERT INTO search_claim_quotes (rowid, quote, claim_id, article_id) VALUES (new.id, new.quote, new.claim_id, new.article_id);
END;

CREATE TRIGGER search_claim_quotes_au AFTER UPDATE ON claim_reports BEGIN
    DELETE FROM search_claim_quotes WHERE rowid = old.id;
    INSERT INTO search_claim_quotes (rowid, quote, claim_id, article_id) VALUES (new.id, new.quote, new.claim_id, new.article_id);
END;

CREATE TRIGGER search_claim_quotes_ad AFTER DELETE ON claim_reports BEGIN
    DELETE FROM search_claim_quotes WHERE rowid = old.id;
END;

-- Actors: the canonical name plus every alias; an alias change rewrites the actor's row.
CREATE TRIGGER search_actors_ai AFTER INSERT ON actors BEGIN
    INSERT INTO search_actors (rowid, name, aliases)
        VALUES (new.id, new.name, (SELECT group_concat(text, ', ') FROM actor_aliases WHERE actor_id = new.id));
END;

CREATE TRIGGER search_actors_au AFTER UPDATE OF name ON actors BEGIN
    DELETE FROM search_actors WHERE rowid = old.id;
    INSERT INTO search_actors (rowid, name, aliases)
        VALUES (new.id, new.name, (SELECT group_concat(text, ', ') FROM actor_aliases WHERE actor_id = new.id));
END;

CREATE TRIGGER search_actors_ad AFTER DELETE ON actors BEGIN
    DELETE FROM search_actors WHERE rowid = old.id;
END;

CREATE TRIGGER search_actor_aliases_ai AFTER INSERT ON actor_aliases BEGIN
    DELETE FROM search_actors WHERE rowid = new.actor_id;
    INSERT INTO search_actors (rowid, name, aliases)
        SELECT a.id, a.name, (SELECT group_concat(text, ', ') FROM actor_aliases WHERE actor_id = a.id)
        FROM actors a WHERE a.id = new.actor_id;
END;

CREATE TRIGGER search_actor_aliases_au AFTER UPDATE ON actor_aliases BEGIN
    DELETE FROM search_actors WHERE rowid IN (old.actor_id, new.actor_id);
    INSERT INTO search_actors (rowid, name, aliases)
        SELECT a.id, a.name, (SELECT group_concat(text, ', ') FROM actor_aliases WHERE actor_id = a.id)
        FROM actors a WHERE a.id IN (old.actor_id, new.actor_id);
END;

CREATE TRIGGER search_actor_aliases_ad AFTER DELETE ON actor_aliases BEGIN
    DELETE FROM search_actors WHERE rowid = old.actor_id;
    INSERT INTO search_actors (rowid, name, aliases)
        SELECT a.id, a.name, (SELECT group_concat(text, ', ') FROM actor_aliases WHERE actor_id = a.id)
        FROM actors a WHERE a.id = old.actor_id;
END;

-- Rows that exist before this migration.
INSERT INTO search_articles (rowid, title) SELECT id, title FROM articles;

INSERT INTO search_paragraphs (rowid, body, article_id, ordinal)
    SELECT s.id, substr(a.raw_text, s.start + 1, s."end" - s.start), s.article_id, s.ordinal
    FROM article_segments s JOIN articles a ON a.id = s.article_id WHERE s.kind = 'paragraph';

INSERT INTO search_claim_quotes (rowid, quote, claim_id, article_id) SELECT id, quote, claim_id, article_id FROM claim_reports;

INSERT INTO search_actors (rowid, name, aliases)
    SELECT a.id, a.name, (SELECT group_concat(text, ', ') FROM actor_aliases WHERE actor_id = a.id) FROM actors a;
