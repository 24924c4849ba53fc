// Package security holds the static checks of what ships and what the tests
// fetch (security_test.go): no script built from text (eval and friends),
// no markup written from data (innerHTML and friends), every page under a
// strict Content-Security-Policy with no inline script and nothing from
// another origin, and the npm test fixtures pinned by a lock file with
// integrity hashes. The Go modules are pinned by go.sum, and `make vet`
// fails when `go mod tidy` would change go.mod or go.sum.
package security
