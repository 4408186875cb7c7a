# Takedown: `make run` opens the app, `make test` runs every check CI runs.
# Both install what is missing first (tools/deps.sh).
export PATH := $(PATH):/usr/local/go/bin
GO ?= go

.PHONY: run test deps vet unit scenarios bench fuzz docs bench-ui screenshots screenshots-all xapi-validate report-test report-screenshots

run: deps
	$(GO) run .

test: deps vet unit scenarios fuzz xapi-validate report-test

deps:
	@bash tools/deps.sh

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

# Everything but the window is tested without cgo and without a display,
# then with the race detector; the UI tests run in a virtual X server.
CORE = ./game/... ./scripting/... ./walkthrough/... ./cli/... ./engine/... ./catalog/... ./i18n/... \
	./safefile/... ./terminal/... ./save/... ./records/... ./worldmap/... ./tools/... ./room/... ./explore/...
unit:
	CGO_ENABLED=0 $(GO) test $(CORE)
	$(GO) test -race -short $(CORE)
	xvfb-run -a -s "-screen 0 1920x1080x24" $(GO) test . ./ui/...

# Every shipped scenario: its checks, its walkthroughs, seeded random walks,
# and the explorer with the budget the README gives its time for.
scenarios:
	$(GO) run . check scenarios
	$(GO) run . test
	$(GO) run . test --random 200 --seed 1
	$(GO) run . test --explore --budget 600

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./game/... ./scripting/... ./cli/...

# Each fuzz target runs briefly from its checked-in corpus (testdata/fuzz):
# an execution count, not a duration (a duration budget trips a Go 1.26
# fuzz-coordinator bug). FUZZ_N=100000 make fuzz for a longer run.
FUZZ_N ?= 2000
FUZZ = game:FuzzParseCommand game:FuzzParseLog scripting:FuzzLoadScenario \
	scripting/sandbox:FuzzCompileRun scripting/sandbox:FuzzPatterns walkthrough:FuzzParse \
	engine:FuzzResume save:FuzzDecode terminal:FuzzEscape
fuzz:
	@for t in $(FUZZ); do \
	  pkg=$${t%%:*}; fn=$${t#*:}; \
	  echo "fuzz $$pkg $$fn ($(FUZZ_N) runs)"; \
	  $(GO) test -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZ_N)x ./$$pkg/ > /tmp/takedown-fuzz.log 2>&1 || { cat /tmp/takedown-fuzz.log; exit 1; }; \
	done

docs:
	$(GO) run . docs > docs/api.md
	$(GO) run . docs --luals > docs/takedown.meta.lua
	$(GO) run . docs --rules > docs/rules.md

bench-ui: deps
	xvfb-run -a -s "-screen 0 1920x1080x24" $(GO) run . bench-ui

# The README's screenshots; screenshots-all renders every scene at every
# size, scale and language, and in presenter mode, into docs/screenshots/all
# (not committed).
screenshots: deps
	xvfb-run -a -s "-screen 0 1920x1080x24" bash docs/screenshots/make.sh

screenshots-all: deps
	xvfb-run -a -s "-screen 0 1920x1080x24" bash docs/screenshots/make.sh all

# Every xAPI statement of every shipped walkthrough must pass Learning
# Locker's validator (installed by tools/deps.sh); each invalid one is
# printed with its walkthrough and what is wrong with it.
XAPI_JSON = $(or $(TMPDIR),/tmp)/takedown-xapi-statements.json
xapi-validate: deps
	@rm -f $(XAPI_JSON)
	@$(GO) run ./tools/xapi-validate -o $(XAPI_JSON); s=$$?; \
	  node tools/xapi-validate/validate.js $(XAPI_JSON) || exit 1; exit $$s

# The after-action report, with the race detector; its browser test opens
# every film-site report in headless Chromium and fails if Chromium is
# missing rather than skip.
report-test: deps
	TAKEDOWN_REQUIRE_CHROMIUM=1 $(GO) test -race -count=1 ./report/...

# Screenshots of the film-site reports, both languages, for docs/screenshots.
report-screenshots: deps
	TAKEDOWN_REQUIRE_CHROMIUM=1 TAKEDOWN_REPORT_SHOTS=$(CURDIR)/docs/screenshots \
	  $(GO) test -count=1 -run TestReportsInChromium ./report/
