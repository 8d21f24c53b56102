// Package cloud opens the provider the command line and the wizard use: the real clouds or the
// in-process sandbox, always wrapped by the history journal.
package cloud

import (
	"errors"
	"io"
	"time"

	"cloudorder/providers"
)

// Options choose where orders go.
type Options struct {
	Mode        providers.Mode      // Live or Sandbox
	Endpoint    string              // --endpoint: replaces the API endpoint (scheme://host:port)
	Timeout     time.Duration       // --timeout: bound on the wait for the API's answer (0 = 30s)
	Getenv      func(string) string // environment (credentials, XDG paths)
	HistoryPath string              // "" = $XDG_STATE_HOME/cloudorder/orders.jsonl
}

// Open returns the provider for opts and a closer that stops anything it started (the
// in-process sandbox). TODO(issue 3): implement.
func Open(opts Options) (providers.Provider, io.Closer, error) {
	_ = opts
	return nil, nil, errors.New("providers are not built yet")
}
