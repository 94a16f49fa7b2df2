/*
 * backup: copies of a drill database in the backups folder
 * ($XDG_STATE_HOME/drill/backups, docs/storage.md "Backups"), their names
 * and their rotation.
 *
 * Owns: the naming rule STEM-HASH8-YYYYMMDD-HHMMSS.db (STEM the database
 * file's name without .db, HASH8 a hash of its absolute path, so that the
 * backups of several databases share the folder; the moment in local
 * time; "-2", "-3"... before .db when a second backup falls in the same
 * second), the folder (0700) and files (0600), and deleting what the
 * rotation (rotate.h) does not keep. The copy itself is the store's
 * (store_backup_to). Does file I/O; never prints.
 *
 * Ownership: const char * arguments are borrowed for the call; returned
 * strings and lists belong to the caller (free, backup_list_free).
 */
#ifndef DRILL_BACKUP_H
#define DRILL_BACKUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rotate.h"

struct store;

struct backup_file {
	char *path;         /* absolute path of the backup */
	rotate_stamp stamp; /* its moment, YYYYMMDDHHMMSS local time */
	int seq;            /* 1, or N of a "-N" name */
};
struct backup_list {
	struct backup_file *v; /* oldest first */
	size_t n;
};
void backup_list_free(struct backup_list *l);

/* "STEM-HASH8-", the start of every backup name of the database at
 * db_path; the caller frees it. */
char *backup_prefix(const char *db_path);

/* The backups of the database at db_path in dir, oldest first. A folder
 * that does not exist holds none. 0, or -1 with a message in err. */
int backup_list(const char *dir, const char *db_path, struct backup_list *out, char *err,
		size_t errlen);

/*
 * Writes a backup of s, the database at db_path, into dir (made 0700 if
 * missing) named for now_ms. Then, when p is not NULL, deletes the older
 * backups of that database the rotation does not keep (*removed counts
 * them; may be NULL). *written (may be NULL) gets the new file's path.
 * 0, or -1 with a message in err (nothing deleted).
 */
int backup_make(struct store *s, const char *dir, const char *db_path, int64_t now_ms,
		const struct rotate_policy *p, char **written, int *removed, char *err,
		size_t errlen);

/* Deletes the backups of db_path in dir that p does not keep. */
int backup_rotate(const char *dir, const char *db_path, const struct rotate_policy *p,
		  int *removed, char *err, size_t errlen);

/* The local date YYYYMMDD of now_ms (unix ms), as in backup names. */
int64_t backup_date(int64_t now_ms);

#endif
