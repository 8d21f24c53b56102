package journal

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/measure"
	"cloudorder/placement"
	"cloudorder/providers"
)

// scanBackward gives every line, last first, whatever their lengths against its block size.
func TestScanBackwardLines(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		var lines []string
		var b bytes.Buffer
		for i := range rng.IntN(20) {
			n := []int{0, 1, 10, backwardBlock - 1, backwardBlock, backwardBlock + 1, 3 * backwardBlock}[rng.IntN(7)]
			line := fmt.Sprintf("%d-%d-", round, i) + strings.Repeat("x", n)
			lines = append(lines, line)
			b.WriteString(line + "\n")
			if rng.IntN(5) == 0 {
				b.WriteString("\n  \n") // blank lines are skipped
			}
		}
		if rng.IntN(2) == 0 && len(lines) > 0 { // no final newline
			b.Truncate(b.Len() - 1)
		}
		var got []string
		if err := scanBackward(bytes.NewReader(b.Bytes()), int64(b.Len()), func(line []byte) bool {
			got = append(got, string(line))
			return true
		}); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(lines) {
			t.Fatalf("round %d: %d lines, want %d", round, len(got), len(lines))
		}
		for i := range got {
			if got[i] != lines[len(lines)-1-i] {
				t.Fatalf("round %d: line %d differs", round, i)
			}
		}
	}
}

// writeHistory writes a history of n orders (intent and ok outcome each) evenly spread over
// the span before now, with the order's body, and returns the journal over it.
func writeHistory(tb testing.TB, n int, span time.Duration, now time.Time) (*Journal, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "orders.jsonl")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	body := []byte(`{"charging_mode":0,"cloud_service_type":"hws.service.type.sdg","is_auto_renew":0,"period_num":1,"period_type":2,"region_id":"cn-north-4","zone":"CH","product_infos":[{"cloud_service_type":"hws.service.type.sdg","product_id":"OFFI740586375358963717","resource_size":30,"resource_size_measure_id":30,"resource_spec_code":"base_professional","resource_type":"hws.resource.type.dsc.base"}]}`)
	target := fake{}.Target(order.API, order.Region)
	// One record encoded, then its lines written with each order's own id, time, region and
	// digest: encoding and hashing 10^6 records would make the benchmark mostly its setup.
	intent, _ := json.Marshal(Record{Kind: KindIntent, ID: "%[1]s", At: now, API: order.API, Region: "%[2]s", ProjectID: order.ProjectID,
		Endpoint: target.Endpoint, Mode: target.Mode, Body: body, BodySHA256: BodyHash(body), Digest: "%[3]s"})
	outcome, _ := json.Marshal(Record{Kind: KindOutcome, ID: "%[1]s", At: now, Outcome: OutcomeOK, OrderID: "%[4]s", RequestID: "r"})
	stamp, _ := json.Marshal(now)
	intentFormat := strings.Replace(string(intent), string(stamp), `"%[5]s"`, 1) + "\n"
	outcomeFormat := strings.Replace(string(outcome), string(stamp), `"%[5]s"`, 1) + "\n"
	var line []byte
	for i := range n {
		at := now.Add(-span + time.Duration(float64(span)*float64(i)/float64(n))).UTC()
		o := order
		o.Region = fmt.Sprintf("r-%d", i) // every past order another one
		digest := fmt.Sprintf("%064x", i)
		if i == 1 || i >= n-1000 { // the ones the tests look for
			digest = placement.Digest(flows.DSC, target, o)
		}
		id, orderID := newID(at), fmt.Sprintf("CS%09d", i)
		line = fmt.Appendf(line[:0], intentFormat, id, o.Region, digest, orderID, at.Format(time.RFC3339Nano))
		line = fmt.Appendf(line, outcomeFormat, id, o.Region, digest, orderID, at.Add(time.Second).Format(time.RFC3339Nano))
		w.Write(line)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	j := New(fake{submit: ok}, path, testAPIs)
	j.now = func() time.Time { return now }
	return j, path
}

