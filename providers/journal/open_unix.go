//go:build unix

package journal

import "syscall"

// Open flags that keep the journal off anything but its own regular file: no symlink is
// followed, and opening a FIFO does not wait for its other end.
const (
	noFollow = syscall.O_NOFOLLOW
	nonBlock = syscall.O_NONBLOCK
)
