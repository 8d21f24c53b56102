//go:build !unix

package journal

import (
	"context"
	"os"
)

// lockExclusive is a no-op where flock does not exist: only this process's own mutex orders
// its records there.
func lockExclusive(context.Context, *os.File) error { return nil }
