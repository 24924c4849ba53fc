package offline

import (
	"bytes"
	"fmt"
	"image/png"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/render/imager"
	"github.com/parallel-lines/widget/wasm/typeset"
	"github.com/parallel-lines/widget/wasm/widget"
)

// PreviewScreen is the size of the posters the offline file carries: big
// enough for a printed handout and the presenter's preview, small enough
// that 2 languages × every scene stay near a megabyte.
var PreviewScreen = layout.Screen{W: 960, H: 540, Scale: 1}

// Previews draws every scene's settled picture in both languages (light
// theme, for paper) with the x/image backend, keyed "<scene>-<lang>" as
// web/presentlib.js's posterURL looks them up.
func Previews() (map[string][]byte, error) {
	story, err := data.Decode(assets.Story)
	if err != nil {
		return nil, fmt.Errorf("offline: the embedded dataset: %w", err)
	}
	fonts, err := typeset.Load(assets.Font)
	if err != nil {
		return nil, fmt.Errorf("offline: the embedded font: %w", err)
	}
	out := map[string][]byte{}
	for i, sc := range story.Scenes {
		for _, l := range []struct {
			lang layout.Lang
			tag  string
		}{{layout.Zh, "zh"}, {layout.En, "en"}} {
			w := widget.New(story, fonts, PreviewScreen, l.lang, i)
			w.SetTheme(widget.Light)
			w.SetReducedMotion(true) // the settled picture, without particles
			for w.Animating() {
				w.Tick(1)
			}
			f := w.Frame()
			var buf bytes.Buffer
			if err := png.Encode(&buf, imager.Draw(&f, fonts)); err != nil {
				return nil, fmt.Errorf("offline: the poster of %s (%s): %w", sc.ID, l.tag, err)
			}
			out[sc.ID+"-"+l.tag] = buf.Bytes()
		}
	}
	return out, nil
}
