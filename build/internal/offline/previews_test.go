package offline

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/data"
)

// TestPreviewsCoverEveryScene checks that the offline file gets a drawn
// poster of every scene in both languages, under the keys posterURL uses.
func TestPreviewsCoverEveryScene(t *testing.T) {
	story, err := data.Decode(assets.Story)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Previews()
	if err != nil {
		t.Fatal(err)
	}
	if len(p) != 2*len(story.Scenes) {
		t.Errorf("%d posters, want %d (every scene in zh and en)", len(p), 2*len(story.Scenes))
	}
	for _, sc := range story.Scenes {
		for _, l := range []string{"zh", "en"} {
			b, ok := p[sc.ID+"-"+l]
			if !ok {
				t.Errorf("no poster %s-%s", sc.ID, l)
				continue
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s-%s: %v", sc.ID, l, err)
			}
			if r := img.Bounds(); r.Dx() != PreviewScreen.W || r.Dy() != PreviewScreen.H {
				t.Errorf("%s-%s is %v, want %dx%d", sc.ID, l, r, PreviewScreen.W, PreviewScreen.H)
			}
			// Drawn, not blank: more than a background and one colour over
			// the whole picture (a scene's marks may leave any one row empty).
			seen := map[[4]uint32]bool{}
			for y := 0; y < img.Bounds().Dy(); y += 3 {
				for x := 0; x < img.Bounds().Dx(); x += 3 {
					r, g, b, a := img.At(x, y).RGBA()
					seen[[4]uint32{r, g, b, a}] = true
				}
			}
			if len(seen) < 3 {
				t.Errorf("%s-%s looks blank (%d colours)", sc.ID, l, len(seen))
			}
		}
	}
}
