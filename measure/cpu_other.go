//go:build !unix

package measure

import "time"

var start = time.Now()

// CPU falls back to wall time where getrusage is not available.
func CPU() time.Duration { return time.Since(start) }
