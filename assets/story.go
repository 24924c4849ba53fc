//go:build !corruptdata

package assets

import _ "embed"

// Story is the compiled dataset (build/datac output of data/story.yaml).
//
//go:embed story.msgpack
var Story []byte
