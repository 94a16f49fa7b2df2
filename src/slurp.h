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
 * The most drill reads of one text a person wrote: an answer for `drill
 * coach` or typed in `drill mock` (and story files): 1 MB. A spoken answer
 * is a few hundred words; a longer input is refused with a message rather
 * than analysed for seconds.
 */
#define SLURP_MAX_TEXT ((size_t)1 << 20)

/*
 * Reads all of path ("-": standard input) into a NUL-terminated buffer and
 * sets *len to its length (without the NUL). A UTF-8 byte-order mark at
 * the start is dropped, since every file drill reads is text. Returns NULL
 * with errno set when the file cannot be opened or read.
 */
char *slurp(const char *path, size_t *len);

/*
 * slurp for an input of at most max bytes. A longer one is refused: NULL
 * is returned with errno EFBIG and *len set to its size (a regular file's
 * size is taken from the file system; other input is read to its end to
 * count it, keeping none of it).
 */
char *slurp_max(const char *path, size_t max, size_t *len);

#endif
