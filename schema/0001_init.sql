-- drill schema, version 1. Applied by the store in one transaction.
-- Times are unix milliseconds (UTC) unless a column says otherwise.

-- Key/value settings (desired retention, learning steps, daily new cards...).
CREATE TABLE config (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- One row per deck file ever imported; key is the file name without .deck.
CREATE TABLE decks (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    path        TEXT NOT NULL,            -- absolute path it was last imported from
    name        TEXT NOT NULL,
    description TEXT,
    tags        TEXT NOT NULL DEFAULT '', -- comma-separated
    file_hash   TEXT NOT NULL,            -- digest of the file at the last import
    file_mtime  INTEGER NOT NULL DEFAULT 0,
    file_size   INTEGER NOT NULL DEFAULT 0,
    imported_at INTEGER NOT NULL
) STRICT;

-- Cards, keyed by the stable id from the deck file. The record text is kept
-- so a card can be served (and explained) without re-reading its deck.
CREATE TABLE cards (
    id             TEXT PRIMARY KEY,
    deck_id        INTEGER NOT NULL REFERENCES decks(id),
    line           INTEGER NOT NULL,      -- line of the record in its deck file
    type           TEXT NOT NULL,
    source         TEXT NOT NULL,
    hash           TEXT NOT NULL,         -- content digest, changes when edited
    tags           TEXT NOT NULL DEFAULT ',', -- ",tag,tag," (deck and card tags)
    seen           INTEGER NOT NULL DEFAULT 0, -- import generation that last saw it
    -- FSRS state (see src/fsrs.h)
    state          INTEGER NOT NULL DEFAULT 0,
    stability      REAL NOT NULL DEFAULT 0,
    difficulty     REAL NOT NULL DEFAULT 0,
    due            INTEGER NOT NULL DEFAULT 0,
    last_review    INTEGER NOT NULL DEFAULT 0,
    last_day       INTEGER NOT NULL DEFAULT 0, -- local day number of last_review
    reps           INTEGER NOT NULL DEFAULT 0,
    lapses         INTEGER NOT NULL DEFAULT 0,
    learning_steps INTEGER NOT NULL DEFAULT 0,
    scheduled_days INTEGER NOT NULL DEFAULT 0,
    suspended      INTEGER NOT NULL DEFAULT 0,
    retired        INTEGER NOT NULL DEFAULT 0, -- removed from its deck file
    added_at       INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX cards_by_deck ON cards(deck_id);
CREATE INDEX cards_by_due ON cards(due) WHERE retired = 0 AND suspended = 0 AND state <> 0;
CREATE INDEX cards_new ON cards(deck_id, line) WHERE retired = 0 AND suspended = 0 AND state = 0;

CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL DEFAULT 'study',
    started_at INTEGER NOT NULL,
    ended_at   INTEGER
) STRICT;

-- The review log. Rows are never updated; :undo deletes the newest row of
-- its session and restores the card's state from the row's "before" columns.
CREATE TABLE reviews (
    id             INTEGER PRIMARY KEY,
    card_id        TEXT NOT NULL REFERENCES cards(id),
    session_id     INTEGER REFERENCES sessions(id),
    reviewed_at    INTEGER NOT NULL,
    day            INTEGER NOT NULL,      -- local day number of reviewed_at
    rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    answer         TEXT,                  -- what was typed; NULL when self-graded
    correct        INTEGER,               -- 1, 0, or NULL when self-graded
    duration_ms    INTEGER NOT NULL,
    retrievability REAL,                  -- before the review; NULL for a new card
    b_state INTEGER NOT NULL, b_stability REAL NOT NULL, b_difficulty REAL NOT NULL,
    b_due INTEGER NOT NULL, b_last_review INTEGER NOT NULL, b_last_day INTEGER NOT NULL,
    b_reps INTEGER NOT NULL, b_lapses INTEGER NOT NULL, b_learning_steps INTEGER NOT NULL,
    b_scheduled_days INTEGER NOT NULL,
    a_state INTEGER NOT NULL, a_stability REAL NOT NULL, a_difficulty REAL NOT NULL,
    a_due INTEGER NOT NULL, a_last_review INTEGER NOT NULL, a_last_day INTEGER NOT NULL,
    a_reps INTEGER NOT NULL, a_lapses INTEGER NOT NULL, a_learning_steps INTEGER NOT NULL,
    a_scheduled_days INTEGER NOT NULL
) STRICT;
CREATE INDEX reviews_by_card ON reviews(card_id, reviewed_at);
CREATE INDEX reviews_by_day ON reviews(day);

CREATE TRIGGER reviews_append_only BEFORE UPDATE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;
