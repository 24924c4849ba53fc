package bench

import (
	"bytes"
	"compress/gzip"
	"io"
	"math"
	"testing"
)

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSummarize(t *testing.T) {
	s := Summarize([]float64{5, 1, math.NaN(), 3, 9})
	if s.Median != 4 || s.Min != 1 || s.Max != 9 || len(s.Samples) != 4 {
		t.Errorf("got %+v", s)
	}
	if s := Summarize([]float64{2, 7, 3}); s.Median != 3 {
		t.Errorf("odd median %v", s.Median)
	}
	if s := Summarize(nil); !math.IsNaN(s.Median) {
		t.Errorf("empty: %v", s.Median)
	}
}

func TestPercentile(t *testing.T) {
	xs := []float64{}
	for i := 1; i <= 100; i++ {
		xs = append(xs, float64(101-i))
	}
	for _, c := range []struct{ p, want float64 }{{50, 50}, {95, 95}, {100, 100}, {0, 1}, {1, 1}} {
		if got := Percentile(xs, c.p); got != c.want {
			t.Errorf("p%v = %v, want %v", c.p, got, c.want)
		}
	}
	if !math.IsNaN(Percentile(nil, 50)) {
		t.Error("no samples must be NaN")
	}
}
