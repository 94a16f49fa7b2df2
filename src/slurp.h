/*
 * slurp: reads a whole file, or standard input, into memory.
 *
 * Owns: nothing; the returned buffer belongs to the caller (free). Used by
 * the importer and by the commands that take FILE|- arguments.
 */
#ifndef DRILL_SLURP_H
#define DRILL_SLURP_H

#include <stddef.h>

/*
 * Reads all of path ("-": standard input) into a NUL-terminated buffer and
 * sets *len to its length (without the NUL). A UTF-8 byte-order mark at
 * the start is dropped, since every file drill reads is text. Returns NULL
 * with errno set when the file cannot be opened or read.
 */
char *slurp(const char *path, size_t *len);

#endif
