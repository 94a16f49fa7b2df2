-- drill schema, version 3: sibling groups, leeches and overridden grades.
-- Times are unix milliseconds (UTC).

-- group: of the card's record (docs/deck-format.md); NULL when it has none.
-- Reviewing one card of a group buries the group's other new and review
-- cards until the next study day (worked out from the day's reviews).
ALTER TABLE cards ADD COLUMN grp TEXT;
-- 1 once the card's lapses reached the leech_lapses setting; cleared when
-- its content changes. Kept here, not in the deck, so re-imports keep it.
ALTER TABLE cards ADD COLUMN leech INTEGER NOT NULL DEFAULT 0;
-- When the card's content (its record's digest) last changed.
ALTER TABLE cards ADD COLUMN content_at INTEGER NOT NULL DEFAULT 0;
UPDATE cards SET content_at = updated_at;
CREATE INDEX cards_by_group ON cards(grp) WHERE grp IS NOT NULL;

-- The auto-grade (1..4) that :right or :wrong replaced; NULL for a grade
-- left as given. An override deletes the review row and inserts its
-- replacement in one transaction, so the log keeps one row per answer.
ALTER TABLE reviews ADD COLUMN overridden INTEGER CHECK (overridden BETWEEN 1 AND 4);

-- Due cards by time, carrying every column the study queries read, so that
-- counting what is due today and ranking the first batch never touch the
-- table (the study-day rule: src/store.c, STORE_DUE_AT).
DROP INDEX cards_by_due;
CREATE INDEX cards_due ON cards(due, state, grp, last_day, stability, id, type, retired, suspended)
    WHERE retired = 0 AND suspended = 0 AND state <> 0 AND type <> 'open';
