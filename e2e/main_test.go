package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
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

var (
	buildOnce sync.Once
	buildBin  string
	buildErr  error
)

// needTmux skips a test that drives a real terminal where tmux is not installed.
func needTmux(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end terminal test (install tmux to run it)")
	}
}

// cloudorderBinary builds the binary once per test process, as README "Install" builds it:
// CGO_ENABLED=0, a static binary.
func cloudorderBinary(tb testing.TB) string {
	tb.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "cloudorder-e2e-")
		if err != nil {
			buildErr = err
			return
		}
		buildBin = filepath.Join(dir, "cloudorder")
		cmd := exec.Command("go", "build", "-o", buildBin, ".")
		cmd.Dir = ".."
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		tb.Fatal(buildErr)
	}
	return buildBin
}

// endTmux ends the private tmux server on socket (tmux -L) and removes its socket file, which
// tmux 3.3a leaves behind after kill-server (one file per test run otherwise, in /tmp/tmux-UID).
func endTmux(socket string) {
	_ = exec.Command("tmux", "-L", socket, "kill-server").Run()
	dir := os.Getenv("TMUX_TMPDIR")
	if dir == "" {
		dir = "/tmp"
	}
	_ = os.Remove(filepath.Join(dir, fmt.Sprintf("tmux-%d", os.Getuid()), socket))
}

// goHelloBinary builds a Go program that prints word and does nothing else, static like
// cloudorder (CGO_ENABLED=0), in its own module under a temporary directory: the start-up
// cost of the Go runtime alone, for the first-frame benchmark to set beside cloudorder's.
func goHelloBinary(tb testing.TB, word string) string {
	tb.Helper()
	dir := tb.TempDir()
	src := "package main\n\nimport \"os\"\n\nfunc main() { os.Stdout.WriteString(\"" + word + "\\n\") }\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module gohello\n\ngo 1.21\n"), 0o644); err != nil {
		tb.Fatal(err)
	}
	bin := filepath.Join(dir, "gohello")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("build the Go hello-world: %v\n%s", err, out)
	}
	return bin
}
