-- drill schema, version 4: cards generated from story files.
-- Times are unix milliseconds (UTC).

-- file: the story file a generated card came from (its line is the story's
-- line there); NULL for a card written in its deck's own file. :edit opens
-- this file, and a changed file refreshes the "stories" deck.
ALTER TABLE cards ADD COLUMN file TEXT;
