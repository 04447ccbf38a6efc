# Kenes. `make` builds bin/; `make run` serves http://127.0.0.1:8080/; `make check` tests.
#
#   make SANITIZE=1      build with AddressSanitizer and UBSan (into build/asan, bin/asan)
#   make WERROR=0        do not treat warnings as errors

CC      ?= cc
WERROR  ?= 1
PKGS    := libpq jansson libutf8proc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wformat=2 -Wmissing-prototypes \
           -Wstrict-prototypes -Wno-missing-field-initializers -fstack-protector-strong \
           -Icommon -Ifcgi -Ibuild $(shell pkg-config --cflags $(PKGS))
LDLIBS  := $(shell pkg-config --libs $(PKGS)) -lfcgi
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

COMMON_SRC := common/buf.c common/config.c common/db.c common/log.c common/util.c
FCGI_LIB   := fcgi/errors.c fcgi/form.c fcgi/i18n.c fcgi/jsonbody.c fcgi/page.c fcgi/proposal.c \
              fcgi/request.c fcgi/routes.c fcgi/structure.c fcgi/text.c
QUERIES    := $(sort $(wildcard sql/queries/*.sql))

LIB_OBJ  := $(patsubst %.c,$(OUT)/%.o,$(COMMON_SRC) $(FCGI_LIB)) $(OUT)/queries.o
FCGI_OBJ := $(OUT)/fcgi/main.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNITS    := $(patsubst tests/unit/%.c,$(OUT)/tests/%,$(UNIT_SRC))

.PHONY: all run check unit clean format deps
all: $(BIN)/kenes-fcgi

$(BIN)/kenes-fcgi: $(FCGI_OBJ) $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(OUT)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

build/queries.c: common/embed-sql.sh $(QUERIES)
	@mkdir -p $(@D)
	sh common/embed-sql.sh $(QUERIES) > $@.tmp && mv $@.tmp $@

$(OUT)/queries.o: build/queries.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(OUT)/tests/test_%: tests/unit/test_%.c $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) -lcmocka

unit: $(UNITS)
	@for t in $(UNITS); do echo "== $$t"; $$t || exit 1; done

deps:
	@deploy/deps.sh

run: deps all
	@deploy/run.sh

check:
	@deploy/deps.sh check
	@tests/run-all.sh

format:
	clang-format -i common/*.[ch] fcgi/*.[ch] tests/unit/*.c

clean:
	rm -rf build bin

-include $(shell find build -name '*.d' 2>/dev/null)
