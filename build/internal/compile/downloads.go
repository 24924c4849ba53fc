package compile

import (
	"path/filepath"

	"github.com/parallel-lines/widget/data"
)

// writeDownloads writes the reader-facing copies of the dataset.
func writeDownloads(dir string, s *data.Story, js []byte) error {
	return WriteFile(filepath.Join(dir, "story.json"), js)
}
