//go:build !unix

package sandbox

import "os"

// lockFile does nothing where flock is missing: one sandbox process at a time there.
func lockFile(*os.File) error { return nil }

// openNoWait: no such flags here.
const openNoWait = 0
