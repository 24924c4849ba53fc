// Command serve serves the built widget (dist/ by default) for local
// development:
//
//	go run ./build/serve -dir dist -addr localhost:8080
//
// It prints the URL to open, logs each request, and shuts down gracefully on
// SIGINT or SIGTERM; a second signal stops it at once.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/parallel-lines/widget/build/internal/devserver"
)

func main() {
	dir := flag.String("dir", "dist", "directory to serve")
	addr := flag.String("addr", "localhost:8080", "address to listen on (host:port)")
	flag.Parse()
	log.SetFlags(log.Ltime)
	if err := run(*dir, *addr); err != nil {
		log.Fatal(err)
	}
}

func run(dir, addr string) error {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return fmt.Errorf("%s is not a directory: run `make dist` first, or pass -dir", dir)
	}
	h, err := devserver.New(dir)
	if err != nil {
		return err
	}
	defer h.Close()
	h.CSP = devserver.CSP // as a newsroom's server should send it (see README)

	listeners, url, err := listen(addr)
	if err != nil {
		return err
	}

	srv := &http.Server{
		Handler:           logRequests(h),
		ReadHeaderTimeout: 10 * time.Second,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	errc := make(chan error, len(listeners))
	for _, l := range listeners {
		go func() { errc <- srv.Serve(l) }()
	}
	fmt.Printf("serving %s at %s\n", dir, url)

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Restore the default signal handling, so a second Ctrl-C kills the
	// process if shutdown hangs on a stuck connection.
	stop()
	log.Print("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// listen opens the listeners for addr and returns the URL to print. For the
// host "localhost" it listens on both 127.0.0.1 and ::1 (when the machine has
// IPv6): net.Listen would pick only one of them, and browsers may try the
// other first when they open http://localhost:8080.
func listen(addr string) ([]net.Listener, string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, "", fmt.Errorf("bad -addr %q: %w", addr, err)
	}
	if host != "localhost" {
		l, err := net.Listen("tcp", addr)
		if err != nil {
			return nil, "", err
		}
		urlHost := host
		if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
			urlHost = "localhost"
		}
		p := l.Addr().(*net.TCPAddr).Port
		return []net.Listener{l}, "http://" + net.JoinHostPort(urlHost, strconv.Itoa(p)) + "/", nil
	}
	l4, err := net.Listen("tcp4", net.JoinHostPort("127.0.0.1", port))
	if err != nil {
		return nil, "", err
	}
	// Same port as IPv4, which matters when the port was 0.
	p := strconv.Itoa(l4.Addr().(*net.TCPAddr).Port)
	listeners := []net.Listener{l4}
	if l6, err := net.Listen("tcp6", net.JoinHostPort("::1", p)); err == nil {
		listeners = append(listeners, l6)
	}
	return listeners, "http://localhost:" + p + "/", nil
}

// statusRecorder remembers the status code for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		log.Printf("%s %s %d %s", r.Method, r.URL.RequestURI(), rec.status, time.Since(start).Round(time.Millisecond))
	})
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