// With 10^5 past orders over two years, the duplicate check and the intent's write read the
// last day only: well within a second and 64 MiB; an order of an hour ago is still found,
// one of two days ago is not, and FindOrder finds the oldest without loading the history.
func TestHistoryOf100kOrdersCostsWhatIsNeeded(t *testing.T) {
	now := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	j, path := writeHistory(t, 100_000, 2*365*24*time.Hour, now)
	fresh := order
	fresh.Region = "cn-north-4"
	var found bool
	took, alloc := measure.Cost(func() {
		_, found = j.RecentDuplicate(fresh, providers.DuplicateWindow)
		if _, err := j.Submit(context.Background(), fresh); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("10^5 orders: duplicate check + submit %v, %.1f MiB allocated", took, float64(alloc)/(1<<20))
	if found || took > time.Second || alloc > 64<<20 {
		t.Errorf("duplicate %v; %v and %.1f MiB", found, took, float64(alloc)/(1<<20))
	}
	if r, dup := j.RecentDuplicate(fresh, providers.DuplicateWindow); !dup || r.Outcome != OutcomeOK || r.OrderID != "CS1" {
		t.Errorf("the order just placed: %+v %v", r, dup)
	}
	// The last past order is 10 minutes old (two years / 10^5); the one two days back is out.
	recent := order
	recent.Region = "r-99999"
	if r, dup := j.RecentDuplicate(recent, providers.DuplicateWindow); !dup || r.OrderID != "CS000099999" {
		t.Errorf("an order of minutes ago: %+v %v", r, dup)
	}
	old := order
	old.Region = "r-99700"
	if r, dup := j.RecentDuplicate(old, providers.DuplicateWindow); dup {
		t.Errorf("an order of two days ago: %+v", r)
	}
	took, alloc = measure.Cost(func() {
		e, ok, err := FindOrder(path, "CS000000001")
		if err != nil || !ok || e.Intent.Region != "r-1" || e.Result.OrderID != "CS000000001" || len(e.Intent.Body) == 0 {
			t.Errorf("FindOrder: %+v %v %v", e, ok, err)
		}
	})
	t.Logf("10^5 orders: FindOrder of the oldest %v, %.1f MiB allocated", took, float64(alloc)/(1<<20))
	if alloc > 64<<20 {
		t.Errorf("FindOrder allocated %.1f MiB", float64(alloc)/(1<<20))
	}
}

// An outcome written inside the window for an intent written before it still counts (a long
// answer), and another process's intent appended after this one looked is found under the lock.
func TestDuplicateWindowEdges(t *testing.T) {
	now := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	target := fake{}.Target(order.API, order.Region)
	intentAt := now.Add(-25 * time.Hour)
	in := Record{Kind: KindIntent, ID: newID(intentAt), At: intentAt, API: order.API, Region: order.Region,
		ProjectID: order.ProjectID, Endpoint: target.Endpoint, Mode: target.Mode, Body: order.CompactBody(), Digest: placement.Digest(flows.DSC, target, order)}
	if err := appendRecord(path, in); err != nil {
		t.Fatal(err)
	}
	// Many unrelated records in between, older than the window.
	var filler []byte
	for i := range 2000 {
		at := intentAt.Add(time.Duration(i) * time.Second)
		line, _ := json.Marshal(Record{Kind: KindIntent, ID: newID(at), At: at, API: order.API, Region: "other", Digest: "x"})
		filler = append(append(filler, line...), '\n')
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(filler)
	f.Close()
	if err := appendRecord(path, Record{Kind: KindOutcome, ID: in.ID, At: now.Add(-2 * time.Hour), Outcome: OutcomeUnknown}); err != nil {
		t.Fatal(err)
	}
	j := New(fake{submit: ok}, path, testAPIs)
	j.now = func() time.Time { return now }
	if r, dup := j.RecentDuplicate(order, providers.DuplicateWindow); !dup || r.ID != in.ID || r.Outcome != OutcomeUnknown {
		t.Fatalf("an outcome in the window for an older intent: %+v %v", r, dup)
	}
	// Another process appends an intent of the same order after this one looked.
	j2 := New(fake{submit: ok}, path, testAPIs)
	other := in
	other.ID, other.At = newID(now), now
	if err := appendRecord(path, other); err != nil {
		t.Fatal(err)
	}
	_, err = j.Submit(context.Background(), order)
	if err == nil || !strings.Contains(err.Error(), ErrStartedElsewhere.Error()) {
		t.Fatalf("started elsewhere: %v", err)
	}
	_ = j2
}

// The curve of the duplicate check and the intent's write against the history's size, 10^3
// to 10^6 orders over two years: flat, since only the last day is read.
//
//	go test ./providers/journal -run '^$' -bench HistorySize -benchmem
func BenchmarkHistorySize(b *testing.B) {
	now := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	for _, n := range []int{1_000, 10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("orders=%d", n), func(b *testing.B) {
			j, path := writeHistory(b, n, 2*365*24*time.Hour, now)
			fresh := order
			fresh.Region = "cn-north-4"
			b.ResetTimer()
			for range b.N {
				j.seen = map[string]int64{}
				if _, dup := j.RecentDuplicate(fresh, providers.DuplicateWindow); dup {
					b.Fatal("duplicate")
				}
				if _, _, err := startedSince(testAPIs, path, placement.Digest(flows.DSC, fake{}.Target(fresh.API, fresh.Region), fresh), historySize(path)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
