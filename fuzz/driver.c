/*
 * Runs a fuzz target over files and folders of inputs without libFuzzer, so
 * that the corpus is replayed by every compiler and in the test suite.
 * usage: fuzz_X PATH...
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "slurp.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
driver_run_file(const char *path)
{
	size_t len;
	char *buf = slurp(path, &len);

	if (buf == NULL) {
		perror(path);
		return 1;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	return 0;
}

int
main(int argc, char **argv)
{
	int rc = 0, count = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			rc |= driver_run_file(argv[i]);
			count++;
			continue;
		}
		DIR *d = opendir(argv[i]);
		const struct dirent *e;
		while (d && (e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			char *p = xasprintf("%s/%s", argv[i], e->d_name);
			rc |= driver_run_file(p);
			count++;
			free(p);
		}
		if (d)
			closedir(d);
	}
	printf("%d inputs replayed\n", count);
	return rc;
}
