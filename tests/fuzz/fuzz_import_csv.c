/*
 * fuzz_import_csv.c - kenes-import's CSV reader over a whole file (header and rows), each
 * record validated against the unit tests' fixture and staged as COPY text when valid.
 * The shared body is in fuzz_import.h; fuzz_import_jsonl.c does the same for JSON Lines.
 */
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(data, size, IMPORT_CSV);
}
