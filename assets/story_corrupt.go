//go:build corruptdata

package assets

import _ "embed"

// Story, in a build tagged corruptdata, is a truncated copy of the dataset:
// the browser test uses it to check that a bad dataset gives a readable
// error on the page rather than a blank canvas.
//
//go:embed testdata/truncated.msgpack
var Story []byte
