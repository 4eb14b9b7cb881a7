-- The documents library (văn bản): a Party document's number as written ("2466-QĐ/TU")
-- with what is parsed from it (serial "2466", issuer code "TU"; empty where the usual
-- pattern does not hold), its type, issuing body, signer, dates (YYYY-MM-DD, the year
-- apart for the filter), summary (trích yếu), status (in force, replaced by another
-- document, expired), whether only members read it, and its words folded for search.
CREATE TABLE documents (
    id             BIGSERIAL PRIMARY KEY,
    slug           TEXT NOT NULL UNIQUE,
    number         TEXT NOT NULL,
    number_key     TEXT NOT NULL,
    serial         TEXT NOT NULL,
    issuer_code    TEXT NOT NULL,
    kind           TEXT NOT NULL,
    issuer         TEXT NOT NULL,
    signer         TEXT NOT NULL DEFAULT '',
    issued_on      TEXT NOT NULL,
    issued_year    BIGINT NOT NULL,
    effective_on   TEXT,
    summary        TEXT NOT NULL,
    status         TEXT NOT NULL,
    replaced_by    BIGINT REFERENCES documents(id) ON DELETE SET NULL,
    members_only   BIGINT NOT NULL DEFAULT 0,
    search_text    TEXT NOT NULL,
    created_by     BIGINT REFERENCES users(id),
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX documents_newest ON documents(issued_on, id);
CREATE INDEX documents_by_kind ON documents(kind, issued_on);
CREATE INDEX documents_by_year ON documents(issued_year, issued_on);
CREATE INDEX documents_by_serial ON documents(serial);

-- A document's attached files (PDF and office files of the media library), in order.
CREATE TABLE document_files (
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    media_id    BIGINT NOT NULL REFERENCES media(id),
    position    BIGINT NOT NULL,
    PRIMARY KEY (document_id, media_id)
);
CREATE INDEX document_files_by_media ON document_files(media_id, document_id);

-- Articles about a document (shown on both pages).
CREATE TABLE document_articles (
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    article_id  BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (document_id, article_id)
);
CREATE INDEX document_articles_by_article ON document_articles(article_id, document_id);

-- What a request for /media/{file} looks up to tell a members-only file.
CREATE INDEX media_by_file ON media(file_name);
CREATE INDEX media_variants_by_file ON media_variants(file_name);
