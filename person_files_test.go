//go:build unix

package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"cloudorder/flows"
)

// runMainWithin runs the real binary and fails when it has not exited within limit: a
// person's file that is a FIFO or a device must never make a command wait.
func runMainWithin(t *testing.T, limit time.Duration, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	cmd, out, errOut := command(t, env, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return out.String(), errOut.String(), exitCode(t, err)
	case <-time.After(limit):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("%v did not finish within %s:\n%s%s", args, limit, out, errOut)
		return "", "", 0
	}
}

// mkfifo makes a FIFO at path (its directory created), or skips the test.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no FIFOs:", err)
	}
}

// config.toml as a FIFO, or a symlink to /dev/zero, is refused at once: even --version
// finishes, and a live submit is not sent.
func TestSettingsFileNotRegularRefusedAtOnce(t *testing.T) {
	for _, kind := range []string{"fifo", "/dev/zero"} {
		t.Run(kind, func(t *testing.T) {
			env := submitEnv(t)
			path := filepath.Join(env["XDG_CONFIG_HOME"], "cloudorder", "config.toml")
			if kind == "fifo" {
				mkfifo(t, path)
			} else {
				symlink(t, "/dev/zero", path)
			}
			if out, _, code := runMainWithin(t, 10*time.Second, env, "--version"); code != exitOK || out == "" {
				t.Fatalf("--version: exit %d %q", code, out)
			}
			_, errOut, code := runMainWithin(t, 10*time.Second, env, "validate", "testdata/orders/huawei-dsc.json")
			if code != exitOK {
				t.Fatalf("validate: exit %d: %s", code, errOut)
			}
		})
	}
}

// An order file that is a FIFO or a symlink to a device is refused at once, in both
// languages, with a pointer to "-" for standard input.
func TestOrderFileNotRegularRefusedAtOnce(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "order.json")
	mkfifo(t, fifo)
	zero := filepath.Join(dir, "zero.json")
	symlink(t, "/dev/zero", zero)
	for _, file := range []string{fifo, zero, "/dev/stdin"} {
		env := submitEnv(t)
		_, errOut, code := runMainWithin(t, 10*time.Second, env, "validate", file)
		if code != exitUsage || !strings.Contains(errOut, "order file "+file+" refused: it is a") ||
			!strings.Contains(errOut, "not a regular file") || !strings.Contains(errOut, "give - to read an order from standard input") {
			t.Errorf("validate %s: exit %d: %s", file, code, errOut)
		}
		env["LANG"] = "zh_CN.UTF-8"
		_, errOut, code = runMainWithin(t, 10*time.Second, env, "submit", file, "--sandbox", "--yes")
		if code != exitUsage || !strings.Contains(errOut, "订单文件 "+file+" 被拒绝") || !strings.Contains(errOut, "不是普通文件") {
			t.Errorf("submit %s (zh): exit %d: %s", file, code, errOut)
		}
	}
}

// Credentials files that are FIFOs or /dev/zero are refused at once: the order is not sent,
// the command ends, and the refusal names the file.
func TestCredentialsFileNotRegularRefusedAtOnce(t *testing.T) {
	for _, tc := range []struct {
		name, order string
		place       func(t *testing.T, env map[string]string) string
	}{
		{"aliyun fifo", "testdata/orders/alibaba-dataworks.json", func(t *testing.T, env map[string]string) string {
			p := filepath.Join(env["HOME"], ".aliyun", "config.json")
			mkfifo(t, p)
			return p
		}},
		{"huawei fifo", "testdata/orders/huawei-dsc.json", func(t *testing.T, env map[string]string) string {
			p := filepath.Join(env["HOME"], ".huaweicloud", "credentials")
			mkfifo(t, p)
			return p
		}},
		{"huawei env /dev/zero", "testdata/orders/huawei-dsc.json", func(t *testing.T, env map[string]string) string {
			p := filepath.Join(t.TempDir(), "creds")
			symlink(t, "/dev/zero", p)
			env["HUAWEICLOUD_SDK_CREDENTIALS_FILE"] = p
			return p
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// A loopback endpoint that is not the sandbox: the person's own credentials sign.
			var hits atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != "/_sandbox/health" { // the identity probe carries nothing
					hits.Add(1)
				}
				http.Error(w, "not here", http.StatusNotFound)
			}))
			defer srv.Close()
			env := submitEnv(t)
			path := tc.place(t, env)
			_, errOut, code := runMainWithin(t, 20*time.Second, env, "submit", tc.order, "--endpoint", srv.URL, "--yes")
			if code == exitOK || !strings.Contains(errOut, "credentials file "+path+" refused") {
				t.Errorf("exit %d: %s", code, errOut)
			}
			if n := hits.Load(); n != 0 {
				t.Errorf("%d requests: the order was sent", n)
			}
		})
	}
}

// A 1 MiB order file of any shape is checked by the real binary within a second of CPU time
// and 64 MiB of memory (peak resident set, runtime included): nested half a million deep,
// thousands of products each with problems, one long string.
func TestValidateHostileOrderCost(t *testing.T) {
	const size = 1<<20 - 4096
	pai := func(body string) string {
		return `{"api":"alibaba/pai/CreateProductOrders","region":"cn-hangzhou","body":` + body + `}`
	}
	item := `{"product_id":"x","resource_size":1e999,"unknown":"\u0001` + strings.Repeat("u", 760) + `"}` // 4 values
	cases := map[string]string{
		"deep":      pai(strings.Repeat("[", size/2) + strings.Repeat("]", size/2)),
		"wide":      `{"api":"huawei/dsc/CreateProductOrder","region":"cn-north-4","project_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9","body":{"charging_mode":0,"product_infos":[` + strings.TrimSuffix(strings.Repeat(item+",", flows.MaxValues/4-10), ",") + `]}}`,
		"long text": pai(`{"Products":[{"ProductCode":"` + strings.Repeat("x", size-200) + `"}]}`),
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "order.json")
			if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
			cmd, _, errOut := command(t, submitEnv(t), "validate", file)
			err := cmd.Run()
			if code := exitCode(t, err); code != exitInvalid && code != exitUsage || name == "wide" && code != exitInvalid {
				t.Fatalf("exit %d: %.300s", code, errOut)
			}
			u := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			cpu := time.Duration(u.Utime.Nano() + u.Stime.Nano())
			rss := u.Maxrss << 10 // KiB on Linux
			t.Logf("%s: %d bytes, CPU %v, peak RSS %.1f MiB", name, len(text), cpu.Round(time.Millisecond), float64(rss)/(1<<20))
			if cpu > time.Second || rss > 64<<20 {
				t.Errorf("%s: CPU %v, peak RSS %.1f MiB", name, cpu, float64(rss)/(1<<20))
			}
		})
	}
}
