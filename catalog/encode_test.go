package catalog

import (
	"reflect"
	"testing"
)

// TestEncodeDecode: a decoded catalog is the encoded one (codes with lines,
// pointers and files, shape, operations, or their absence), under the name
// given; bytes that are not an encoded catalog are an error.
func TestEncodeDecode(t *testing.T) {
	for _, paths := range [][]string{
		{"testdata/openapi/petstore.yaml"},
		{"testdata/openapi/swagger.yaml"},
		{"testdata/openapi/nocodes.yaml"},
		{"testdata/valid.md"},
		{"testdata/valid.md", "testdata/openapi/petstore.yaml"},
	} {
		c, err := LoadAll(paths...)
		if err != nil {
			t.Fatal(err)
		}
		data, err := Encode(c)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"", c.Source(), "elsewhere/api.yaml"} {
			got, err := Decode(data, name)
			if err != nil {
				t.Fatalf("%v: %v", paths, err)
			}
			want := c
			if name != "" && name != c.Source() {
				want = renamed(c, name)
			}
			if got.Source() != want.Source() || !reflect.DeepEqual(got.Entries(), want.Entries()) || !reflect.DeepEqual(got.ops, want.ops) ||
				!reflect.DeepEqual(got.shape, want.shape) || !reflect.DeepEqual(got.byCode, want.byCode) {
				t.Errorf("%v as %q: decoded\n%+v\nwant\n%+v", paths, name, got, want)
			}
		}
	}
	for _, bad := range [][]byte{nil, []byte("not gob"), []byte{0x0c, 0xff, 0x81}} {
		if c, err := Decode(bad, ""); err == nil {
			t.Errorf("Decode(%q) = %v, want an error", bad, c)
		}
	}
	// A catalog whose codes do not validate is not decoded.
	broken := &Catalog{source: "x", entries: []Entry{{Code: "A B", Status: 404}}}
	data, _ := Encode(broken)
	if _, err := Decode(data, ""); err == nil {
		t.Error("a catalog with an invalid code decoded")
	}
}

// renamed is c with its source, and the files that name it, renamed.
func renamed(c *Catalog, name string) *Catalog {
	out := *c
	out.source = name
	out.entries, out.byCode, out.ops = []Entry{}, map[string]Entry{}, nil
	for _, e := range c.entries {
		if e.File == c.source {
			e.File = name
		}
		out.entries = append(out.entries, e)
		out.byCode[e.Code] = e
	}
	for _, o := range c.ops {
		if o.File == c.source {
			o.File = name
		}
		out.ops = append(out.ops, o)
	}
	if c.ops != nil && out.ops == nil {
		out.ops = []Operation{}
	}
	if c.shape != nil {
		s := *c.shape
		if s.File == c.source {
			s.File = name
		}
		out.shape = &s
	}
	return &out
}
