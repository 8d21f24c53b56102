package e2e

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cloudorder/placement"
)

// In a real terminal, y pressed twice — 0 to 500 ms apart, as a bounce, a held key or an
// impatient person does — buys nothing twice: not when an identical order succeeded a moment
// ago (the first y raises "place it AGAIN?", which takes the word again), nor after an unknown
// outcome (the sandbox's http500 fault). The wizard reaches a separately started `cloudorder
// sandbox` with --endpoint, and the sandbox's own order book is counted.
func TestDoubleYInATerminalBuysOnce(t *testing.T) {
	needTmux(t)
	bin := cloudorderBinary(t)
	url := runningSandbox(t, bin)
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	for _, d := range []string{home, filepath.Join(dir, "config"), filepath.Join(dir, "state")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	x := tmux{t: t, socket: fmt.Sprintf("cloudorder-e2e-double-%d", os.Getpid())}
	t.Cleanup(func() { endTmux(x.socket) })
	script := fmt.Sprintf(`env -i PATH=%q HOME=%q XDG_CONFIG_HOME=%q XDG_STATE_HOME=%q TERM=xterm-256color LANG=C.UTF-8 %q --endpoint %q --lang en; echo "EXIT=$?"; exec sleep 600`,
		os.Getenv("PATH"), home, filepath.Join(dir, "config"), filepath.Join(dir, "state"), bin, url)
	started := false
	launch := func() {
		if started {
			x.run("respawn-pane", "-k", "-t", "wiz", "sh", "-c", "clear; "+script)
			x.run("clear-history", "-t", "wiz")
		} else {
			x.run("new-session", "-d", "-x", "120", "-y", "40", "-s", "wiz", "sh", "-c", script)
			x.run("set-option", "-t", "wiz", "history-limit", "5000")
			started = true
		}
		x.waitFor("enter next", false, 30*time.Second)
		for i := 0; i < 60 && !strings.Contains(x.screen(false), "Request body (exactly what is sent)"); i++ {
			settled(x)
			x.run("send-keys", "-t", "wiz", "Enter")
		}
		settled(x)
		if !strings.Contains(x.screen(false), "Request body (exactly what is sent)") {
			t.Fatalf("did not reach the review:\n%s", x.screen(false))
		}
		time.Sleep(placement.Debounce + 250*time.Millisecond) // the review is read
	}
	quit := func() {
		x.run("send-keys", "-t", "wiz", "C-c")
		x.waitFor("EXIT=", true, 30*time.Second)
	}
	doubleY := func(gap time.Duration) {
		x.run("send-keys", "-t", "wiz", "y")
		time.Sleep(gap)
		x.run("send-keys", "-t", "wiz", "y")
		time.Sleep(placement.Debounce + time.Second) // whatever the keys did has arrived
	}

	// One order placed; every double y after it finds it and asks, and no y answers.
	launch()
	x.run("send-keys", "-t", "wiz", "y")
	x.waitFor("Order placed", false, 30*time.Second)
	quit()
	for _, gap := range []time.Duration{0, 20, 50, 100, 300, 500} {
		gap *= time.Millisecond
		launch()
		doubleY(gap)
		if s := x.screen(false); !strings.Contains(strings.Join(strings.Fields(s), " "), "Place it AGAIN?") {
			t.Errorf("y, y %v later: the duplicate question is not on screen:\n%s", gap, s)
		}
		if n := sandboxOrders(t, url); n != 1 {
			t.Fatalf("y, y %v later, after a success: the sandbox holds %d orders, want 1", gap, n)
		}
		quit()
	}

	// After an unknown outcome: y y at once does not send again.
	for _, gap := range []time.Duration{0, 20, 50, 100, 300, 500} {
		gap *= time.Millisecond
		postJSON(t, url+"/_sandbox/faults", `{"kind":"http500","count":1}`)
		before := sandboxOrders(t, url)
		launch()
		x.run("send-keys", "-t", "wiz", "y") // the duplicate question, answered after reading it
		x.waitFor("AGAIN", false, 30*time.Second)
		time.Sleep(placement.Debounce + 250*time.Millisecond)
		x.run("send-keys", "-t", "wiz", "a", "g", "a", "i", "n")
		x.waitFor("MAY HAVE BEEN PLACED", false, 30*time.Second)
		after := sandboxOrders(t, url)
		doubleY(gap)
		if n := sandboxOrders(t, url); n != after {
			t.Fatalf("y, y %v later, after an unknown outcome: the sandbox went from %d to %d orders", gap, after, n)
		}
		if after > before+1 {
			t.Fatalf("one y and the word again sent %d orders", after-before)
		}
		quit()
	}
}

// runningSandbox starts `cloudorder sandbox` on a free loopback port and returns its URL.
func runningSandbox(t *testing.T, bin string) string {
	t.Helper()
	url, _ := runningSandboxEnv(t, bin)
	return url
}

// runningSandboxEnv is runningSandbox, with the NAME=value lines the sandbox prints to export
// (its keys) before its URL.
func runningSandboxEnv(t *testing.T, bin string) (url string, env []string) {
	t.Helper()
	sb := exec.Command(bin, "sandbox", "--addr", "127.0.0.1:0")
	out, err := sb.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sb.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Process.Kill(); _ = sb.Wait() })
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if kv, ok := strings.CutPrefix(l, "export "); ok {
			env = append(env, kv)
		}
		if u, ok := strings.CutPrefix(l, "cloudorder --endpoint "); ok {
			go func() { _, _ = io.Copy(io.Discard, out) }()
			return u, env
		}
	}
	t.Fatal("the sandbox printed no endpoint")
	return "", nil
}

// sandboxOrders is how many orders the sandbox has accepted.
func sandboxOrders(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url + "/_sandbox/orders")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var orders []json.RawMessage
	if err := json.NewDecoder(resp.Body).Decode(&orders); err != nil {
		t.Fatal(err)
	}
	return len(orders)
}

func postJSON(t *testing.T, url, body string) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		t.Fatalf("POST %s %s: %s", url, body, resp.Status)
	}
}
