package sandbox

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// ErrNotLoopback is returned by Start for an address other machines could reach: the sandbox
// has no real authentication and publishes its keys, so it must stay on this machine.
var ErrNotLoopback = errors.New("the sandbox listens only on loopback addresses (127.0.0.1, ::1, localhost)")

// readHeaderTimeout bounds how long a client may take to send its request headers.
var readHeaderTimeout = 10 * time.Second

// Handler returns the sandbox as an http.Handler (for httptest or an own http.Server).
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serve) }

// Start listens on addr ("127.0.0.1:0" picks a free port) and serves in the background.
func (s *Server) Start(addr string) error {
	host, err := loopbackHost(addr)
	if err != nil {
		return err
	}
	if err := s.syncState(nil); err != nil { // the book other processes kept (state.go)
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || s.httpSrv != nil {
		return errors.New("sandbox: already started or closed")
	}
	_, port, _ := net.SplitHostPort(addr)
	// Plain TCP: multipath TCP, Go's default for listeners since 1.24, buys nothing on loopback
	// and took 0.06–0.15 ms more of the wizard's start-up to set up.
	var lc net.ListenConfig
	lc.SetMultipathTCP(false)
	ln, err := lc.Listen(context.Background(), "tcp", net.JoinHostPort(host, port))
	if err != nil {
		return fmt.Errorf("sandbox: %w", err)
	}
	// Read timeouts so a client that opens a connection and never finishes its request cannot
	// hold a handler; no write timeout, so latency and hang faults last as long as asked.
	s.httpSrv = &http.Server{Handler: s.Handler(), ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: time.Minute,
		IdleTimeout: time.Minute, MaxHeaderBytes: 64 << 10}
	s.url = "http://" + ln.Addr().String()
	go s.httpSrv.Serve(ln) //nolint:errcheck // returns ErrServerClosed after Close
	return nil
}

// loopbackHost checks that addr is host:port with a loopback host and returns the host to bind.
func loopbackHost(addr string) (string, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("sandbox: address %q: %w", addr, err)
	}
	if strings.EqualFold(host, "localhost") {
		return "127.0.0.1", nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return host, nil
	}
	return "", fmt.Errorf("sandbox: refusing %q: %w", addr, ErrNotLoopback)
}

// URL is the base URL of a started server, e.g. "http://127.0.0.1:8790".
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.url
}

// Close stops the listener, ends hanging and delayed answers (their connections are dropped,
// never answered) and waits for every handler to return.
func (s *Server) Close() error {
	var err error
	s.once.Do(func() {
		s.mu.Lock()
		s.closed = true
		srv := s.httpSrv
		s.mu.Unlock()
		close(s.done)
		if srv != nil {
			err = srv.Close()
		}
		s.inflight.Wait()
	})
	return err
}

// serve routes one request. The APIs' paths do not collide, so one port serves all.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	// Add under the lock that Close takes before Wait, so every Add happens before Wait.
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "the sandbox is closed"})
		return
	}
	s.inflight.Add(1)
	s.mu.Unlock()
	defer s.inflight.Done()

	if strings.HasPrefix(r.URL.Path, "/_sandbox/") {
		s.controls(w, r) // controls.go
		return
	}
	if rt, params, ok := findRoute(r); ok { // routes.go: every emulation's declared routes
		rt.serve(s, w, r, params)
		return
	}
	notFound(w, r)
}
