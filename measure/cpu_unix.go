//go:build unix

package measure

import (
	"syscall"
	"time"
)

// CPU is the CPU time this process has used so far (user and system): the cost of a call
// without the waits a shared, loaded machine adds to its wall time.
func CPU() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
