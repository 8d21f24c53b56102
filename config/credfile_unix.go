//go:build unix

package config

import "syscall"

// nonBlockingOpen keeps opening a FIFO from waiting for its other end (readCredentialFile).
const nonBlockingOpen = syscall.O_NONBLOCK
