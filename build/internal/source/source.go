// Package source reads the human-edited story file (YAML) into data.Story,
// remembering where every value stands so that any problem, whether found
// while reading or later by data.Validate, is reported as file:line:col.
//
// YAML is read through its node tree rather than decoded straight into
// structs: that gives a position for every key and value, lets unknown keys be
// reported instead of silently dropped, and takes every scalar as the text
// written (so `en: no` is the word "no", never a boolean).
package source

import (
	"encoding"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/parallel-lines/widget/data"
	"go.yaml.in/yaml/v3"
)

// Pos is a place in the source file.
type Pos struct{ Line, Col int }

// Diag is one problem at one place.
type Diag struct {
	Pos  Pos
	Msg  string
	Warn bool
}

// File is a loaded story with the positions of its values.
type File struct {
	Name  string
	Story *data.Story
	pos   map[string]Pos
}

// Format writes d the way compilers do, so editors can jump to it.
func (f *File) Format(d Diag) string {
	kind := ""
	if d.Warn {
		kind = "warning: "
	}
	return fmt.Sprintf("%s:%d:%d: %s%s", f.Name, d.Pos.Line, d.Pos.Col, kind, d.Msg)
}

// Load parses src. It returns every problem it finds while reading; the story
// is complete only when none of them is an error.
func Load(name string, src []byte) (*File, []Diag) {
	f := &File{Name: name, Story: &data.Story{}, pos: map[string]Pos{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return f, []Diag{syntaxDiag(err)}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return f, []Diag{{Pos: Pos{1, 1}, Msg: "the file holds no story"}}
	}
	d := decoder{f: f}
	d.value(doc.Content[0], reflect.ValueOf(f.Story).Elem(), "")
	return f, d.diags
}

// Check runs the validator over a loaded story and places its problems.
func (f *File) Check() []Diag {
	var out []Diag
	for _, p := range data.Validate(f.Story) {
		out = append(out, Diag{Pos: f.Where(p.Path), Msg: p.Msg, Warn: p.Warn})
	}
	return out
}

// Where finds the position of path, or of its nearest ancestor that is
// written in the file (a missing field is reported where its parent is).
func (f *File) Where(path string) Pos {
	for {
		if p, ok := f.pos[path]; ok {
			return p
		}
		i := strings.LastIndexAny(path, ".[")
		if i <= 0 {
			return f.pos[""]
		}
		path = path[:i]
	}
}

// yaml.v3 reports syntax errors as "yaml: line N: message".
func syntaxDiag(err error) Diag {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, after, ok := strings.Cut(rest, ": "); ok {
			if v, e := strconv.Atoi(n); e == nil {
				line, msg = v, after
			}
		}
	}
	return Diag{Pos: Pos{line, 1}, Msg: "YAML syntax: " + msg}
}

type decoder struct {
	f     *File
	diags []Diag
}

func (d *decoder) errf(n *yaml.Node, format string, args ...any) {
	d.diags = append(d.diags, Diag{Pos: Pos{n.Line, n.Column}, Msg: fmt.Sprintf(format, args...)})
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// value decodes n into v and records n's position under path.
func (d *decoder) value(n *yaml.Node, v reflect.Value, path string) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	d.f.pos[path] = Pos{n.Line, n.Column}
	if v.CanAddr() && v.Addr().Type().Implements(textUnmarshaler) {
		if n.Kind != yaml.ScalarNode {
			d.errf(n, "want a single value, got %s", kindName(n))
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value)); err != nil {
			d.errf(n, "%v", err)
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.structure(n, v, path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.errf(n, "want a list, got %s", kindName(n))
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content)))
		for i, item := range n.Content {
			d.value(item, v.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.errf(n, "want text, got %s", kindName(n))
			return
		}
		v.SetString(n.Value)
	case reflect.Uint8, reflect.Uint16:
		if n.Kind != yaml.ScalarNode {
			d.errf(n, "want a whole number, got %s", kindName(n))
			return
		}
		u, err := strconv.ParseUint(n.Value, 10, v.Type().Bits())
		if err != nil {
			d.errf(n, "%q is not a whole number from 0 to %d", n.Value, uint64(1)<<v.Type().Bits()-1)
			return
		}
		v.SetUint(u)
	case reflect.Float64:
		if n.Kind != yaml.ScalarNode {
			d.errf(n, "want a number, got %s", kindName(n))
			return
		}
		x, err := strconv.ParseFloat(n.Value, 64)
		if err != nil {
			d.errf(n, "%q is not a number", n.Value)
			return
		}
		v.SetFloat(x)
	default:
		// A schema type this reader does not know is a bug here, not in the file.
		panic(fmt.Sprintf("source: cannot read a %s", v.Type()))
	}
}

func (d *decoder) structure(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.errf(n, "want a mapping of keys to values, got %s", kindName(n))
		return
	}
	fields := fieldsOf(v.Type())
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			d.errf(k, "key %q appears twice", k.Value)
			continue
		}
		seen[k.Value] = true
		idx, ok := fields[k.Value]
		if !ok {
			d.errf(k, "unknown key %q (known here: %s)", k.Value, strings.Join(keys(fields), ", "))
			continue
		}
		p := k.Value
		if path != "" {
			p = path + "." + k.Value
		}
		d.value(val, v.FieldByIndex(idx), p)
	}
}

// fieldsOf maps each key a struct takes to its field. The key is the yaml tag
// or the field name with a lower-case first letter; ",inline" fields lend
// their keys to the enclosing mapping.
func fieldsOf(t reflect.Type) map[string][]int {
	out := map[string][]int{}
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if opts == "inline" {
			for k, idx := range fieldsOf(sf.Type) {
				out[k] = append([]int{i}, idx...)
			}
			continue
		}
		if name == "" {
			name = lowerFirst(sf.Name)
		}
		out[name] = []int{i}
	}
	return out
}

// lowerFirst lowers the leading capitals of a Go name: Role → role,
// ID → id, OpenNote → openNote.
func lowerFirst(s string) string {
	i := 0
	for i < len(s) && unicode.IsUpper(rune(s[i])) {
		i++
	}
	if i > 1 && i < len(s) {
		i-- // keep the capital that starts the next word: URLPath → urlPath
	}
	return strings.ToLower(s[:i]) + s[i:]
}

func keys(m map[string][]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}
