package devserver

import (
	"net"
	"net/http"
	"time"
)

// ServeLoopback serves dir on a free port of 127.0.0.1 (never on other
// interfaces) for a tool that drives a browser, and returns its base URL
// and a function that stops it.
func ServeLoopback(dir string) (base string, stop func(), err error) {
	h, err := New(dir)
	if err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		h.Close()
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln) // returns ErrServerClosed on Close
	return "http://" + ln.Addr().String(), func() { srv.Close(); h.Close() }, nil
}
