/* backup: see backup.h. */
#include "backup.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "paths.h"
#include "store.h"
#include "util.h"

void
backup_list_free(struct backup_list *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].path);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* FNV-1a, 32 bits: a short, stable name for a path (not for security). */
static uint32_t
backup_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

char *
backup_prefix(const char *db_path)
{
	char *abs = paths_absolute(db_path);
	const char *base = strrchr(abs, '/');
	char *stem;
	size_t n;

	base = base ? base + 1 : abs;
	stem = xstrdup(*base ? base : "drill");
	n = strlen(stem);
	if (n > 3 && strcmp(stem + n - 3, ".db") == 0)
		stem[n - 3] = '\0';
	/* Only letters, digits, '.', '_' and '-' in a name. */
	for (char *p = stem; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' || *p == '-'))
			*p = '_';
	char *prefix = xasprintf("%s-%08x-", stem, backup_hash(abs));
	free(stem);
	free(abs);
	return prefix;
}

/* n decimal digits at s, or -1. */
static int64_t
backup_digits(const char *s, int n)
{
	int64_t v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Parses "YYYYMMDD-HHMMSS[-N].db" (what follows the prefix). */
static bool
backup_parse(const char *s, rotate_stamp *stamp, int *seq)
{
	int64_t date = backup_digits(s, 8), time = date < 0 ? -1 : backup_digits(s + 9, 6);

	if (date < 0 || s[8] != '-' || time < 0)
		return false;
	s += 15;
	*seq = 1;
	if (*s == '-') {
		char *end;
		long n = strtol(s + 1, &end, 10);
		if (end == s + 1 || n < 2 || n > 999)
			return false;
		*seq = (int)n;
		s = end;
	}
	if (strcmp(s, ".db") != 0)
		return false;
	*stamp = date * 1000000 + time;
	return true;
}

static int
backup_file_cmp(const void *a, const void *b)
{
	const struct backup_file *x = a, *y = b;

	if (x->stamp != y->stamp)
		return x->stamp < y->stamp ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

int
backup_list(const char *dir, const char *db_path, struct backup_list *out, char *err,
	    size_t errlen)
{
	char *prefix = backup_prefix(db_path);
	size_t plen = strlen(prefix), cap = 0;
	DIR *d = opendir(dir);
	struct dirent *e;

	out->v = NULL;
	out->n = 0;
	if (d == NULL) {
		free(prefix);
		if (errno == ENOENT)
			return 0;
		snprintf(err, errlen, "cannot read the backups folder %s: %s", dir,
			 strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		rotate_stamp stamp;
		int seq;
		if (strncmp(e->d_name, prefix, plen) != 0 ||
		    !backup_parse(e->d_name + plen, &stamp, &seq))
			continue;
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->v = xrealloc(out->v, cap * sizeof(*out->v));
		}
		out->v[out->n].path = xasprintf("%s/%s", dir, e->d_name);
		out->v[out->n].stamp = stamp;
		out->v[out->n].seq = seq;
		out->n++;
	}
	closedir(d);
	free(prefix);
	if (out->n > 0)
		qsort(out->v, out->n, sizeof(*out->v), backup_file_cmp);
	return 0;
}

int64_t
backup_date(int64_t now_ms)
{
	time_t t = (time_t)(now_ms / 1000);
	struct tm tm;

	localtime_r(&t, &tm);
	return (int64_t)(tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

int
backup_rotate(const char *dir, const char *db_path, const struct rotate_policy *p,
	      int *removed, char *err, size_t errlen)
{
	struct backup_list l;
	rotate_stamp *stamps;
	bool *keep;
	int rc = 0;

	if (removed != NULL)
		*removed = 0;
	if (backup_list(dir, db_path, &l, err, errlen) != 0)
		return -1;
	if (l.n == 0)
		return 0;
	stamps = xcalloc(l.n, sizeof(*stamps));
	keep = xcalloc(l.n, sizeof(*keep));
	for (size_t i = 0; i < l.n; i++)
		stamps[i] = l.v[i].stamp;
	rotate_keep(stamps, l.n, p, keep);
	for (size_t i = 0; i < l.n; i++) {
		if (keep[i])
			continue;
		if (unlink(l.v[i].path) != 0 && errno != ENOENT) {
			snprintf(err, errlen, "cannot delete the old backup %s: %s", l.v[i].path,
				 strerror(errno));
			rc = -1;
			break;
		}
		if (removed != NULL)
			(*removed)++;
	}
	free(stamps);
	free(keep);
	backup_list_free(&l);
	return rc;
}

int
backup_make(struct store *s, const char *dir, const char *db_path, int64_t now_ms,
	    const struct rotate_policy *p, char **written, int *removed, char *err,
	    size_t errlen)
{
	char *prefix = backup_prefix(db_path), *probe = xasprintf("%s/x", dir), *path = NULL;
	time_t t = (time_t)(now_ms / 1000);
	struct tm tm;
	char when[32];
	struct stat st;
	int rc = 0;

	if (written != NULL)
		*written = NULL;
	if (removed != NULL)
		*removed = 0;
	localtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y%m%d-%H%M%S", &tm);
	if (paths_make_parent(probe) != 0) {
		snprintf(err, errlen, "cannot create the backups folder %s: %s", dir,
			 strerror(errno));
		rc = -1;
		goto out;
	}
	/* A second backup in the same second gets "-2", "-3"... */
	for (int seq = 1; rc == 0; seq++) {
		free(path);
		path = seq == 1 ? xasprintf("%s/%s%s.db", dir, prefix, when)
				: xasprintf("%s/%s%s-%d.db", dir, prefix, when, seq);
		if (stat(path, &st) != 0)
			break;
		if (seq == 999) {
			snprintf(err, errlen, "too many backups named %s%s in %s", prefix, when,
				 dir);
			rc = -1;
		}
	}
	if (rc == 0 && store_backup_to(s, path) != STORE_OK) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		rc = -1;
	}
	if (rc == 0 && p != NULL)
		rc = backup_rotate(dir, db_path, p, removed, err, errlen);
	if (rc == 0 && written != NULL) {
		*written = path;
		path = NULL;
	}
out:
	free(path);
	free(probe);
	free(prefix);
	return rc;
}
