-- 0004: a bulk import indexes each chunk of articles set-based instead of row by row (ten times faster).
-- search_control.bulk is 1 only inside an importer's transaction, so no other connection ever sees it set. While it
-- is, the insert and update triggers of 0003 stand aside and the importer indexes the chunk itself (Search/SearchIndex);
-- the delete triggers always run, so rows of replaced evidence leave the index as before.

CREATE TABLE search_control (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), bulk INTEGER NOT NULL);
INSERT INTO search_control (id, bulk) VALUES (1, 0);

DROP TRIGGER search_articles_ai;
CREATE TRIGGER search_articles_ai AFTER INSERT ON articles WHEN (SELECT bulk FROM search_control) = 0 BEGIN
    INSERT INTO search_articles (rowid, title) VALUES (new.id, new.title);
END;

DROP TRIGGER search_articles_au_title;
CREATE TRIGGER search_articles_au_title AFTER UPDATE OF title ON articles WHEN (SELECT bulk FROM search_control) = 0 BEGIN
    DELETE FROM search_articles WHERE rowid = old.id;
    INSERT INTO search_articles (rowid, title) VALUES (new.id, new.title);
END;

DROP TRIGGER search_articles_au_text;
CREATE TRIGGER search_articles_au_text AFTER UPDATE OF raw_text ON articles WHEN (SELECT bulk FROM search_control) = 0 BEGIN
    DELETE FROM search_paragraphs WHERE rowid IN (SELECT id FROM article_segments WHERE article_id = new.id);
    INSERT INTO search_paragraphs (rowid, body, article_id, ordinal)
        SELECT s.id, substr(new.raw_text, s.start + 1, s."end" - s.start), s.article_id, s.ordinal
        FROM article_segments s WHERE s.article_id = new.id AND s.kind = 'paragraph';
END;

DROP TRIGGER search_paragraphs_ai;
CREATE TRIGGER search_paragraphs_ai AFTER INSERT ON article_segments
WHEN new.kind = 'paragraph' AND (SELECT bulk FROM search_control) = 0 BEGIN
    INSERT INTO search_paragraphs (rowid, body, article_id, ordinal)
        SELECT new.id, substr(a.raw_text, new.start + 1, new."end" - new.start), new.article_id, new.ordinal
        FROM articles a WHERE a.id = new.article_id;
END;

DROP TRIGGER search_claim_quotes_ai;
CREATE TRIGGER search_claim_quotes_ai AFTER INSERT ON claim_reports WHEN (SELECT bulk FROM search_control) = 0 BEGIN
    INSERT INTO search_claim_quotes (rowid, quote, claim_id, article_id) VALUES (new.id, new.quote, new.claim_id, new.article_id);
END;
