//go:build unix

package journal

import (
	"os"
	"syscall"
)

// lockExclusive holds an advisory lock on f (flock) until f is closed: one cloudorder process
// at a time between reading the history and writing an intent.
func lockExclusive(f *os.File) error { return syscall.Flock(int(f.Fd()), syscall.LOCK_EX) }
