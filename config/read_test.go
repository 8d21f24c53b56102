//go:build unix

package config

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// readWithin fails the test when ReadPersonFile takes longer than a second: every refusal is
// immediate, nothing waits on a FIFO's writer or reads a device.
func readWithin(t *testing.T, path string, kind FileKind) ([]byte, error) {
	t.Helper()
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		d, err := ReadPersonFile(path, kind)
		done <- result{d, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-time.After(time.Second):
		t.Fatalf("reading %s blocked", path)
		return nil, nil
	}
}

func TestReadPersonFileRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs:", err)
	}
	sock := filepath.Join(dir, "sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skip("no unix sockets:", err)
	}
	defer l.Close()
	link := func(name, to string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(to, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := map[string]struct{ path, what string }{
		"fifo":              {fifo, "a FIFO (named pipe), not a regular file"},
		"symlink to a fifo": {link("to-fifo", fifo), "a FIFO (named pipe)"},
		"socket":            {sock, "a socket"},
		"/dev/zero":         {"/dev/zero", "a character device"},
		"symlink /dev/zero": {link("to-zero", "/dev/zero"), "a character device"},
		"symlink /dev/null": {link("to-null", "/dev/null"), "a character device"},
		"directory":         {dir, "a directory"},
	}
	for name, tc := range cases {
		for _, kind := range []FileKind{SettingsFile, CredentialsFile, OrderFile} {
			t.Run(name+" "+kind.Name.EN, func(t *testing.T) {
				if _, err := os.Stat(tc.path); err != nil {
					t.Skip(err)
				}
				_, err := readWithin(t, tc.path, kind)
				var r *FileRefusal
				if !errors.As(err, &r) {
					t.Fatalf("not refused: %v", err)
				}
				en, zh := r.Text().EN, r.Text().ZH
				if !strings.Contains(en, tc.what) || !strings.Contains(en, kind.Name.EN+" "+tc.path+" refused") ||
					!strings.Contains(zh, "不是普通文件") || !strings.Contains(zh, kind.Name.ZH) {
					t.Errorf("refusal:\n%s\n%s", en, zh)
				}
			})
		}
	}
}

func TestReadPersonFileBound(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	if err := os.WriteFile(small, []byte("lang = \"en\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	data, err := readWithin(t, small, SettingsFile)
	if err != nil || string(data) != "lang = \"en\"\n" {
		t.Fatalf("%q %v", data, err)
	}
	// A symlink to a regular file is that file.
	ln := filepath.Join(dir, "ln")
	if err := os.Symlink(small, ln); err != nil {
		t.Fatal(err)
	}
	if data, err := readWithin(t, ln, CredentialsFile); err != nil || len(data) != 12 {
		t.Fatalf("symlink to a regular file: %q %v", data, err)
	}
	exact := filepath.Join(dir, "exact")
	if err := os.WriteFile(exact, make([]byte, 1<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	if data, err := readWithin(t, exact, SettingsFile); err != nil || len(data) != 1<<20 {
		t.Fatalf("exactly 1 MiB: %d %v", len(data), err)
	}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, make([]byte, 1<<20+1), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []FileKind{SettingsFile, CredentialsFile, OrderFile} {
		_, err := readWithin(t, big, kind)
		if !IsFileRefusal(err) || !strings.Contains(err.Error(), "larger than 1 MiB") {
			t.Errorf("%s over 1 MiB: %v", kind.Name.EN, err)
		}
	}
	if _, err := readWithin(t, filepath.Join(dir, "missing"), SettingsFile); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
	// A stream over the bound gets the same words.
	_, err = ReadPersonStream("standard input", strings.NewReader(strings.Repeat(" ", 1<<20+1)), OrderFile)
	if !IsFileRefusal(err) || !strings.Contains(err.Error(), "order file standard input refused: it is larger than 1 MiB") {
		t.Errorf("stream: %v", err)
	}
}
