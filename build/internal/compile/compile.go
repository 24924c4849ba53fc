// Package compile turns the story source into what ships: the MessagePack
// file the widget embeds, and the JSON and CSV downloads for readers. It
// writes nothing unless the source is free of errors.
package compile

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/parallel-lines/widget/build/internal/source"
	"github.com/parallel-lines/widget/data"
)

// Options says what to read and where to write. Empty outputs are skipped.
type Options struct {
	Source    string // the story file
	Msgpack   string // the embedded dataset
	Downloads string // directory for story.json and the CSV tables
}

// Result reports what a compile found and wrote.
type Result struct {
	Diags  []string // file:line:col: messages, errors and warnings
	Errors int
	Sizes  Sizes
}

// Sizes compares the shipped form with minified JSON, raw and gzipped.
type Sizes struct {
	Msgpack, MsgpackGzip, JSON, JSONGzip int
}

func (s Sizes) String() string {
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(b) }
	return fmt.Sprintf("msgpack %d B (gzip %d B), minified JSON %d B (gzip %d B): msgpack is %.0f%% of JSON raw, %.0f%% gzipped",
		s.Msgpack, s.MsgpackGzip, s.JSON, s.JSONGzip, pct(s.Msgpack, s.JSON), pct(s.MsgpackGzip, s.JSONGzip))
}

// Run compiles. An error return is an I/O failure; problems in the source
// are in Result.Diags, and when Result.Errors > 0 nothing was written.
func Run(o Options) (Result, error) {
	var r Result
	src, err := os.ReadFile(o.Source)
	if err != nil {
		return r, err
	}
	f, diags := source.Load(o.Source, src)
	if len(diags) == 0 {
		diags = f.Check()
	}
	for _, d := range diags {
		r.Diags = append(r.Diags, f.Format(d))
		if !d.Warn {
			r.Errors++
		}
	}
	if r.Errors > 0 {
		return r, nil
	}
	mp, err := data.Encode(f.Story)
	if err != nil {
		return r, fmt.Errorf("encoding the dataset: %w", err)
	}
	js, err := JSON(f.Story)
	if err != nil {
		return r, fmt.Errorf("encoding the JSON download: %w", err)
	}
	// Sizes compare like with like: the story alone, as both forms carry it.
	plain, err := json.Marshal(f.Story)
	if err != nil {
		return r, fmt.Errorf("encoding the JSON download: %w", err)
	}
	r.Sizes = Sizes{Msgpack: len(mp), MsgpackGzip: gzipSize(mp), JSON: len(plain), JSONGzip: gzipSize(plain)}
	if o.Msgpack != "" {
		if err := WriteFile(o.Msgpack, mp); err != nil {
			return r, err
		}
	}
	if o.Downloads != "" {
		if err := writeDownloads(o.Downloads, f.Story, js); err != nil {
			return r, err
		}
	}
	return r, nil
}

// JSON is the story.json download: the story as the widget reads it, and,
// for readers, whose words each quote is (quoteSpeakers), so that a quote
// taken out of the file keeps its speaker.
func JSON(s *data.Story) ([]byte, error) {
	type quoteSpeaker struct {
		Quote   string    `json:"quote"`
		Speaker string    `json:"speaker"` // an actor id
		Voice   string    `json:"voice"`   // the cited paragraph's speaker
		Name    data.Text `json:"name"`
	}
	out := struct {
		*data.Story
		QuoteSpeakers []quoteSpeaker `json:"quoteSpeakers"`
	}{Story: s, QuoteSpeakers: []quoteSpeaker{}}
	for _, q := range s.Quotes {
		v, _ := s.QuoteVoice(q)
		out.QuoteSpeakers = append(out.QuoteSpeakers, quoteSpeaker{q.ID, q.Speaker, v.String(), s.SpeakerName(q)})
	}
	return json.Marshal(out)
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// WriteFile replaces path atomically: a reader (or a failed build) never sees
// a half-written file, and the old file stays until the new one is complete.
func WriteFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil { // readable like any file made by hand
		tmp.Close()
		return err
	}
	if _, err := io.Copy(tmp, bytes.NewReader(b)); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
