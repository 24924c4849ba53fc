package bench

import "time"

// The 3840×2160 transitions. Under software WebGL on a busy 2-core machine
// one frame there has taken many seconds, so the 1280×720 case's waits (a
// minute for a transition to start and end) left this figure empty in
// every run. This case waits as long as largeWait for each transition and
// steps through at most largeTransitions of them, so that a run still ends
// in minutes; the frames and their Go work are recorded as at 1280×720.
const (
	largeTransitions = 3
	largeWait        = 5 * time.Minute
)

// transitionsAt is the transitions case for any viewport: the large one
// gets the patient waits above.
func (s *session) transitionsAt(w, h, n int) (ms []float64, fps float64, err error) {
	if w*h <= 1920*1080 {
		return s.transitions(w, h, n, time.Minute)
	}
	return s.transitions(w, h, min(n, largeTransitions), largeWait)
}
