//go:build unix

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"cloudorder/providers/journal"
)

// writeBigHistory writes n past orders (intent and ok outcome each, with a DSC body) spread
// over the two years before now into env's history, none identical to the test orders.
func writeBigHistory(t *testing.T, env map[string]string, n int) {
	t.Helper()
	path := historyFile(env)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	body, err := os.ReadFile("testdata/orders/huawei-dsc.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Body json.RawMessage `json:"body"`
	}
	if err := json.Unmarshal(body, &file); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	span := 2 * 365 * 24 * time.Hour
	// One record encoded, then written with each order's own id, time and digest: encoding
	// 2·10^5 records would make the test mostly its setup.
	intent, _ := json.Marshal(journal.Record{Kind: journal.KindIntent, ID: "%[1]s", API: "huawei/dsc/CreateProductOrder", Region: "cn-north-4",
		ProjectID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", Endpoint: "https://dsc.cn-north-4.myhuaweicloud.com", Mode: "live",
		Body: file.Body, BodySHA256: journal.BodyHash(file.Body), Digest: "%[2]s"})
	outcome, _ := json.Marshal(journal.Record{Kind: journal.KindOutcome, ID: "%[1]s", Outcome: journal.OutcomeOK, OrderID: "%[3]s", RequestID: "r"})
	at := func(rec []byte) string {
		return strings.Replace(string(rec), `"at":"0001-01-01T00:00:00Z"`, `"at":"%[4]s"`, 1) + "\n"
	}
	intentFormat, outcomeFormat := at(intent), at(outcome)
	if !strings.Contains(intentFormat, "%[4]s") {
		t.Fatalf("record shape changed: %s", intentFormat)
	}
	for i := range n {
		when := now.Add(-span + time.Duration(float64(span)*float64(i)/float64(n)) - time.Hour)
		id := when.Format("20060102T150405.000Z") + fmt.Sprintf("-%012x", i)
		fmt.Fprintf(w, intentFormat, id, fmt.Sprintf("%064x", i), fmt.Sprintf("CS%015d", i), when.Format(time.RFC3339Nano))
		fmt.Fprintf(w, outcomeFormat, id, "", fmt.Sprintf("CS%015d", i), when.Add(time.Second).Format(time.RFC3339Nano))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// runMeasured runs the real binary with its output in a file, and returns the file, the exit
// code, CPU time and peak resident set. Linux counts in a child's peak the high-water mark of
// the address space it was started from (this test process's), so the test keeps its own
// memory small: outputs are read back as streams, never whole. The figure is an upper bound.
func runMeasured(t *testing.T, env map[string]string, args ...string) (string, int, time.Duration, int64) {
	t.Helper()
	cmd, _, errOut := command(t, env, args...)
	out, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	cmd.Stdout = out
	runtime.GC()
	debug.FreeOSMemory()
	code := exitCode(t, cmd.Run())
	u := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if code != exitOK {
		t.Logf("%v: exit %d: %.500s", args, code, errOut)
	}
	return out.Name(), code, time.Duration(u.Utime.Nano() + u.Stime.Nano()), u.Maxrss << 10 // KiB on Linux
}

// outputOf reads a command's output file line by line: the number of lines, the first few.
func outputOf(t *testing.T, path string) (int, string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var n int
	var head strings.Builder
	for sc.Scan() {
		if n++; n <= 25 {
			head.WriteString(sc.Text() + "\n")
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return n, head.String()
}

// jsonItems counts the items of the JSON array in path, decoding one at a time.
func jsonItems(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := json.NewDecoder(bufio.NewReader(f))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		t.Fatalf("not a JSON array: %v %v", tok, err)
	}
	var n int
	for dec.More() {
		var item struct {
			ID string `json:"id"`
		}
		if err := dec.Decode(&item); err != nil || item.ID == "" {
			t.Fatalf("item %d: %v", n, err)
		}
		n++
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim(']') {
		t.Fatalf("array not closed: %v %v", tok, err)
	}
	return n
}

// With 10^5 past orders (two years of a busy team's scripts), the real binary's submit —
// duplicate check, intent, send, outcome — takes at most a second of CPU and 64 MiB peak
// resident set, and history (text or JSON, all of it or --since/--limit) at most 64 MiB.
func TestBinaryWith100kOrders(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 100 MB history")
	}
	env := submitEnv(t)
	if d := os.Getenv("KEEP_BIG_HISTORY"); d != "" {
		env["XDG_STATE_HOME"] = d
	}
	writeBigHistory(t, env, 100_000)
	_, code, cpu, rss := runMeasured(t, env, "submit", "testdata/orders/huawei-dsc.json", "--sandbox", "--yes")
	t.Logf("submit: CPU %v, peak RSS %.1f MiB", cpu.Round(time.Millisecond), float64(rss)/(1<<20))
	if code != exitOK || cpu > time.Second || rss > 64<<20 {
		t.Errorf("submit: exit %d, CPU %v, peak RSS %.1f MiB", code, cpu, float64(rss)/(1<<20))
	}
	for _, args := range [][]string{{"history"}, {"history", "--output", "json"}, {"history", "--since", "7d", "--limit", "20"}} {
		file, code, cpu, rss := runMeasured(t, env, args...)
		t.Logf("%s: CPU %v, peak RSS %.1f MiB", strings.Join(args, " "), cpu.Round(time.Millisecond), float64(rss)/(1<<20))
		if code != exitOK || rss > 64<<20 {
			t.Errorf("%v: exit %d, peak RSS %.1f MiB", args, code, float64(rss)/(1<<20))
		}
		switch {
		case args[len(args)-1] == "json":
			if n := jsonItems(t, file); n != 100_001 {
				t.Errorf("json: %d items", n)
			}
		case len(args) == 1:
			if n, _ := outputOf(t, file); n != 100_002 {
				t.Errorf("history: %d lines", n)
			}
		default: // the header, 19 past orders, the one just placed
			if n, head := outputOf(t, file); n != 21 || !strings.Contains(head, "sandbox") {
				t.Errorf("--limit 20: %d lines:\n%s", n, head)
			}
		}
	}
}

// --since and --limit say their rule when given something else, in both languages, and list
// only what they select.
func TestHistorySinceAndLimit(t *testing.T) {
	env := submitEnv(t)
	for i := 0; i < 3; i++ {
		if _, errOut, code := runMain(t, env, "submit", "testdata/orders/huawei-dsc.json", "--sandbox", "--yes", "--allow-duplicate"); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	}
	count := func(args ...string) int {
		out, errOut, code := runMain(t, env, append([]string{"history", "--output", "json"}, args...)...)
		var items []map[string]any
		if err := json.Unmarshal([]byte(out), &items); err != nil || code != exitOK {
			t.Fatalf("%v: exit %d, %v: %s%s", args, code, err, out, errOut)
		}
		return len(items)
	}
	if n := count(); n != 3 {
		t.Errorf("all: %d", n)
	}
	if n := count("--limit", "2"); n != 2 {
		t.Errorf("--limit 2: %d", n)
	}
	if n := count("--since", "1h"); n != 3 {
		t.Errorf("--since 1h: %d", n)
	}
	if n := count("--since", time.Now().Add(time.Hour).UTC().Format(time.RFC3339)); n != 0 {
		t.Errorf("--since an hour ahead: %d", n)
	}
	out, _, code := runMain(t, env, "history", "--since", "2999-01-01")
	if code != exitOK || !strings.Contains(out, "no orders since 2999-01-01") {
		t.Errorf("exit %d: %s", code, out)
	}
	for _, tc := range []struct{ flag, value, en, zh string }{
		{"--since", "yesterday", `--since must be a date (2026-12-01), a time (2026-12-01T08:00:00Z) or an age (36h, 7d), not "yesterday"`, "--since 必须是日期"},
		{"--limit", "-1", "--limit must be 0 (all) or more, not -1", "--limit 必须是 0(全部)或更大"},
	} {
		_, en, code := runMain(t, env, "history", tc.flag, tc.value)
		_, zh, _ := runMain(t, env, "--lang", "zh", "history", tc.flag, tc.value)
		if code != exitUsage || !strings.Contains(en, tc.en) || !strings.Contains(zh, tc.zh) {
			t.Errorf("%s %s: exit %d:\n%s\n%s", tc.flag, tc.value, code, en, zh)
		}
	}
}
