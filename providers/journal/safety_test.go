package journal

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/providers"
)

// A write cut short leaves a line without its newline; the next record starts a new line, so
// both following orders are read, and the torn line is reported, not fatal.
func TestTornLineNeverSwallowsTheNext(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	j := New(fake{submit: ok}, path, testAPIs)
	if _, err := j.Submit(context.Background(), order); err != nil {
		t.Fatal(err)
	}
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	_, _ = f.WriteString(`{"kind":"intent","id":"torn","api":"huawei/dsc/Cre`)
	_ = f.Close()
	other := order
	other.Body = []byte(`{"charging_mode":1}`)
	for _, o := range []flows.Order{other, order} {
		if _, err := j.Submit(context.Background(), o); err != nil {
			t.Fatal(err)
		}
	}
	h, err := Load(path)
	if err != nil || len(h.Entries) != 3 || len(h.Torn) != 1 || h.Torn[0] != 3 {
		t.Fatalf("history = %+v, %v; want 3 orders and line 3 reported torn", h, err)
	}
	for _, e := range h.Entries {
		if e.Outcome != OutcomeOK {
			t.Errorf("entry %+v lost its outcome", e)
		}
	}
}

// A file written by an older version glued the next record onto the torn line: it is
// recovered, and the line still reported.
func TestGluedRecordIsRecovered(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	glued := `{"kind":"outcome","id":"x","outcome":"o` + `{"kind":"intent","id":"y","at":"2026-11-23T12:00:00Z","api":"huawei/dsc/CreateProductOrder","body":{"a":{"kind":"z"}}}` + "\n"
	if err := os.WriteFile(path, []byte(glued), 0o600); err != nil {
		t.Fatal(err)
	}
	h, err := Load(path)
	if err != nil || len(h.Entries) != 1 || h.Entries[0].Intent.ID != "y" || len(h.Torn) != 1 {
		t.Fatalf("history = %+v, %v", h, err)
	}
}

// An order body of the maximum order-file size makes a line far longer than bufio's default
// token; the history stays readable.
func TestLongLinesAreRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	big := order
	big.Body = []byte(`{"pad":"` + strings.Repeat("x", 20<<20) + `"}`)
	j := New(fake{submit: ok}, path, testAPIs)
	for _, o := range []flows.Order{big, order} {
		if _, err := j.Submit(context.Background(), o); err != nil {
			t.Fatal(err)
		}
	}
	h, err := Load(path)
	if err != nil || len(h.Entries) != 2 || len(h.Torn) != 0 {
		t.Fatalf("entries %d torn %v err %v", len(h.Entries), h.Torn, err)
	}
	if _, found := j.RecentDuplicate(order, time.Hour); !found {
		t.Error("the duplicate check must still see the history")
	}
}

// A history path that is a symlink, a FIFO or a directory is refused with nothing sent, and
// nothing it leads to is changed; reading it does not hang.
func TestHistoryMustBeARegularFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("keep\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.jsonl")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "dangling.jsonl")
	if err := os.Symlink(filepath.Join(dir, "nowhere"), dangling); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.jsonl")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, path := range []string{link, dangling, fifo, dir} {
		sent := false
		j := New(fake{submit: func(context.Context) (providers.Result, error) { sent = true; return ok(context.TODO()) }}, path, testAPIs)
		done := make(chan struct{})
		go func() {
			defer close(done)
			_, err := j.Submit(context.Background(), order)
			if sent || providers.KindOf(err) != providers.Invalid || !strings.Contains(err.Error(), "regular file") {
				t.Errorf("%s: sent=%v err=%v", path, sent, err)
			}
			if _, err := Load(path); !errors.Is(err, ErrNotRegular) {
				t.Errorf("%s: Load err %v", path, err)
			}
			if r, found := j.RecentDuplicate(order, time.Hour); !found || r.Err == nil {
				t.Errorf("%s: an unreadable history must not rule out a duplicate: %+v %v", path, r, found)
			}
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: hangs", path)
		}
	}
	if data, _ := os.ReadFile(target); string(data) != "keep\n" {
		t.Errorf("the symlink's target changed: %q", data)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o644 {
		t.Errorf("the symlink's target was chmodded: %v", fi.Mode().Perm())
	}
	if _, err := os.Lstat(filepath.Join(dir, "nowhere")); err == nil {
		t.Error("a dangling symlink's target was created")
	}
}

