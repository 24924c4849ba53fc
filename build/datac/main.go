// Command datac compiles the story source (data/story.yaml) into the
// MessagePack file the widget embeds and the downloads readers get.
// Problems are printed as file:line:col: message; on any error it writes
// nothing and exits 1.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/parallel-lines/widget/build/internal/compile"
)

func main() {
	var o compile.Options
	flag.StringVar(&o.Source, "in", "data/story.yaml", "story source")
	flag.StringVar(&o.Msgpack, "out", "assets/story.msgpack", "MessagePack output (empty: none)")
	flag.StringVar(&o.Downloads, "downloads", "", "directory for JSON and CSV downloads (empty: none)")
	flag.Parse()

	r, err := compile.Run(o)
	for _, d := range r.Diags {
		fmt.Fprintln(os.Stderr, d)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "datac:", err)
		os.Exit(1)
	}
	if r.Errors > 0 {
		fmt.Fprintf(os.Stderr, "datac: %d error(s); nothing written\n", r.Errors)
		os.Exit(1)
	}
	fmt.Println("datac:", r.Sizes)
}
