# A thin wrapper over CMake (as neovim does). The real build is CMakeLists.txt.
#   make run    install missing packages, build, start a session on the bundled decks
#   make test   install missing packages, build with ASan+UBSan, run every test
#   make bench  build optimised and run the benchmarks
#   make reliability  build, then the long run of tests/reliability (kills,
#               concurrency, refused files; minutes). ARGS="--strict" etc.
#   make fuzz   build the fuzz targets with clang and libFuzzer, run each briefly
#               (FUZZ_SECONDS=600 for a long run; docs/fuzzing.md)
#   make install PREFIX=/usr/local

BUILD      ?= build
TEST_BUILD ?= build-test
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 15
FUZZ_TARGETS ?=
PREFIX     ?= /usr/local
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build run test bench reliability fuzz install lint clean

all: build

deps:
	@sh scripts/deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=$(PREFIX)
	cmake --build $(BUILD) -j $(JOBS) --target drill

run: build
	./$(BUILD)/drill $(ARGS)

test: deps
	cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=Debug -DDRILL_SANITIZE=ON
	cmake --build $(TEST_BUILD) -j $(JOBS)
	ctest --test-dir $(TEST_BUILD) --output-on-failure -j $(JOBS)

fuzz:
	@sh scripts/deps.sh fuzz
	JOBS=$(JOBS) bash fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

bench: deps
	bash bench/run.sh build-bench

reliability: build
	bash tests/reliability/run.sh --long $(ARGS) $(BUILD)/drill

install: build
	cmake --install $(BUILD)

lint:
	cppcheck --enable=warning,performance,portability --error-exitcode=1 \
	  --inline-suppr --quiet -I src src

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(FUZZ_BUILD) build-bench
