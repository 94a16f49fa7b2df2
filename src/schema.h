/*
 * schema: the migrations in schema/NNNN_name.sql, embedded at build time
 * by cmake/embed_schema.cmake into schema_sql.c. Read only by the store.
 */
#ifndef DRILL_SCHEMA_H
#define DRILL_SCHEMA_H

struct schema_migration {
	int version;      /* NNNN, from 1, without gaps */
	const char *name; /* file name */
	const char *sql;  /* the whole file */
};

extern const struct schema_migration schema_migrations[];
extern const int schema_migration_count;

#endif
