//go:build !unix

package journal

import "os"

// lockExclusive is a no-op where flock does not exist: only this process's own mutex orders
// its records there.
func lockExclusive(*os.File) error { return nil }
