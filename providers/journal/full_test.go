package journal

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/placement"
	"cloudorder/providers"
)

// A disk that fills up between the intent and the outcome: the order was sent, so its result
// still reaches the person — with a warning that the history could not record it, the record
// to keep by hand, and exit 4 (the history reads the attempt as unknown, which is what 4 says).
func TestFullDiskAfterSendingIsLoud(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	j := New(fake{submit: ok}, path, testAPIs)
	j.write = func(p string, r Record) error {
		if r.Kind == KindOutcome {
			return fmt.Errorf("write history: %w", syscall.ENOSPC)
		}
		return appendRecord(p, r)
	}
	out := placement.Send(context.Background(), j, placement.NewReview(j, providers.Sandbox, flows.DSC, order), placement.Price{})
	if !out.Placed() || out.Result.OrderID != "CS1" {
		t.Fatalf("the order's own result was lost: %+v", out)
	}
	if out.History == nil || !strings.Contains(out.History.Record, `"order_id":"CS1"`) || !strings.Contains(out.History.Record, `"outcome":"ok"`) {
		t.Fatalf("no history warning with the record: %+v", out.History)
	}
	if out.ExitCode() != 4 {
		t.Errorf("exit %d, want 4", out.ExitCode())
	}
	var said string
	for _, l := range placement.HistoryWarning(out.History, out.Result.OrderID) {
		said += l.EN + "\n"
	}
	for _, want := range []string{"order CS1 was sent", "no space left on device", "Keep this record by hand", `"order_id":"CS1"`} {
		if !strings.Contains(said, want) {
			t.Errorf("the warning lacks %q:\n%s", want, said)
		}
	}
	// The history holds the intent alone: the attempt reads as unknown, and is found as a
	// possible duplicate.
	if e, _ := Read(path); len(e) != 1 || e[0].Outcome != OutcomePending {
		t.Fatalf("history %+v", e)
	}
	if _, found := j.RecentDuplicate(order, providers.DuplicateWindow); !found {
		t.Error("the unrecorded order is not found as a possible duplicate")
	}

	// A failed order whose outcome cannot be written says so too.
	j2 := New(fake{submit: func(context.Context) (providers.Result, error) {
		return providers.Result{}, &providers.Error{Kind: providers.Rejected, Code: "Bad"}
	}}, filepath.Join(t.TempDir(), "orders.jsonl"), testAPIs)
	j2.write = j.write
	out = placement.Send(context.Background(), j2, placement.NewReview(j2, providers.Sandbox, flows.DSC, order), placement.Price{})
	if out.Placed() || out.History == nil || out.ExitCode() != 3 {
		t.Errorf("a rejected order with an unwritable outcome: %+v, exit %d", out, out.ExitCode())
	}
}

// ctrl+c while another process holds the history's lock: nothing was sent, nothing is
// journaled as sent, and the outcome says interrupted — not "may have been placed".
func TestInterruptWhileWaitingForTheLockIsNotSent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	held, err := openLock(context.Background(), path) // another process's lock
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	sent := false
	j := New(fake{submit: func(context.Context) (providers.Result, error) { sent = true; return ok(context.TODO()) }}, path, testAPIs)
	ctx, cancel := context.WithCancelCause(context.Background())
	go func() { time.Sleep(200 * time.Millisecond); cancel(placement.ErrInterrupted) }()
	start := time.Now()
	out := placement.Send(ctx, j, placement.NewReview(j, providers.Sandbox, flows.DSC, order), placement.Price{})
	if !out.Interrupted || out.ExitCode() != placement.ExitInterrupted || sent {
		t.Fatalf("interrupted at the lock: %+v, exit %d, sent %v", out, out.ExitCode(), sent)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the interrupt took %v to end the wait for the lock", d)
	}
	if a := placement.Advise(out); !strings.Contains(a.Headline.EN, "nothing was sent") || strings.Contains(a.Headline.EN, "MAY HAVE") {
		t.Errorf("said as %q", a.Headline.EN)
	}
	if e, _ := Read(path); len(e) != 0 {
		t.Fatalf("history %+v, want nothing", e)
	}
}
