# apierrlint: common tasks. Everything here is also a plain go command.
GO ?= go

.PHONY: build test example ci custom-gcl test-gcl test-cache gopls test-gopls test-adoption mutate

build: ## build bin/apierrlint
	$(GO) build -o bin/apierrlint ./cmd/apierrlint

test: ## run every test: the module's (with -race but for the analyzer's fixtures), golangci-lint's, the shared cache's and gopls's integration tests (CI runs this)
	$(GO) test -race -timeout 30m -skip '^TestGopls(Renderers)?$$' $$($(GO) list ./... | grep -v '/analyzer$$')
	$(GO) test ./analyzer
	$(GO) test -race -count=1 -run TestConcurrentAnalyses ./analyzer
	$(MAKE) test-gcl
	$(MAKE) test-cache
	$(MAKE) test-gopls

example: build ## run the linter on the example service with the embedded catalog; succeeds when it finds exactly examples/expected.txt
	.ci/example bin/apierrlint

test-adoption: build ## the integrations CI checks with outside tools: SARIF through Microsoft's multitool (npm), the action and workflow through actionlint and shellcheck, the pre-commit hook through Debian's pre-commit
	.ci/sarif bin/apierrlint
	.ci/actionlint
	.ci/pre-commit

mutate: ## mutation testing of analyzer/ and catalog/ with gremlins v0.6.0 (installed into a cache dir on first use): prints the surviving mutants and the score; see CONTRIBUTING.md, "Mutation testing"
	.ci/mutate

ci: ## what CI runs
	bash .ci/run

custom-gcl: ## build bin/custom-gcl: golangci-lint v2.15.0 with the apierrlint plugin (offline; see gcl/)
	sh gcl/build.sh bin/custom-gcl

test-gcl: custom-gcl ## the golangci-lint integration test, with bin/custom-gcl
	cd gcl && $(GO) vet -trimpath ./...
	cd gcl && APIERRLINT_CUSTOM_GCL=$(CURDIR)/bin/custom-gcl $(GO) test -trimpath -vet=off -count=1 ./...

test-cache: ## go vet across two machines sharing a cache (GOCACHEPROG: gocached and go-cacher on 127.0.0.1)
	cd cachetest && $(GO) vet ./... && $(GO) test -count=1 ./...

gopls: ## build bin/gopls: gopls with apierrlint inside, configured from CONFIG (default: the .apierrlint.yml found from here upwards; see gopls/)
	cd gopls && $(GO) run . -o $(CURDIR)/bin/gopls $(if $(CONFIG),-config $(abspath $(CONFIG)))

test-gopls: ## the gopls build: its generator's tests, the analyzer against gopls's x/tools, and an editor session with bin/gopls-test
	cd gopls && $(GO) vet ./... && $(GO) test -count=1 ./...
	sh gopls/xtools.sh
	cd gopls && $(GO) run . -o $(CURDIR)/bin/gopls-test -config testdata/apierrlint.yml
	APIERRLINT_GOPLS=$(CURDIR)/bin/gopls-test $(GO) test -count=1 -run '^TestGopls(Renderers)?$$' ./cmd/apierrlint
