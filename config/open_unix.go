//go:build unix

package config

import "syscall"

// nonBlock keeps opening a FIFO from waiting for its other end (ReadPersonFile).
const nonBlock = syscall.O_NONBLOCK
