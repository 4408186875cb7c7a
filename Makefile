# Takedown: `make run` opens the app, `make test` runs every check CI runs.
# Both install what is missing first (tools/deps.sh).
export PATH := $(PATH):/usr/local/go/bin
GO ?= go

.PHONY: run test deps vet unit scenarios bench fuzz docs bench-ui screenshots

run: deps
	$(GO) run .

test: deps vet unit scenarios

deps:
	@bash tools/deps.sh

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

# Rules and scripting tests run without cgo and without a display; the UI
# tests run in a virtual X server.
unit:
	CGO_ENABLED=0 $(GO) test ./game/... ./scripting/... ./walkthrough/... ./cli/...
	xvfb-run -a -s "-screen 0 1920x1080x24" $(GO) test ./...

scenarios:
	$(GO) run . check scenarios
	$(GO) run . test
	$(GO) run . test --random 200 --seed 1

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./game/... ./scripting/... ./cli/...

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParseCommand -fuzztime 20s ./game/
	$(GO) test -run '^$$' -fuzz FuzzParseLog -fuzztime 20s ./game/
	$(GO) test -run '^$$' -fuzz FuzzLoadScenario -fuzztime 30s ./scripting/

docs:
	$(GO) run . docs > docs/api.md
	$(GO) run . docs --luals > docs/takedown.meta.lua

bench-ui: deps
	xvfb-run -a -s "-screen 0 1920x1080x24" $(GO) run . bench-ui

screenshots: deps
	xvfb-run -a -s "-screen 0 1920x1080x24" bash docs/screenshots/make.sh
