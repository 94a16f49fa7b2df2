/* ankipkg: see ankipkg.h. */
#include "ankipkg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zip.h>
#include <zstd.h>

#include "ankistore.h"
#include "pb.h"
#include "util.h"

/* Collections of a package, newest form first. */
static const char *const ankipkg_forms[] = {
	"collection.anki21b", "collection.anki21", "collection.anki2",
};

/* Reads a whole zip entry (at most max bytes); NULL on failure. */
static unsigned char *
ankipkg_entry(zip_t *z, zip_int64_t idx, size_t max, size_t *len)
{
	zip_stat_t zs;
	zip_file_t *f;
	unsigned char *buf;
	zip_int64_t n;

	if (zip_stat_index(z, (zip_uint64_t)idx, 0, &zs) != 0 || !(zs.valid & ZIP_STAT_SIZE) ||
	    zs.size > max)
		return NULL;
	f = zip_fopen_index(z, (zip_uint64_t)idx, 0);
	if (f == NULL)
		return NULL;
	buf = xmalloc((size_t)zs.size + 1);
	n = zip_fread(f, buf, zs.size);
	zip_fclose(f);
	if (n < 0 || (zip_uint64_t)n != zs.size) {
		free(buf);
		return NULL;
	}
	*len = (size_t)zs.size;
	return buf;
}

/* Writes len bytes to fd; 0 or -1. */
static int
ankipkg_write_all(int fd, const void *buf, size_t len)
{
	const unsigned char *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Decompresses a zstd frame sequence into fd; 0 or -1. */
static int
ankipkg_unzstd(const unsigned char *in, size_t len, int fd)
{
	ZSTD_DStream *ds = ZSTD_createDStream();
	size_t cap = ZSTD_DStreamOutSize();
	unsigned char *out = xmalloc(cap);
	ZSTD_inBuffer ib = {in, len, 0};
	size_t last = 1;
	int rc = 0;

	if (ds == NULL || ZSTD_isError(ZSTD_initDStream(ds)))
		rc = -1;
	while (rc == 0 && ib.pos < ib.size) {
		ZSTD_outBuffer ob = {out, cap, 0};
		last = ZSTD_decompressStream(ds, &ob, &ib);
		if (ZSTD_isError(last) || ankipkg_write_all(fd, out, ob.pos) != 0)
			rc = -1;
		else if (ob.pos == 0 && last != 0 && ib.pos == ib.size)
			break;
	}
	/* Flush what the decoder still holds. */
	while (rc == 0 && last != 0) {
		ZSTD_outBuffer ob = {out, cap, 0};
		last = ZSTD_decompressStream(ds, &ob, &ib);
		if (ZSTD_isError(last) || ankipkg_write_all(fd, out, ob.pos) != 0)
			rc = -1;
		else if (ob.pos == 0)
			break;
	}
	if (rc == 0 && last != 0)
		rc = -1; /* a truncated frame */
	ZSTD_freeDStream(ds);
	free(out);
	return rc;
}

/* The placeholder current Anki puts in collection.anki2 beside a
 * collection.anki21b: one note asking to update Anki. */
static bool
ankipkg_is_dummy(const struct anki_col *col)
{
	if (col->nnotes != 1)
		return false;
	char *low = xstrdup(col->notes[0].flds);
	for (char *p = low; *p; p++)
		*p = (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
	bool dummy = strstr(low, "update") != NULL && strstr(low, "anki") != NULL;
	free(low);
	return dummy;
}

int
ankipkg_read(const char *path, struct anki_col *col, const char **form, char *err,
	     size_t errlen)
{
	int zerr = 0, fd = -1, rc = -1;
	zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
	zip_int64_t idx = -1;
	size_t which = 0, len = 0;
	unsigned char *buf = NULL;
	uint64_t version = 0;
	const char *tmpdir = getenv("TMPDIR");
	char *tmpl = xasprintf("%s/drill-anki-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	char why[512];

	memset(col, 0, sizeof(*col));
	if (form != NULL)
		*form = NULL;
	if (z == NULL) {
		snprintf(err, errlen, "not an Anki package: %s",
			 zerr == ZIP_ER_NOZIP || zerr == ZIP_ER_INCONS
				 ? "it is not a zip file (or a damaged one)"
				 : zerr == ZIP_ER_NOENT ? "no such file"
				 : zerr == ZIP_ER_OPEN || zerr == ZIP_ER_READ ? strerror(errno)
				 : "it cannot be read as a zip file");
		free(tmpl);
		return -1;
	}
	/* meta: PackageMetadata { Version version = 1; } (3: latest). */
	zip_int64_t meta = zip_name_locate(z, "meta", 0);
	if (meta >= 0) {
		size_t mlen = 0;
		unsigned char *m = ankipkg_entry(z, meta, 4096, &mlen);
		if (m != NULL)
			(void)pb_uint(m, mlen, 1, &version);
		free(m);
	}
	for (which = 0; which < ARRAY_LEN(ankipkg_forms) && idx < 0; which++)
		idx = zip_name_locate(z, ankipkg_forms[which], 0);
	which--;
	if (idx < 0) {
		snprintf(err, errlen, "not an Anki package: it holds no collection "
			 "(collection.anki21b, collection.anki21 or collection.anki2)");
		goto out;
	}
	if (which == 2 && version >= 3) {
		snprintf(err, errlen, "the package holds only the placeholder collection that "
			 "current Anki writes for old versions; its real collection "
			 "(collection.anki21b) is missing. Export the deck again from Anki");
		goto out;
	}
	buf = ankipkg_entry(z, idx, (size_t)1 << 31, &len);
	if (buf == NULL) {
		snprintf(err, errlen, "the package is damaged: %s cannot be read from it (%s)",
			 ankipkg_forms[which], zip_strerror(z));
		goto out;
	}
	fd = mkstemp(tmpl);
	if (fd < 0) {
		snprintf(err, errlen, "cannot make a temporary file to read it: %s",
			 strerror(errno));
		goto out;
	}
	if (which == 0 ? ankipkg_unzstd(buf, len, fd) != 0 : ankipkg_write_all(fd, buf, len) != 0) {
		snprintf(err, errlen, "%s", which == 0 ? "the package is damaged: its "
						       "collection.anki21b does not decompress (zstd)"
						     : "cannot write a temporary copy of its collection");
		goto out;
	}
	if (ankistore_read(tmpl, col, why, sizeof(why)) != 0) {
		snprintf(err, errlen, "the package is damaged: its %s cannot be read: %s",
			 ankipkg_forms[which], why);
		goto out;
	}
	if (which == 2 && ankipkg_is_dummy(col)) {
		anki_col_free(col);
		snprintf(err, errlen, "the package holds only the placeholder collection that "
			 "current Anki writes for old versions (one \"please update\" note); its "
			 "real collection is missing. Export the deck again from Anki");
		goto out;
	}
	if (form != NULL)
		*form = ankipkg_forms[which];
	rc = 0;
out:
	if (fd >= 0) {
		close(fd);
		unlink(tmpl);
	}
	free(tmpl);
	free(buf);
	zip_close(z);
	return rc;
}
