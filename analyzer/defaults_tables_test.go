package analyzer

import (
	"fmt"
	"go/types"
	"os"
	"regexp"
	"strings"
	"testing"
)

// checkDefaultsTable checks a framework's defaults (default-error-response)
// against a package set, the real API or the stubs: each maker is a
// package-level function (whose result is the row's instance, when it has
// one) or a struct type; a config parameter is a struct; each replacement
// is a field of a function type or a method of its type; when and body
// name a field or parameter of the right type; ids are unique and each
// message has one %s, the maker.
func checkDefaultsTable(t *testing.T, fw *framework, set pkgSet, what string) {
	t.Helper()
	ids := map[string]bool{}
	for _, fb := range fallbacks {
		if ids[fb.id] {
			t.Errorf("default %s: the id is not unique", fb.id)
		}
		ids[fb.id] = true
	}
	for _, fb := range fw.defaults {
		where := fmt.Sprintf("%s: default %s (against %s)", fw.name, fb.id, what)
		if strings.Count(fb.message, "%") != 1 || !strings.HasPrefix(fb.message, "%s ") {
			t.Errorf("%s: the message must start with %%s (the maker) and have no other verb: %q", where, fb.message)
		}
		if len(fb.makers) == 0 || len(fb.replacedBy) == 0 && fb.body == "" && fb.when == "" && fb.makers[0].fn != "net/http.TimeoutHandler" {
			t.Errorf("%s: no maker, or nothing that replaces the default", where)
		}
		var instance types.Type
		if fb.instance.pkg != "" {
			tn, err := set.lookupType(fb.instance.pkg + "." + fb.instance.name)
			if err != nil {
				t.Errorf("%s: instance: %v", where, err)
				continue
			}
			instance = tn.Type()
		}
		var configs []types.Type // the makers' config types
		for _, mk := range fb.makers {
			if mk.lit.pkg != "" {
				tn, err := set.lookupType(mk.lit.pkg + "." + mk.lit.name)
				if err != nil {
					t.Errorf("%s: maker %s: %v", where, mk.name(), err)
					continue
				}
				if _, ok := tn.Type().Underlying().(*types.Struct); !ok {
					t.Errorf("%s: maker %s is not a struct type", where, mk.name())
				}
				if instance != nil && !fb.instance.is(tn.Type()) {
					t.Errorf("%s: maker %s makes no %s", where, mk.name(), fb.instance.name)
				}
				continue
			}
			obj, sig, err := set.lookupKey(mk.fn)
			if err != nil {
				t.Errorf("%s: maker %s: %v", where, mk.fn, err)
				continue
			}
			if _, ok := obj.(*types.Func); !ok || sig.Recv() != nil {
				t.Errorf("%s: maker %s is not a package-level function", where, mk.fn)
				continue
			}
			if instance != nil && (sig.Results().Len() != 1 || !fb.instance.is(sig.Results().At(0).Type())) {
				t.Errorf("%s: maker %s: its result %s is not the instance %s", where, mk.fn, apiTypeString(sig.Results()), fb.instance.name)
			}
			if mk.config != "" {
				v := configParam(obj, mk.config)
				if v == nil {
					t.Errorf("%s: maker %s has no parameter %s", where, mk.fn, mk.config)
					continue
				}
				if _, ok := v.Type().Underlying().(*types.Struct); !ok || namedOf(v.Type()) == nil {
					t.Errorf("%s: maker %s: config %s is a %s, not a named struct", where, mk.fn, mk.config, apiTypeString(v.Type()))
					continue
				}
				configs = append(configs, v.Type())
			} else if fb.body != "" {
				i := paramIndex(obj.(*types.Func), fb.body)
				if i < 0 || !types.Identical(sig.Params().At(i).Type(), types.Typ[types.String]) {
					t.Errorf("%s: maker %s has no string parameter %s (body)", where, mk.fn, fb.body)
				}
			}
		}
		field := func(typ types.Type, name string) *types.Var {
			obj, _, _ := types.LookupFieldOrMethod(typ, true, nil, name)
			v, _ := obj.(*types.Var)
			return v
		}
		for _, r := range fb.replacedBy {
			tn, err := set.lookupType(r.on.pkg + "." + r.on.name)
			if err != nil {
				t.Errorf("%s: replacement on %s: %v", where, r.on.name, err)
				continue
			}
			owner := instance != nil && types.Identical(tn.Type(), instance)
			for _, c := range configs {
				owner = owner || types.Identical(tn.Type(), c)
			}
			if !owner {
				t.Errorf("%s: replacement on %s: neither the instance nor a maker's config", where, r.on.name)
			}
			if r.field != "" {
				f := field(tn.Type(), r.field)
				if f == nil {
					t.Errorf("%s: %s has no field %s", where, r.on.name, r.field)
				} else if _, ok := f.Type().Underlying().(*types.Signature); !ok {
					t.Errorf("%s: field %s.%s is a %s, not a handler (a function)", where, r.on.name, r.field, apiTypeString(f.Type()))
				}
			} else if obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, nil, r.method); obj == nil {
				t.Errorf("%s: %s has no method %s", where, r.on.name, r.method)
			} else if _, ok := obj.(*types.Func); !ok {
				t.Errorf("%s: %s.%s is not a method", where, r.on.name, r.method)
			}
		}
		// when and body are fields of the config, or else of the instance.
		owners := configs
		if len(owners) == 0 && instance != nil {
			owners = []types.Type{instance}
		}
		for _, c := range []struct {
			name string
			ok   func(types.Type) bool
		}{
			{fb.when, func(t types.Type) bool {
				b, ok := t.Underlying().(*types.Basic)
				return ok && b.Info()&(types.IsBoolean|types.IsInteger) != 0
			}},
			{fb.body, func(t types.Type) bool { return types.Identical(t, types.Typ[types.String]) }},
		} {
			if c.name == "" || (c.name == fb.body && len(configs) == 0 && instance == nil) {
				continue // none, or a parameter (checked above)
			}
			if len(owners) == 0 {
				t.Errorf("%s: %s names a field, but the row has no config and no instance", where, c.name)
			}
			for _, o := range owners {
				if f := field(o, c.name); f == nil || !c.ok(f.Type()) {
					t.Errorf("%s: %s has no field %s of the expected type", where, apiTypeString(o), c.name)
				}
			}
		}
	}
}

// TestDefaultsDocs: the rule's page names every maker of the tables'
// defaults and what replaces each default, so that the documentation says
// what the rule reports and how to silence it.
func TestDefaultsDocs(t *testing.T) {
	data, err := os.ReadFile("../docs/rules/" + RuleDefaultErrorResponse + ".md")
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, fb := range fallbacks {
		for _, mk := range fb.makers {
			if name := mk.name(); !strings.Contains(page, name) {
				t.Errorf("default %s: %s is not on the rule's page", fb.id, name)
			}
		}
		for _, r := range fb.replacedBy {
			if name := r.field + r.method; !regexp.MustCompile(`\b` + name + `\b`).MatchString(page) {
				t.Errorf("default %s: its replacement %s is not on the rule's page", fb.id, name)
			}
		}
	}
}
