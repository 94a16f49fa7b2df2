/*
 * paths: where drill keeps its files — the database, the readline history,
 * the bundled decks — following the XDG base directory rules.
 *
 * Owns: nothing persistent; every function returns a new string the caller
 * frees, or NULL when no location can be worked out. Reads the environment
 * and the file system (stat), never writes.
 */
#ifndef DRILL_PATHS_H
#define DRILL_PATHS_H

/* --db PATH, else $DRILL_DB, else $XDG_DATA_HOME/drill/drill.db, else
 * ~/.local/share/drill/drill.db. */
char *paths_db(const char *option);
/* The story files (docs/stories.md): --stories DIR, else $DRILL_STORIES,
 * else $XDG_DATA_HOME/drill/stories, else ~/.local/share/drill/stories. */
char *paths_stories(const char *option);
/* $XDG_STATE_HOME/drill/history, else ~/.local/state/drill/history. */
char *paths_history(void);
/* The decks drill writes itself (Anki imports): $XDG_DATA_HOME/drill/decks,
 * else ~/.local/share/drill/decks. */
char *paths_user_decks(void);
/* $XDG_STATE_HOME/drill/backups, else ~/.local/state/drill/backups. */
char *paths_backups(void);
/*
 * The bundled decks: $DRILL_DECKS, else share/drill/decks beside the
 * installed binary (../share/drill/decks from its directory), else the
 * compile-time install directory, else the source tree's decks/.
 */
char *paths_decks(void);
/* An absolute, normalised version of path (realpath), or a copy of it. */
char *paths_absolute(const char *path);
/* mkdir -p of the directory part of path (mode 0700). 0 or -1 (errno set). */
int paths_make_parent(const char *path);

#endif
