package bench

import (
	"math"
	"slices"
)

// Stat summarises the samples of one figure over the runs: the median is
// the figure, Min and Max its spread. A figure never rests on one sample
// when Runs > 1.
type Stat struct {
	Median  float64   `json:"median"`
	Min     float64   `json:"min"`
	Max     float64   `json:"max"`
	Samples []float64 `json:"samples"`
}

// Summarize returns the median, minimum and maximum of xs; NaN samples (a
// figure that could not be taken in one run) are left out. An empty set
// gives NaN everywhere, which JSON writes as null (see Results.MarshalJSON).
func Summarize(xs []float64) Stat {
	var v []float64
	for _, x := range xs {
		if !math.IsNaN(x) {
			v = append(v, x)
		}
	}
	if len(v) == 0 {
		return Stat{Median: math.NaN(), Min: math.NaN(), Max: math.NaN()}
	}
	s := slices.Clone(v)
	slices.Sort(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return Stat{Median: med, Min: s[0], Max: s[len(s)-1], Samples: v}
}

// Percentile returns the p-th percentile (0..100) of xs by the nearest-rank
// method: a value that occurred, never an interpolation. It is NaN for no
// samples.
func Percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	return s[min(max(rank, 1), len(s))-1]
}
