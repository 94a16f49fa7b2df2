-- drill schema, version 2: mock interviews (drill mock, src/cmd_mock.c).
-- Times are unix milliseconds (UTC).

-- One row per finished mock interview: the question asked and the scorecard.
-- card_id is not a foreign key: questions come from the bundled decks,
-- which need not have been imported.
CREATE TABLE mocks (
    id         INTEGER PRIMARY KEY,
    started_at INTEGER NOT NULL,
    level      TEXT NOT NULL CHECK (level IN ('L6', 'L7')),
    card_id    TEXT NOT NULL,            -- the open card asked
    principle  TEXT NOT NULL DEFAULT '',
    score      INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    words      INTEGER NOT NULL,         -- spoken words of the main answer
    seconds    INTEGER,                  -- time taken on it; NULL when not timed
    asked      INTEGER NOT NULL,         -- defense follow-ups asked
    defended   INTEGER NOT NULL,         -- of those, answered with what was missing
    answer     TEXT NOT NULL             -- the main answer as typed
) STRICT;
CREATE INDEX mocks_by_time ON mocks(started_at);

-- The coach's findings for a mock: round 0 is the main answer, round k the
-- answer to follow-up k.
CREATE TABLE mock_findings (
    mock_id INTEGER NOT NULL REFERENCES mocks(id),
    round   INTEGER NOT NULL,
    kind    TEXT NOT NULL,               -- missing_star, no_attribution, ...
    quote   TEXT NOT NULL                -- the phrase of the answer ('' when none)
) STRICT;
CREATE INDEX mock_findings_by_mock ON mock_findings(mock_id, round);
