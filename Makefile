# Kenes. `make` builds bin/; `make run` serves http://127.0.0.1:8080/; `make check` tests.
#
#   make SANITIZE=1      build with AddressSanitizer and UBSan (into build/asan, bin/asan)
#   make WERROR=0        do not treat warnings as errors

CC      ?= cc
WERROR  ?= 1
PKGS    := libpq jansson libutf8proc libsodium
CFLAGS  ?= -O2 -g
# pkg-config runs the first time a recipe needs its answer, never while the Makefile is read:
# on a new machine the libraries appear only when `deps` (a prerequisite of every build
# rule) has installed them.
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(shell pkg-config --cflags $$(PKGS)))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $$(shell pkg-config --libs $$(PKGS)))$(PKG_LIBS)
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wformat=2 -Wmissing-prototypes \
           -Wstrict-prototypes -Wno-missing-field-initializers -fstack-protector-strong \
           -pthread -Icommon -Ifcgi -Ibuild $(PKG_CFLAGS)
LDLIBS   = $(PKG_LIBS) -lfcgi -lstemmer -lm -pthread
ifeq ($(WERROR),1)
CFLAGS  += -Werror
endif

ifeq ($(SANITIZE),1)
CFLAGS  += -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
OUT     := build/asan
BIN     := bin/asan
else
OUT     := build
BIN     := bin
endif

# Each program embeds its own statements: the handler sql/queries/, the aggregator
# sql/aggregator/ (and the parts its statements include, sql/aggregator/include/). Everything but main.c is also linked into the unit tests.
COMMON_SRC := $(wildcard common/*.c)
FCGI_LIB   := $(filter-out fcgi/main.c,$(wildcard fcgi/*.c))
AGG_LIB    := $(filter-out aggregator/main.c,$(wildcard aggregator/*.c))
QUERIES    := $(sort $(wildcard sql/queries/*.sql))
AGG_QUERIES:= $(sort $(wildcard sql/aggregator/*.sql))
IMPORT_LIB := $(filter-out import/main.c,$(wildcard import/*.c))
# The importer reads the consultations' structure by the handler's own statement.
IMPORT_QUERIES := $(sort $(wildcard sql/import/*.sql)) sql/queries/consultation_all.sql

COMMON_OBJ := $(patsubst %.c,$(OUT)/%.o,$(COMMON_SRC))
LIB_OBJ    := $(COMMON_OBJ) $(patsubst %.c,$(OUT)/%.o,$(FCGI_LIB)) $(OUT)/queries.o $(OUT)/fcgi_texts.o
AGG_OBJ    := $(COMMON_OBJ) $(patsubst %.c,$(OUT)/%.o,$(AGG_LIB)) $(OUT)/agg_queries.o $(OUT)/report_texts.o
# The three programs link common/ (the domain library and the database layer) and nothing of
# each other: tests/lint/layers.sh checks it.
IMPORT_OBJ := $(COMMON_OBJ) $(patsubst %.c,$(OUT)/%.o,$(IMPORT_LIB)) $(OUT)/import_queries.o
UNIT_SRC   := $(wildcard tests/unit/test_*.c)
UNITS      := $(patsubst tests/unit/%.c,$(OUT)/tests/%,$(UNIT_SRC))
PROGRAMS   := $(BIN)/kenes-fcgi $(if $(wildcard aggregator/main.c),$(BIN)/kenes-aggregator) \
              $(BIN)/kenes-import

.PHONY: all run check unit clean format format-check deps fuzz bench
all: $(PROGRAMS)

$(BIN)/kenes-fcgi: $(OUT)/fcgi/main.o $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BIN)/kenes-aggregator: $(OUT)/aggregator/main.o $(AGG_OBJ)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(OUT)/import/%.o: CFLAGS += -Iimport

$(BIN)/kenes-import: $(OUT)/import/main.o $(IMPORT_OBJ)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(OUT)/%.o: %.c | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

build/queries.c: common/embed-sql.sh $(QUERIES)
	@mkdir -p $(@D)
	sh common/embed-sql.sh fcgi_statements $(QUERIES) > $@.tmp && mv $@.tmp $@

build/agg_queries.c: common/embed-sql.sh $(AGG_QUERIES) $(wildcard sql/aggregator/include/*.sql)
	@mkdir -p $(@D)
	sh common/embed-sql.sh aggregator_statements $(AGG_QUERIES) > $@.tmp && mv $@.tmp $@

build/import_queries.c: common/embed-sql.sh $(IMPORT_QUERIES)
	@mkdir -p $(@D)
	sh common/embed-sql.sh import_statements $(IMPORT_QUERIES) > $@.tmp && mv $@.tmp $@

# The texts of the pages and of the reports, kept as tables of data (fcgi/lang.tsv,
# aggregator/report_text.tsv).
build/fcgi_texts.c: common/embed-texts.sh fcgi/lang.tsv
	@mkdir -p $(@D)
	sh common/embed-texts.sh fcgi_texts fcgi/lang.tsv > $@.tmp && mv $@.tmp $@

build/report_texts.c: common/embed-texts.sh aggregator/report_text.tsv
	@mkdir -p $(@D)
	sh common/embed-texts.sh report_texts aggregator/report_text.tsv > $@.tmp && mv $@.tmp $@

# The generated C files above, for the plain and the sanitizer builds alike.
$(OUT)/%.o: build/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

# Unit tests of the aggregator (test_agg_*) link its modules; the others the handler's.
$(OUT)/tests/test_agg_%: tests/unit/test_agg_%.c $(AGG_OBJ) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iaggregator $(LDFLAGS) -o $@ $^ $(LDLIBS) -lcmocka

# Unit tests of kenes-import (test_import_*) link its modules.
$(OUT)/tests/test_import_%: tests/unit/test_import_%.c $(IMPORT_OBJ) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iimport $(LDFLAGS) -o $@ $^ $(LDLIBS) -lcmocka

$(OUT)/tests/test_%: tests/unit/test_%.c $(LIB_OBJ) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) -lcmocka

# The fault-injection library LD_PRELOAD'ed into the handler by tests/faults/failures.sh.
$(OUT)/tests/failshim.so: tests/faults/failshim.c | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -shared -fPIC -o $@ $< -ldl

unit: $(UNITS)
	@for t in $(UNITS); do echo "== $$t"; $$t || exit 1; done

# Every libFuzzer harness for FUZZ_SECONDS (default 20) each; see tests/fuzz/README.md.
fuzz:
	@tests/fuzz/run.sh $(FUZZ_SECONDS)

# Benchmarks (not tests): about 20 minutes, results in bench/results/, see docs/BENCHMARKS.md.
bench: all
	@bench/run

# Installs the Debian packages a build needs when they are missing (as root), or prints
# the apt-get line that would (as another user). Every compile waits for it.
deps:
	@deploy/deps.sh

run: deps all
	@deploy/run.sh

check:
	@deploy/deps.sh check
	@tests/run-all.sh

# The C sources clang-format keeps in the style of .clang-format; make check fails on a file
# that `make format` would change (tests/lint/format.sh).
FORMAT_SRC = $(wildcard common/*.[ch] fcgi/*.[ch] aggregator/*.[ch] import/*.[ch] tests/unit/*.[ch] \
             tests/fuzz/*.[ch] tests/faults/*.c bench/*.c)

format:
	clang-format -i $(FORMAT_SRC)

format-check:
	@clang-format --dry-run -Werror $(FORMAT_SRC)

clean:
	rm -rf build bin

-include $(shell find build -name '*.d' 2>/dev/null)
