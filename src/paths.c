/* paths: see paths.h. */
#include "paths.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#ifndef DRILL_INSTALL_DECKS
#define DRILL_INSTALL_DECKS "/usr/local/share/drill/decks"
#endif
#ifndef DRILL_SOURCE_DECKS
#define DRILL_SOURCE_DECKS "decks"
#endif

static const char *
paths_env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

/* $xdg/drill/leaf, or $HOME/fallback/drill/leaf. */
static char *
paths_xdg(const char *xdg, const char *fallback, const char *leaf)
{
	const char *base = paths_env(xdg);
	const char *home = paths_env("HOME");

	if (base != NULL && base[0] == '/')
		return xasprintf("%s/drill/%s", base, leaf);
	if (home == NULL)
		return NULL;
	return xasprintf("%s/%s/drill/%s", home, fallback, leaf);
}

char *
paths_db(const char *option)
{
	if (option != NULL && *option)
		return xstrdup(option);
	if (paths_env("DRILL_DB"))
		return xstrdup(paths_env("DRILL_DB"));
	return paths_xdg("XDG_DATA_HOME", ".local/share", "drill.db");
}

char *
paths_stories(const char *option)
{
	if (option != NULL && *option)
		return xstrdup(option);
	if (paths_env("DRILL_STORIES"))
		return xstrdup(paths_env("DRILL_STORIES"));
	return paths_xdg("XDG_DATA_HOME", ".local/share", "stories");
}

char *
paths_history(void)
{
	return paths_xdg("XDG_STATE_HOME", ".local/state", "history");
}

char *
paths_user_decks(void)
{
	return paths_xdg("XDG_DATA_HOME", ".local/share", "decks");
}

char *
paths_backups(void)
{
	return paths_xdg("XDG_STATE_HOME", ".local/state", "backups");
}

static int
paths_is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

char *
paths_decks(void)
{
	char exe[PATH_MAX];
	ssize_t n;

	if (paths_env("DRILL_DECKS"))
		return xstrdup(paths_env("DRILL_DECKS"));
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			char *p = xasprintf("%s/../share/drill/decks", exe);
			if (paths_is_dir(p)) {
				char *abs = paths_absolute(p);
				free(p);
				return abs;
			}
			free(p);
		}
	}
	if (paths_is_dir(DRILL_INSTALL_DECKS))
		return xstrdup(DRILL_INSTALL_DECKS);
	return xstrdup(DRILL_SOURCE_DECKS);
}

char *
paths_absolute(const char *path)
{
	char *r = realpath(path, NULL);
	return r ? r : xstrdup(path);
}

int
paths_make_parent(const char *path)
{
	char *dir = xstrdup(path);
	int rc = 0;

	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			rc = -1;
			break;
		}
		*p = '/';
	}
	free(dir);
	return rc;
}
