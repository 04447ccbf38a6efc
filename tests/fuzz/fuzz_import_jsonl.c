/*
 * fuzz_import_jsonl.c - kenes-import's JSON Lines reader over a whole file, each record
 * validated against the unit tests' fixture and staged as COPY text when valid (see
 * fuzz_import.h).
 */
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(data, size, IMPORT_JSONL);
}
