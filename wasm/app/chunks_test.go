package app

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
	"github.com/parallel-lines/widget/wasm/typeset"
	"github.com/parallel-lines/widget/wasm/widget"
)

var screen = layout.Screen{W: 1200, H: 675, Scale: 1}

// fakePage is a page serving the real chunks: a fetch is answered only when
// the test says (send).
type fakePage struct {
	t       *testing.T
	fonts   *typeset.Fonts
	c       *FontChunks
	pending map[int]func([]byte, error)
	asked   []int
	wakes   int
	instant bool // answer every fetch at once
}

func newPage(t *testing.T) *fakePage {
	fonts, err := typeset.Load(assets.FontBase)
	if err != nil {
		t.Fatal(err)
	}
	p := &fakePage{t: t, fonts: fonts, pending: map[int]func([]byte, error){}}
	p.c = NewFontChunks(len(assets.FontZhChunks), func(i int, _ bool, done func([]byte, error)) {
		p.asked = append(p.asked, i)
		p.pending[i] = done
		if p.instant {
			p.send(i, nil)
		}
	}, fonts.Add, fonts.Own)
	return p
}

// send answers the fetch of chunk i, with its bytes or err.
func (p *fakePage) send(i int, err error) {
	p.t.Helper()
	done, ok := p.pending[i]
	if !ok {
		p.t.Fatalf("chunk %d was not asked for (asked %v)", i, p.asked)
	}
	delete(p.pending, i)
	if err != nil {
		done(nil, err)
		return
	}
	done(assets.FontZhChunks[i].Bytes, nil)
}

func (p *fakePage) wake() { p.wakes++ }

// awaited counts an Await's answers and keeps the last.
type awaited struct {
	n   int
	err error
}

func (a *awaited) done(err error) { a.n, a.err = a.n+1, err }

// An export of a Chinese scene whose glyphs are coming sees that its frame
// lacks them, and its wait asks for every chunk at once, ends only when
// all are merged (answered once, between frames), after which the same
// frame lacks nothing: no hollow box is drawn.
func TestAwaitWaitsForEveryChunk(t *testing.T) {
	p := newPage(t)
	s := layouttest.Story(t)
	p.instant = true
	if err := p.c.Wait(p.c.Start(0)); err != nil { // a Chinese start: the first view's chunk
		t.Fatal(err)
	}
	p.instant = false
	last := len(s.Scenes) - 1
	settled := func() frame.List {
		w := widget.New(s, p.fonts, screen, layout.Zh, last)
		for w.Animating() {
			w.Tick(1)
		}
		return w.Frame()
	}
	f := settled()
	if !p.c.lacks(&f, nil) {
		t.Fatal("the last scene's frame lacks no glyph with the first chunk alone: the test proves nothing")
	}
	now := time.Unix(0, 0)
	var a awaited
	p.c.Await(now, time.Minute, a.done, p.wake)
	if len(p.pending) != p.c.n-1 {
		t.Fatalf("Await asked for %v, want every chunk not merged", p.asked)
	}
	p.send(1, nil)
	p.c.take(now)
	if a.n != 0 {
		t.Fatalf("answered (%v) with a chunk still coming", a.err)
	}
	p.send(2, nil)
	if a.n != 0 {
		t.Fatal("answered outside take, not between frames")
	}
	p.c.take(now)
	p.c.take(now)
	if a.n != 1 || a.err != nil {
		t.Fatalf("answered %d times, last with %v; want once, nil", a.n, a.err)
	}
	if f := settled(); p.c.lacks(&f, nil) {
		t.Error("once every chunk is merged the frame still lacks glyphs")
	}
	if p.wakes != 2 {
		t.Errorf("%d wakes for the 2 chunks Await asked for, want 2", p.wakes)
	}
	var b awaited
	p.c.Await(now, time.Minute, b.done, p.wake)
	if b.n != 1 || b.err != nil {
		t.Errorf("with every chunk in, Await answered %d times with %v; want at once, nil", b.n, b.err)
	}
}

// A wait ends with an error, never a file: when a fetch fails (saying so),
// or when its time is up; each waiter is answered once.
func TestAwaitEndsWithAnError(t *testing.T) {
	p := newPage(t)
	now := time.Unix(0, 0)
	var failed, late awaited
	p.c.Await(now, time.Minute, failed.done, p.wake)
	p.send(1, errors.New("font-zh-scenes.bin: HTTP 503"))
	p.c.take(now)
	if failed.n != 1 || failed.err == nil || failed.err.Error() != "the Chinese text could not be loaded (font-zh-scenes.bin: HTTP 503)" {
		t.Errorf("after a failed fetch: answered %d times with %v", failed.n, failed.err)
	}
	p.c.Await(now, time.Minute, late.done, p.wake)
	if !slices.Equal(p.asked, []int{0, 1, 2, 1}) {
		t.Errorf("asked for %v: a failed chunk is asked for again, the others under way are not", p.asked)
	}
	p.c.take(now.Add(59 * time.Second))
	if late.n != 0 {
		t.Fatalf("answered %v before its time", late.err)
	}
	p.c.take(now.Add(time.Minute))
	p.c.take(now.Add(2 * time.Minute))
	if late.n != 1 || !errors.Is(late.err, ErrGlyphsLate) {
		t.Errorf("after its time: answered %d times with %v; want once, ErrGlyphsLate", late.n, late.err)
	}
	if failed.n != 1 {
		t.Errorf("the failed wait was answered %d times", failed.n)
	}
}
