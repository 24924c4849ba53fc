package offline

import (
	"fmt"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/build/internal/poster"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/typeset"
	"github.com/parallel-lines/widget/wasm/widget"
)

// Preview is the artboard of the posters the offline file carries: big
// enough for a printed handout and the presenter's preview, small enough
// that 2 languages × every scene stay near a megabyte.
var Preview = poster.Artboard{Name: "preview", W: 960, H: 540}

// PreviewScreen is Preview as the layout's screen.
var PreviewScreen = layout.Screen{W: Preview.W, H: Preview.H, Scale: 1}

// Previews draws every scene's settled picture in both languages (light
// theme, for paper) through the posters' own renderer, keyed
// "<scene>-<lang>" as web/presentlib.js's posterURL looks them up.
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
		for _, lang := range []layout.Lang{layout.Zh, layout.En} {
			spec := poster.Spec{Scene: i, Lang: lang, Theme: widget.Light, Board: Preview, Scale: 1}
			b, err := poster.PNG(poster.Image(story, fonts, spec))
			if err != nil {
				return nil, fmt.Errorf("offline: the poster of %s (%s): %w", sc.ID, lang.Code(), err)
			}
			out[sc.ID+"-"+lang.Code()] = b
		}
	}
	return out, nil
}
