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

	r, err := Run(Options{Source: src, Msgpack: out, Downloads: filepath.Join(dir, "dl")})
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
	if _, err := os.Stat(filepath.Join(dir, "dl")); !os.IsNotExist(err) {
		t.Error("a failed compile wrote downloads")
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
}
