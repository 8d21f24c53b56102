// Package providertest holds what the providers' tests share. Only tests import it.
package providertest

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"cloudorder/config"
)

// RedirectingServer is a loopback server that answers every request with status (a 3xx), a
// Location elsewhere and body (JSON an order id or a look-up could be read from), and counts
// the requests it gets. It closes when the test ends.
func RedirectingServer(t testing.TB, status int, body string) (config.Endpoint, *atomic.Int32) {
	t.Helper()
	hits := new(atomic.Int32)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Location", "http://127.0.0.1:1/elsewhere")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	ep, err := config.ParseEndpoint(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	return ep, hits
}
