//go:build unix

package config

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A credentials file that is a FIFO is refused at once, never waited on.
func TestCredentialFileFIFORefused(t *testing.T) {
	home := t.TempDir()
	path := filepath.Join(home, ".huaweicloud", "credentials")
	write(t, path, "")
	if err := syscallRemoveAndMkfifo(path); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := HuaweiCredentialPlan(envOf(map[string]string{"HOME": home}), ""); done <- err }()
	select {
	case err := <-done:
		var miss *MissingError
		if err == nil || errors.As(err, &miss) || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("fifo: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a FIFO blocked")
	}
}

func syscallRemoveAndMkfifo(path string) error {
	if err := syscall.Unlink(path); err != nil {
		return err
	}
	return syscall.Mkfifo(path, 0o600)
}
