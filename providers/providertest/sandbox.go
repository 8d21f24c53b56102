package providertest

import (
	"testing"

	"cloudorder/config"
	"cloudorder/providers/sandbox"
)

// Sandbox starts a sandbox with its defaults on a loopback port and returns it with its
// endpoint. It closes when the test ends.
func Sandbox(t testing.TB) (*sandbox.Server, config.Endpoint) {
	t.Helper()
	s := sandbox.New(sandbox.Options{})
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	ep, err := config.ParseEndpoint(s.URL())
	if err != nil {
		t.Fatal(err)
	}
	return s, ep
}
