module github.com/apierrlint/apierrlint/gopls

go 1.26.0

require github.com/apierrlint/apierrlint v0.0.0-00010101000000-000000000000

require (
	github.com/yuin/goldmark v1.8.7 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
	golang.org/x/tools v0.52.0 // indirect
)

replace github.com/apierrlint/apierrlint => ../
