package analyzer

// Path queries on a function's control-flow graph (golang.org/x/tools/go/cfg)
// and the events of each block (func.go): what happens on every path, on
// some path, after an event.

import (
	"go/ast"
	"slices"

	"golang.org/x/tools/go/cfg"
)

// graph returns the function's control-flow graph and its events by block,
// built once.
func (fc *funcCtx) graph(body *ast.BlockStmt) (*cfg.CFG, map[*cfg.Block][]*event) {
	if fc.g == nil {
		fc.g = cfg.New(body, fc.p.mayReturn)
		fc.evs = fc.blockEvents(fc.g)
	}
	return fc.g, fc.evs
}

// onEveryPath reports whether every path from the function's entry to a
// return passes an event that match accepts (paths that end in a panic or
// os.Exit do not return).
func (fc *funcCtx) onEveryPath(body *ast.BlockStmt, match func(*event) bool) bool {
	g, evs := fc.graph(body)
	seen := map[*cfg.Block]bool{g.Blocks[0]: true}
	work := []*cfg.Block{g.Blocks[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if blockHas(evs[b], match) {
			continue
		}
		if returns(b) {
			return false
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return true
}

func blockHas(evs []*event, match func(*event) bool) bool {
	for _, ev := range evs {
		if match(ev) {
			return true
		}
	}
	return false
}

// returns reports whether b ends with a return statement (explicit, or the
// one that the CFG materializes at the closing brace).
func returns(b *cfg.Block) bool {
	if len(b.Nodes) == 0 {
		return false
	}
	_, ok := b.Nodes[len(b.Nodes)-1].(*ast.ReturnStmt)
	return ok
}

// pathToReturn reports whether some path from just after ev reaches a
// return of the function without passing an event that stop accepts.
func (fc *funcCtx) pathToReturn(g *cfg.CFG, evs map[*cfg.Block][]*event, ev *event, stop func(*event) bool) bool {
	if start, _ := locate(g, evs, ev); start == nil {
		return false // not on a live path
	}
	return !fc.everyPathFrom(g, evs, ev, stop, func(*event) bool { return false })
}

// everyPathFrom reports whether on every path from just after ev, an event
// that good accepts comes before one that bad accepts and before the
// function returns.
func (fc *funcCtx) everyPathFrom(g *cfg.CFG, evs map[*cfg.Block][]*event, ev *event, good, bad func(*event) bool) bool {
	start, at := locate(g, evs, ev)
	if start == nil {
		return false
	}
	seen := map[*cfg.Block]bool{}
	var visit func(b *cfg.Block, from int) bool // false: a path fails
	visit = func(b *cfg.Block, from int) bool {
		for _, next := range evs[b][from:] {
			switch {
			case good(next):
				return true
			case bad(next):
				return false
			}
		}
		if returns(b) {
			return false
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				if !visit(s, 0) {
					return false
				}
			}
		}
		return true
	}
	return visit(start, at)
}

// locate finds the block of ev and the index after it.
func locate(g *cfg.CFG, evs map[*cfg.Block][]*event, ev *event) (*cfg.Block, int) {
	for _, b := range g.Blocks {
		if i := slices.Index(evs[b], ev); i >= 0 {
			return b, i + 1
		}
	}
	return nil, 0
}
