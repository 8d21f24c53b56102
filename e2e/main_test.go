package e2e

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMain removes the binary cloudorderBinary built, once every test and benchmark is done.
func TestMain(m *testing.M) {
	code := m.Run()
	if buildBin != "" {
		_ = os.RemoveAll(filepath.Dir(buildBin))
	}
	os.Exit(code)
}
