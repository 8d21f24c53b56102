// Package measure tells what a piece of code costs, for the tests and benchmarks that hold it
// to a budget on a shared, loaded machine: CPU time rather than wall time (which counts the
// waits for a core), and the bytes allocated. Only tests import it.
package measure

import (
	"runtime"
	"time"
)

// Cost runs f and returns the CPU time it took (CPU) and the bytes it allocated: a bound on
// the heap it held at any moment. It collects garbage first, so f pays for none of its
// caller's.
func Cost(f func()) (cpu time.Duration, alloc uint64) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := CPU()
	f()
	cpu = CPU() - start
	runtime.ReadMemStats(&after)
	return cpu, after.TotalAlloc - before.TotalAlloc
}
