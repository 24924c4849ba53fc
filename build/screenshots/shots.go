package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/build/internal/devserver"
	"github.com/parallel-lines/widget/data"
)

// shotTimeout bounds each wait of each shot: for ready, then for the
// picture at rest. Software WebGL on a 2-core machine is slow.
const shotTimeout = 90 * time.Second

// langs and viewports are what every scene is photographed in. The device
// scale factor is 1, so a PNG has exactly the viewport's size.
var (
	langs     = []string{"zh", "en"}
	viewports = []viewport{{1280, 720}, {390, 844}}
)

type config struct {
	dist string // directory to serve
	out  string // directory for the PNG files
}

type viewport struct{ w, h int }

// shot is one picture to take.
type shot struct {
	scene string
	lang  string
	view  viewport
}

func (s shot) fileName() string {
	return fmt.Sprintf("%s-%s-%dx%d.png", s.scene, s.lang, s.view.w, s.view.h)
}

// path is the deep link that opens the shot's scene and language.
func (s shot) path() string {
	return "/?scene=" + url.QueryEscape(s.scene) + "&lang=" + url.QueryEscape(s.lang)
}

// plan lists the shots, viewport by viewport: changing the viewport is the
// one step that disturbs a loaded page, so it happens once per viewport.
func plan(scenes []string) []shot {
	var shots []shot
	for _, v := range viewports {
		for _, id := range scenes {
			for _, l := range langs {
				shots = append(shots, shot{scene: id, lang: l, view: v})
			}
		}
	}
	return shots
}

// run takes every shot and reports one line per file, then a summary, to w.
// It stops at the first failure.
func run(ctx context.Context, cfg config, w io.Writer) error {
	start := time.Now()
	story, err := data.Decode(assets.Story)
	if err != nil {
		return fmt.Errorf("decoding the embedded dataset: %w", err)
	}
	var scenes []string
	for _, sc := range story.Scenes {
		// The validator allows only [a-z0-9-] in ids; a path separator
		// here would write outside out.
		if sc.ID == "" || strings.ContainsAny(sc.ID, `/\.`) {
			return fmt.Errorf("scene id %q cannot be a file name", sc.ID)
		}
		scenes = append(scenes, sc.ID)
	}
	if len(scenes) == 0 {
		return errors.New("the embedded dataset has no scenes")
	}
	for _, name := range []string{"index.html", "main.wasm"} {
		if _, err := os.Stat(filepath.Join(cfg.dist, name)); err != nil {
			return fmt.Errorf("%s is missing: run `make dist` first", filepath.Join(cfg.dist, name))
		}
	}
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		return err
	}

	base, stopServer, err := devserver.ServeLoopback(cfg.dist)
	if err != nil {
		return err
	}
	defer stopServer()

	shots := plan(scenes)
	b, err := browser.Start(ctx, browser.Options{Width: shots[0].view.w, Height: shots[0].view.h, DeviceScaleFactor: 1})
	if err != nil {
		return err
	}
	defer b.Close()
	fmt.Fprintf(w, "serving %s at %s; chromium started in %s\n", cfg.dist, base, b.Startup().Round(time.Millisecond))

	written := map[string]bool{}
	var slowest time.Duration
	for i, s := range shots {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("interrupted after %d of %d screenshots: %w", i, len(shots), err)
		}
		if i > 0 && s.view != shots[i-1].view {
			if err := b.SetViewport(s.view.w, s.view.h, 1); err != nil {
				return err
			}
		}
		file := filepath.Join(cfg.out, s.fileName())
		took, err := take(b, base, s, file)
		if err != nil {
			if out := b.Log(); out != "" {
				err = fmt.Errorf("%w\nchromium output (last lines):\n%s", err, out)
			}
			return fmt.Errorf("%s (%s%s): %w", s.fileName(), base, s.path(), err)
		}
		written[s.fileName()] = true
		slowest = max(slowest, took)
		fmt.Fprintf(w, "%s  %s\n", file, took.Round(time.Millisecond))
	}

	total := time.Since(start)
	fmt.Fprintf(w, "%d screenshots (%d scenes × %d languages × %d viewports) in %s: %s per shot on average, slowest %s\n",
		len(shots), len(scenes), len(langs), len(viewports), total.Round(time.Millisecond),
		(total / time.Duration(len(shots))).Round(time.Millisecond), slowest.Round(time.Millisecond))
	if stale := otherPNGs(cfg.out, written); len(stale) > 0 {
		fmt.Fprintf(w, "note: %d other PNG files in %s are not from this run (renamed or removed scenes?): %s\n",
			len(stale), cfg.out, strings.Join(stale, ", "))
	}
	return nil
}

// take opens one shot's deep link, waits for the picture at rest, checks it,
// and writes the viewport as PNG to file.
func take(b *browser.Browser, base string, s shot, file string) (time.Duration, error) {
	// Problems are counted from here: an error logged late by the page
	// before would be blamed on this shot, which is still a failed run.
	mark := len(b.Problems())
	start := time.Now()
	if err := b.Navigate(base + s.path()); err != nil {
		return 0, err
	}
	state, err := b.WaitForState(shotTimeout)
	if err != nil {
		return 0, err
	}
	if state != "ready" {
		status, _ := browser.Eval[string](b, `(document.getElementById('widget-status') || {}).innerText || ''`)
		return 0, fmt.Errorf("the widget reached data-widget-state=%s: %q; console: %q", state, status, b.Problems()[mark:])
	}
	if err := b.WaitForAttr("data-widget-motion", "still", shotTimeout); err != nil {
		return 0, err
	}
	if scene, err := b.Attr("data-widget-scene"); err != nil {
		return 0, err
	} else if scene != s.scene {
		return 0, fmt.Errorf("the page shows scene %q, want %q (is dist/ older than the dataset? run `make dist`)", scene, s.scene)
	}
	if p := b.Problems()[mark:]; len(p) > 0 {
		return 0, fmt.Errorf("%d console errors, exceptions or error log entries:\n  %s", len(p), strings.Join(p, "\n  "))
	}
	shotPNG, err := b.Screenshot()
	if err != nil {
		return 0, err
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(shotPNG))
	if err != nil {
		return 0, fmt.Errorf("the screenshot is not a PNG: %w", err)
	}
	if cfg.Width != s.view.w || cfg.Height != s.view.h {
		return 0, fmt.Errorf("the screenshot is %dx%d, want the viewport %dx%d", cfg.Width, cfg.Height, s.view.w, s.view.h)
	}
	took := time.Since(start)
	if err := os.WriteFile(file, shotPNG, 0o644); err != nil {
		return 0, err
	}
	return took, nil
}

// otherPNGs lists the PNG files in dir that this run did not write.
func otherPNGs(dir string, written map[string]bool) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // only a note: not worth failing a run that succeeded
	}
	var other []string
	for _, e := range entries {
		if name := e.Name(); strings.HasSuffix(name, ".png") && !written[name] {
			other = append(other, name)
		}
	}
	slices.Sort(other)
	return other
}
