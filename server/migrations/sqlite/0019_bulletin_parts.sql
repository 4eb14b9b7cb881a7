-- The documents a bulletin issue (a document of type "Bản tin") gathers, in order:
-- with the articles about it (document_articles), what the issue holds.
CREATE TABLE document_parts (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    part_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (document_id, part_id)
);
CREATE INDEX document_parts_by_part ON document_parts(part_id, document_id);
