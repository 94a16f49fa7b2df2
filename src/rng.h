/*
 * rng: a small seeded pseudo-random generator (splitmix64).
 *
 * Owns: nothing global; the state is a value the caller holds and passes in,
 * so pure modules can draw numbers reproducibly (--seed) without a hidden
 * source of randomness.
 */
#ifndef DRILL_RNG_H
#define DRILL_RNG_H

#include <stdint.h>

struct rng {
	uint64_t state; /* advanced by every draw */
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* Uniform in [0, n); n > 0. */
uint64_t rng_below(struct rng *r, uint64_t n);
/* Uniform in [0, 1). */
double rng_unit(struct rng *r);
/* A 64-bit hash of a string, for stable seeds (FNV-1a). */
uint64_t rng_hash(const char *s);

#endif
