package data

import (
	"errors"
	"fmt"
	"strings"
)

// FormatVersion is the version of the shipped format. It changes whenever a
// field is added, removed or reordered, since tuples are positional.
const FormatVersion = 1

// MaxEncodedSize bounds what Decode accepts. The real story is a few tens of
// kilobytes; with the array limits in story.go this keeps a crafted file
// from making the decoder allocate more than a few megabytes.
const MaxEncodedSize = 1 << 20

// Encode writes s in the shipped MessagePack form.
func Encode(s *Story) ([]byte, error) {
	return s.MarshalMsg(nil)
}

// Decode reads a shipped story and checks it. Any problem (truncated or
// corrupt bytes, a limit exceeded, trailing bytes, or a story that fails
// validation) is an error that says what is wrong; Decode never panics.
func Decode(b []byte) (*Story, error) {
	if len(b) == 0 {
		return nil, errors.New("dataset is empty")
	}
	if len(b) > MaxEncodedSize {
		return nil, fmt.Errorf("dataset is %d bytes, more than the %d this build accepts", len(b), MaxEncodedSize)
	}
	var s Story
	rest, err := s.UnmarshalMsg(b)
	if err != nil {
		return nil, fmt.Errorf("dataset is corrupt: %w", err)
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("dataset has %d unexpected bytes after its end", len(rest))
	}
	if s.Version != FormatVersion {
		return nil, fmt.Errorf("dataset format version %d, this build reads %d", s.Version, FormatVersion)
	}
	if ps := Validate(&s); Errors(ps) > 0 {
		return nil, fmt.Errorf("dataset is invalid: %s", summarize(ps, 3))
	}
	return &s, nil
}

// summarize lists the first n errors and counts the rest.
func summarize(ps []Problem, n int) string {
	var parts []string
	more := 0
	for _, p := range ps {
		if p.Warn {
			continue
		}
		if len(parts) < n {
			parts = append(parts, p.String())
		} else {
			more++
		}
	}
	s := strings.Join(parts, "; ")
	if more > 0 {
		s += fmt.Sprintf(" (and %d more)", more)
	}
	return s
}

// SceneIndex returns the index of the scene with id, or -1.
func (s *Story) SceneIndex(id string) int {
	for i, sc := range s.Scenes {
		if sc.ID == id {
			return i
		}
	}
	return -1
}
