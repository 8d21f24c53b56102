package journal

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"cloudorder/providers"
)

func unknown(context.Context) (providers.Result, error) {
	return providers.Result{}, &providers.Error{Kind: providers.Unknown, Message: "HTTP 500"}
}

// An unknown outcome blocks the same order until a resolution says otherwise: placed keeps
// blocking (now with the order id found), ambiguous keeps blocking, not placed lets it go —
// once, since the repeat is an entry of its own.
func TestDuplicateGuardReadsResolutions(t *testing.T) {
	for _, c := range []struct {
		resolved string
		blocks   bool
		outcome  string
	}{
		{"", true, OutcomeUnknown},
		{ResolvedPlaced, true, OutcomeOK},
		{ResolvedAmbiguous, true, OutcomeUnknown},
		{ResolvedNotPlaced, false, ""},
	} {
		t.Run("resolved="+c.resolved, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "orders.jsonl")
			j := New(fake{submit: unknown}, path, testAPIs)
			_, _ = j.Submit(context.Background(), order)
			h, _ := Load(path)
			id := h.Entries[0].Intent.ID
			if c.resolved != "" {
				rec := Record{Kind: KindResolution, ID: id, Outcome: c.resolved, Message: "queried"}
				if c.resolved == ResolvedPlaced {
					rec.OrderID = "CS9"
				}
				if err := j.Note(rec); err != nil {
					t.Fatal(err)
				}
			}
			r, found := j.RecentDuplicate(order, time.Hour)
			if found != c.blocks || (found && r.Outcome != c.outcome) {
				t.Fatalf("RecentDuplicate = %+v, %v", r, found)
			}
			if c.resolved == ResolvedPlaced && r.OrderID != "CS9" {
				t.Errorf("order id = %q", r.OrderID)
			}
			if c.blocks {
				return
			}
			// The repeat is sent; its own unknown outcome blocks again.
			j.inner = fake{submit: unknown}
			_, _ = j.Submit(context.Background(), order)
			if _, found := j.RecentDuplicate(order, time.Hour); !found {
				t.Fatal("the repeat's unknown outcome must block a third attempt")
			}
		})
	}
}

func TestNoteWritesOnlyRecordsAboutEntries(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	j := New(fake{submit: ok}, path, testAPIs)
	if err := j.Note(Record{Kind: KindIntent, ID: "x"}); providers.KindOf(err) != providers.Invalid {
		t.Fatalf("intent through Note: %v", err)
	}
	_, _ = j.Submit(context.Background(), order)
	h, _ := Load(path)
	id := h.Entries[0].Intent.ID
	_ = j.Note(Record{Kind: KindStatus, ID: id, OrderID: "CS1", State: "pending_payment", Code: "6"})
	_ = j.Note(Record{Kind: KindStatus, ID: id, OrderID: "CS1", State: "completed", Code: "5"})
	_ = j.Note(Record{Kind: KindStatus, ID: "no-such-entry", State: "completed"})
	h, _ = Load(path)
	if len(h.Entries) != 1 || h.Entries[0].Status.State != "completed" || h.Entries[0].OrderID() != "CS1" {
		t.Fatalf("entries = %+v", h.Entries)
	}
}
