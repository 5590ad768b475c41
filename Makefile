# apierrlint: common tasks. Everything here is also a plain go command.
GO ?= go

.PHONY: build test example ci

build: ## build bin/apierrlint
	$(GO) build -o bin/apierrlint ./cmd/apierrlint

test: ## run every test (the command CI runs)
	$(GO) test -race ./...

example: build ## run the linter on the example service with the embedded catalog
	cd examples && ../bin/apierrlint ./...

ci: ## what CI runs
	bash .ci/run
