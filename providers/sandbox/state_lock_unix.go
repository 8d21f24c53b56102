//go:build unix

package sandbox

import (
	"errors"
	"os"
	"syscall"
)

// lockFile waits for an exclusive lock on f (released when f is closed). The lock is held
// for one read-merge-write of a small file.
func lockFile(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

// openNoWait opens without waiting on a FIFO and without following a symlink.
const openNoWait = syscall.O_NONBLOCK | syscall.O_NOFOLLOW
