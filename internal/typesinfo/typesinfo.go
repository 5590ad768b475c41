// Package typesinfo holds what the drivers that type-check packages
// themselves (the go vet driver, the language server) share.
package typesinfo

import (
	"go/ast"
	"go/types"
)

// New returns a types.Info with every map an analyzer may read, as the
// go/analysis drivers fill it.
func New() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}
