//go:build unix

package alibaba

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"cloudorder/config"
)

// credentials-go's CLI profile provider reads an OAuth profile's config.json again by path: if
// the file is no longer a regular file within the bound (here swapped for a FIFO after the
// plan was read, which would hang the read), the provider is not built.
func TestOAuthProviderRefusesAConfigFileThatIsNoLongerRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "config.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	plan := config.AlibabaPlan{Mode: config.ModeOAuth, ConfigFile: fifo,
		Profile: config.AliyunProfile{Name: "web", Mode: "OAuth"}}
	if _, err := buildProvider(plan, nil); err == nil {
		t.Fatal("an OAuth provider was built on a FIFO config.json")
	}
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, make([]byte, 2<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	plan.ConfigFile = big
	if _, err := buildProvider(plan, nil); err == nil {
		t.Fatal("an OAuth provider was built on a config.json over the bound")
	}
}