// The duplicate guard compares meaning: the same order with its keys reordered and re-spaced
// is a duplicate; an unknown outcome (and a pending intent) counts like a success.
func TestDuplicateOnMeaningCountsUnknown(t *testing.T) {
	reordered := flows.Order{API: flows.HuaweiDSC, Region: "cn-north-4", ProjectID: order.ProjectID,
		Body: []byte(`{"b": [1, {"y": 2, "x": 1}], "a": "v"}`)}
	original := reordered
	original.Body = []byte(`{"a":"v","b":[1,{"x":1,"y":2}]}`)
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"ok", nil, OutcomeOK},
		{"unknown", &providers.Error{Kind: providers.Unknown, Message: "HTTP 500"}, OutcomeUnknown},
	} {
		path := filepath.Join(t.TempDir(), "orders.jsonl")
		j := New(answering(tc.err), path, testAPIs)
		_, _ = j.Submit(context.Background(), original)
		r, found := j.RecentDuplicate(reordered, time.Hour)
		if !found || r.Outcome != tc.want || r.ID == "" || r.At.IsZero() {
			t.Errorf("%s: %+v %v; want the earlier attempt", tc.name, r, found)
		}
	}

	// Pending: the process died mid-flight.
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	j := New(fake{submit: ok}, path, testAPIs)
	intent := Record{Kind: KindIntent, ID: "p", At: time.Now().UTC(), API: original.API, Region: original.Region,
		ProjectID: original.ProjectID, Endpoint: "http://127.0.0.1:1", Mode: providers.Sandbox, Body: original.Body}
	if err := appendRecord(path, intent); err != nil { // no order_key: an older version's record
		t.Fatal(err)
	}
	if r, found := j.RecentDuplicate(reordered, time.Hour); !found || r.Outcome != OutcomeUnknown || r.ID != "p" {
		t.Errorf("pending: %+v %v", r, found)
	}

	// Not-sent attempts bought nothing.
	path = filepath.Join(t.TempDir(), "orders.jsonl")
	j = New(fake{submit: func(context.Context) (providers.Result, error) {
		return providers.Result{}, &providers.Error{Kind: providers.NotSent, Message: "connection refused"}
	}}, path, testAPIs)
	_, _ = j.Submit(context.Background(), original)
	if r, found := j.RecentDuplicate(reordered, time.Hour); found {
		t.Errorf("a not-sent attempt counted: %+v", r)
	}
	if e, _ := Read(path); len(e) != 1 || e[0].Outcome != OutcomeNotSent {
		t.Errorf("not sent journaled as %+v", e)
	}
}

// Two processes (two journals on one history) check the same order at the same moment, both
// find no duplicate, and both go on to send it: the second to take the history's lock finds
// the first one's intent and sends nothing. Once this process has seen an attempt (its own
// or by a new check), sending again is its person's choice and is not refused here.
func TestConcurrentIdenticalOrdersSendOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	sent := 0
	inner := fake{submit: func(context.Context) (providers.Result, error) { sent++; return ok(context.Background()) }}
	first, second := New(inner, path, testAPIs), New(inner, path, testAPIs)
	if _, dup := first.RecentDuplicate(order, providers.DuplicateWindow); dup {
		t.Fatal("a fresh history has a duplicate")
	}
	if _, dup := second.RecentDuplicate(order, providers.DuplicateWindow); dup {
		t.Fatal("a fresh history has a duplicate")
	}
	if _, err := first.Submit(context.Background(), order); err != nil {
		t.Fatal(err)
	}
	_, err := second.Submit(context.Background(), order)
	if !errors.Is(err, ErrStartedElsewhere) || providers.KindOf(err) != providers.Invalid {
		t.Fatalf("second process: %v (kind %v), want ErrStartedElsewhere, nothing sent", err, providers.KindOf(err))
	}
	if sent != 1 {
		t.Fatalf("the order was sent %d times", sent)
	}
	// The refused process checks again, is told of the first attempt, and its person chooses
	// to send anyway: that goes.
	if _, dup := second.RecentDuplicate(order, providers.DuplicateWindow); !dup {
		t.Fatal("the first process's order is not found")
	}
	if _, err := second.Submit(context.Background(), order); err != nil {
		t.Fatalf("a confirmed repeat: %v", err)
	}
	// The first process sends again without checking (its own earlier attempt is known).
	if _, err := first.Submit(context.Background(), order); !errors.Is(err, ErrStartedElsewhere) {
		t.Fatalf("first process after the second's repeat: %v, want ErrStartedElsewhere", err)
	}
	if fi, err := os.Lstat(path + ".lock"); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("lock file: %v %v", fi, err)
	}
}

// The lock file beside the history is refused when it is a symlink, like the history itself.
func TestLockFileSymlinkRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "orders.jsonl")
	target := filepath.Join(dir, "elsewhere")
	if err := os.WriteFile(target, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, path+".lock"); err != nil {
		t.Fatal(err)
	}
	sent := 0
	j := New(fake{submit: func(context.Context) (providers.Result, error) { sent++; return ok(context.Background()) }}, path, testAPIs)
	if _, err := j.Submit(context.Background(), order); err == nil || providers.KindOf(err) != providers.Invalid || sent != 0 {
		t.Fatalf("submit through a symlinked lock: %v, sent %d", err, sent)
	}
}

// A history whose lock another process keeps is refused after a bounded wait, nothing sent:
// the order must not hang past --timeout and ctrl+c.
func TestHeldLockRefusesInBoundedTime(t *testing.T) {
	defer func(d time.Duration) { lockWait = d }(lockWait)
	lockWait = 200 * time.Millisecond
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	held, err := openLock(context.Background(), path) // another open file description: flock conflicts with it
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	sent := 0
	j := New(fake{submit: func(context.Context) (providers.Result, error) { sent++; return ok(context.Background()) }}, path, testAPIs)
	done := make(chan error, 1)
	go func() { _, err := j.Submit(context.Background(), order); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrLocked) || providers.KindOf(err) != providers.Invalid || sent != 0 {
			t.Fatalf("submit under a held lock: %v (kind %v), sent %d", err, providers.KindOf(err), sent)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("submit still waits for the lock after 5s")
	}
}
