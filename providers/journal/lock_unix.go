//go:build unix

package journal

import (
	"context"
	"errors"
	"os"
	"syscall"
	"time"
)

// lockExclusive holds an advisory lock on f (flock) until f is closed: one cloudorder process
// at a time between reading the history and writing an intent.
// ctx ending (ctrl+c) stops the wait.
func lockExclusive(ctx context.Context, f *os.File) error {
	deadline := time.Now().Add(lockWait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EINTR):
			continue
		case !errors.Is(err, syscall.EWOULDBLOCK):
			return err
		case time.Now().After(deadline):
			return ErrLocked
		case ctx.Err() != nil:
			return context.Cause(ctx)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
