package journal

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/measure"
	"cloudorder/providers"
)

// streamAll collects what Stream gives.
func streamAll(t testing.TB, path string, opts StreamOptions) ([]Entry, StreamInfo) {
	t.Helper()
	var got []Entry
	info, err := Stream(path, opts, func(e Entry, _ StreamInfo) error {
		got = append(got, e)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, info
}

// messyHistory writes a history with every kind of line: orders settled at once, one whose
// process died (an intent only), one whose outcome comes after other orders, resolutions and
// statuses written days later, payments (paid, unknown, refused), a torn line and a record
// glued onto a torn part, and blank lines.
func messyHistory(t *testing.T) string {
	t.Helper()
	start := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	var lines []string
	add := func(r Record) {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b))
	}
	intent := func(i int, api string, body string) string {
		at := start.Add(time.Duration(i) * time.Hour)
		id := newID(at)
		add(Record{Kind: KindIntent, ID: id, At: at, API: providersAPI(api), Region: fmt.Sprintf("r-%d", i), Body: json.RawMessage(body)})
		return id
	}
	outcome := func(id, word, orderID string) {
		add(Record{Kind: KindOutcome, ID: id, At: start, Outcome: word, OrderID: orderID})
	}
	a := intent(0, "huawei/dsc/CreateProductOrder", `{"n":0}`)
	outcome(a, OutcomeOK, "CSA")
	b := intent(1, "huawei/dsc/CreateProductOrder", `{"n":1}`) // outcome much later
	c := intent(2, "huawei/dsc/CreateProductOrder", `{"n":2}`) // never an outcome (kill -9)
	d := intent(3, "huawei/dsc/CreateProductOrder", `{"n":3}`)
	outcome(d, OutcomeUnknown, "")
	lines = append(lines, "", "   ")
	outcome(b, OutcomeOK, "CSB")
	p1 := intent(4, string(providers.PayOrdersAPI), `{"order_id":"CSA"}`)
	outcome(p1, OutcomeRejected, "")
	p2 := intent(5, string(providers.PayOrdersAPI), `{"order_id":"CSA"}`)
	outcome(p2, OutcomeOK, "")
	p3 := intent(6, string(providers.PayOrdersAPI), `{"order_id":"CSB"}`) // no outcome: may have paid
	lines = append(lines, `{"kind":"intent","id":"torn","api":"huawei/dsc/Cre`)
	e := intent(7, "huawei/dsc/CreateProductOrder", `{"n":7}`)
	outcome(e, OutcomeOK, "CSE")
	lines = append(lines, `{"kind":"outcome","id":"x","outcome":"o`+`{"kind":"intent","id":"glued","at":"2026-12-01T16:30:00Z","api":"huawei/dsc/CreateProductOrder","body":{"a":1}}`)
	add(Record{Kind: KindResolution, ID: d, At: start.Add(72 * time.Hour), Outcome: ResolvedPlaced, OrderID: "CSD"})
	add(Record{Kind: KindStatus, ID: a, At: start.Add(80 * time.Hour), State: "paid"})
	add(Record{Kind: KindStatus, ID: a, At: start.Add(90 * time.Hour), State: "cancelled"})
	_ = p3
	_ = c
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func providersAPI(s string) flows.APIID { return flows.APIID(s) }

// peakHeap runs f and returns the most heap its objects took while it ran (sampled every
// millisecond through runtime/metrics, which does not stop the program).
func peakHeap(t testing.TB, f func()) uint64 {
	t.Helper()
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			if v := read(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	f()
	close(done)
	<-stopped
	if p := peak.Load(); p > base {
		return p - base
	}
	return 0
}

// Stream gives exactly what Load does, in the same order, with the same torn lines; its
// payments are what the entries say.
func TestStreamIsLoad(t *testing.T) {
	now := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	_, big := writeHistory(t, 3000, 30*24*time.Hour, now)
	for _, path := range []string{messyHistory(t), big} {
		h, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		got, info := streamAll(t, path, StreamOptions{})
		if !reflect.DeepEqual(got, h.Entries) {
			t.Fatalf("%d streamed, %d loaded; first difference at %d", len(got), len(h.Entries), firstDiff(got, h.Entries))
		}
		if !reflect.DeepEqual(info.Torn, h.Torn) {
			t.Errorf("torn %v, Load %v", info.Torn, h.Torn)
		}
	}
	_, info := streamAll(t, messyHistory(t), StreamOptions{})
	if want := map[string]string{"CSA": OutcomeOK, "CSB": OutcomeUnknown}; !reflect.DeepEqual(info.Payments, want) {
		t.Errorf("payments %v, want %v", info.Payments, want)
	}
	if _, err := Stream(filepath.Join(t.TempDir(), "none.jsonl"), StreamOptions{}, func(Entry, StreamInfo) error {
		t.Error("an entry from a missing file")
		return nil
	}); err != nil {
		t.Error(err)
	}
}

func firstDiff(a, b []Entry) int {
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(a[i], b[i]) {
			return i
		}
	}
	return min(len(a), len(b))
}

// --since keeps the orders started at or after it; --limit the newest n of those.
func TestStreamSinceAndLimit(t *testing.T) {
	now := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	_, path := writeHistory(t, 1000, 1000*time.Hour, now) // one order an hour
	h, _ := Load(path)
	all := h.Entries
	for _, tc := range []struct {
		opts StreamOptions
		want []Entry
	}{
		{StreamOptions{Limit: 5}, all[995:]},
		{StreamOptions{Limit: 5000}, all},
		{StreamOptions{Since: now.Add(-10 * time.Hour)}, all[990:]},
		{StreamOptions{Since: now.Add(-10 * time.Hour), Limit: 3}, all[997:]},
		{StreamOptions{Since: now.Add(time.Hour)}, nil},
	} {
		got, _ := streamAll(t, path, tc.opts)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%+v: %d entries, want %d", tc.opts, len(got), len(tc.want))
		}
	}
}

