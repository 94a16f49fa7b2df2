/* Fuzz target: auditing arbitrary text as a worked calculation. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "audit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct audit_report r = {0};

	audit_text((const char *)data, size, &r);
	audit_report_free(&r);
	return 0;
}
