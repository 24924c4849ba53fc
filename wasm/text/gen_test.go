package text

// testdata/mini.bin is a real subset of a few dozen runes for the tests
// that need genuine outlines; regenerate it when the format changes.
//go:generate go run ../../build/fontsubset -o testdata/mini.bin -src ../../assets/fonts/source testdata/mini.txt
