//go:build unix

package flows

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used: the cost of a call without the waits a
// shared, loaded machine adds to its wall time.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