// history of 10^5 orders streams within 64 MiB allocated in all (not held: given on), and
// --limit 20 costs a fraction of that.
func TestStreamOf100kOrdersCostsWhatIsNeeded(t *testing.T) {
	now := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	_, path := writeHistory(t, 100_000, 2*365*24*time.Hour, now)
	var n int
	took, alloc := measure.Cost(func() {
		_, err := Stream(path, StreamOptions{}, func(Entry, StreamInfo) error {
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("10^5 orders: history streamed in %v, %.1f MiB allocated in all", took, float64(alloc)/(1<<20))
	if n != 100_000 {
		t.Fatalf("%d entries", n)
	}
	peak := peakHeap(t, func() {
		_, _ = Stream(path, StreamOptions{}, func(Entry, StreamInfo) error { return nil })
	})
	t.Logf("10^5 orders: heap in use at most %.1f MiB while streaming", float64(peak)/(1<<20))
	if peak > 64<<20 {
		t.Errorf("streaming held %.1f MiB", float64(peak)/(1<<20))
	}
}

// The curve of `history` (Stream, all entries) against the history's size, 10^3 to 10^6
// orders: time grows with the file, the heap held stays flat (heap-MiB: the most in use).
//
//	go test ./providers/journal -run '^$' -bench HistoryStream -benchtime 1x
func BenchmarkHistoryStream(b *testing.B) {
	now := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	for _, n := range []int{1_000, 10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("orders=%d", n), func(b *testing.B) {
			_, path := writeHistory(b, n, 2*365*24*time.Hour, now)
			b.ResetTimer()
			var peak uint64
			for range b.N {
				peak = max(peak, peakHeap(b, func() {
					if _, err := Stream(path, StreamOptions{}, func(Entry, StreamInfo) error { return nil }); err != nil {
						b.Fatal(err)
					}
				}))
			}
			b.ReportMetric(float64(peak)/(1<<20), "heap-MiB")
		})
	}
}
