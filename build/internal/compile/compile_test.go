package compile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/data"
)

func TestErrorsWriteNothing(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "story.yaml")
	out := filepath.Join(dir, "story.msgpack")
	os.WriteFile(src, []byte("version: 1\nactors:\n  - id: a\n    name: {zh: 甲}\n"), 0o644)
	os.WriteFile(out, []byte("previous"), 0o644)

	// Downloads from an earlier, good compile stay as they were.
	dl := filepath.Join(dir, "dl")
	os.MkdirAll(dl, 0o755)
	os.WriteFile(filepath.Join(dl, "story.json"), []byte("previous"), 0o644)

	r, err := Run(Options{Source: src, Msgpack: out, Downloads: dl})
	if err != nil {
		t.Fatal(err)
	}
	if r.Errors == 0 {
		t.Fatal("want errors")
	}
	if !strings.HasPrefix(r.Diags[0], src+":") {
		t.Errorf("problem %q is not located in %s", r.Diags[0], src)
	}
	if b, _ := os.ReadFile(out); string(b) != "previous" {
		t.Error("a failed compile replaced the previous output")
	}
	if entries, _ := os.ReadDir(dl); len(entries) != 1 {
		t.Errorf("a failed compile wrote downloads: %v", entries)
	}
	if b, _ := os.ReadFile(filepath.Join(dl, "story.json")); string(b) != "previous" {
		t.Error("a failed compile replaced story.json")
	}
	// A source that loads but fails validation writes nothing either.
	os.WriteFile(src, []byte("version: 2\nmarkets: []\n"), 0o644)
	if r, err := Run(Options{Source: src, Msgpack: out, Downloads: dl}); err != nil || r.Errors == 0 {
		t.Fatalf("want validation errors, got %v %v", err, r.Diags)
	}
	if entries, _ := os.ReadDir(dl); len(entries) != 1 {
		t.Errorf("an invalid story wrote downloads: %v", entries)
	}
}

func TestCompilesTheCommittedStory(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "story.msgpack")
	r, err := Run(Options{Source: "../../../data/story.yaml", Msgpack: out, Downloads: dir})
	if err != nil || r.Errors > 0 {
		t.Fatalf("err %v, problems %v", err, r.Diags)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := data.Decode(b); err != nil {
		t.Fatalf("the compiled dataset does not decode: %v", err)
	}
	// The committed copy the widget embeds must be this very output.
	committed, err := os.ReadFile("../../../assets/story.msgpack")
	if err != nil {
		t.Fatal(err)
	}
	if string(committed) != string(b) {
		t.Error("assets/story.msgpack is stale: run `make data` and commit it")
	}
	if r.Sizes.Msgpack != len(b) || r.Sizes.JSON == 0 || r.Sizes.MsgpackGzip == 0 {
		t.Errorf("sizes not reported: %+v", r.Sizes)
	}
	// The compactness target: at most 60% of minified JSON, and smaller
	// gzipped too.
	if z := r.Sizes; z.Msgpack*100 > z.JSON*60 || z.MsgpackGzip >= z.JSONGzip {
		t.Errorf("compactness target missed: %v", z)
	}
	t.Log(r.Sizes)
}
