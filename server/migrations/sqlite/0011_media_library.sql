-- The media library: uploads of pictures and documents (kind), what staff write about
-- them (caption, credit; alt was there), who uploaded them, their words folded for
-- search (no diacritics), and whether a picture's copies are made and its metadata
-- gone (prepared; 0 for the pictures stored before, which the server then prepares).
ALTER TABLE media ADD COLUMN kind TEXT NOT NULL DEFAULT 'picture';
ALTER TABLE media ADD COLUMN caption TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN credit TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN uploaded_by INTEGER REFERENCES users(id);
ALTER TABLE media ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN prepared INTEGER NOT NULL DEFAULT 0;
CREATE INDEX media_newest ON media(created_at, id);
CREATE INDEX media_waiting ON media(prepared, id);

-- A picture's narrower copies (one per width and format), named by the original's
-- hash and their width.
CREATE TABLE media_variants (
    media_id   INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    mime       TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    PRIMARY KEY (media_id, width, mime)
);
