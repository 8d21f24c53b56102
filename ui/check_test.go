package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/journal"
)

// bookProvider is a cloud whose order fails with no clear answer and whose order records
// list what the test put there: the wizard's provider wrapped in the real history
// (providers/journal), as cloud.Open wraps the clouds.
type bookProvider struct {
	fakeProvider
	listed []providers.BillingOrder
	asked  int // ListOrders calls
}

func (b *bookProvider) OrderDetail(_ context.Context, _ flows.APIID, _, id string) (providers.BillingOrder, error) {
	for _, o := range b.listed {
		if o.OrderID == id {
			return o, nil
		}
	}
	return providers.BillingOrder{}, &providers.Error{Kind: providers.Rejected, Code: "NotFound", Message: "no order " + id}
}

func (b *bookProvider) ListOrders(context.Context, providers.OrderQuery) ([]providers.BillingOrder, error) {
	b.asked++
	return b.listed, nil
}

func (b *bookProvider) OrderFacts(flows.Order) (providers.OrderFacts, error) {
	return providers.OrderFacts{ProductCodes: []string{"DataWorks_share"}}, nil
}

func (b *bookProvider) ListingDelay(flows.APIID) time.Duration { return 0 }

// checkDriver walks to the review of a PAI order and sends it into a 500: the outcome is
// unknown and the history says so.
func checkDriver(t *testing.T, b *bookProvider, now func() time.Time) (*driver, string) {
	t.Helper()
	b.err = &providers.Error{Kind: providers.Unknown, HTTPStatus: 500, Code: "InternalError", Message: "boom"}
	path := filepath.Join(t.TempDir(), "orders.jsonl")
	d := newDriver(t, Options{Provider: journal.New(b, path, testRegistry), Now: now}, 90, 80) // one pane: the summary
	d.walk(fillAlibaba)
	d.keys("y")
	if v := flat(d); !strings.Contains(v, "MAY HAVE BEEN PLACED") || !strings.Contains(v, "n check now") ||
		!strings.Contains(v, "n asks the cloud's order records now whether it was placed") {
		t.Fatalf("unknown outcome without check now:\n%s", d.view())
	}
	return d, path
}

// flat is the screen's text as one line: the error panel's border and the wrapping gone.
func flat(d *driver) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(d.view(), "┃", " ")), " ")
}

func placedOrder(id string, created time.Time) providers.BillingOrder {
	return providers.BillingOrder{OrderID: id, State: providers.StateCompleted, CloudStatus: "Paid", Created: created, New: true,
		Lines: []providers.BillingLine{{ProductCode: "DataWorks_share"}}}
}

// n on the review after an unknown outcome asks the cloud's orders (in the background, with
// a spinner) and shows what was queried, compared and found; a single match is recorded in
// the history as that attempt's resolution, and nothing is sent.
func TestCheckNowFindsThePlacedOrder(t *testing.T) {
	b := &bookProvider{}
	d, path := checkDriver(t, b, time.Now)
	b.listed = []providers.BillingOrder{placedOrder("ORD-FOUND", time.Now())}
	// While the records are read: the spinner, and n does not ask twice.
	nm, cmd := d.m.Update(keyMsg("n"))
	d.m = nm.(Model)
	if v := flat(d); !strings.Contains(v, "asking the cloud's order records whether this order was placed") || strings.Contains(v, "n check now") {
		t.Fatalf("while checking:\n%s", d.view())
	}
	nm, again := d.m.Update(keyMsg("n"))
	d.m = nm.(Model)
	if again != nil {
		t.Fatal("n while checking started another check")
	}
	d.run(cmd)
	v := flat(d)
	if !strings.Contains(v, "PLACED: the cloud has exactly one matching order, ORD-FOUND") ||
		!strings.Contains(v, "compared with the order sent: new purchase; products DataWorks_share") {
		t.Fatalf("check now:\n%s", v)
	}
	if b.count() != 1 || b.asked != 1 {
		t.Fatalf("check now sent %d orders, listed %d times", b.count(), b.asked)
	}
	h, err := journal.Load(path)
	if err != nil || len(h.Entries) != 1 || h.Entries[0].Resolution.Outcome != journal.ResolvedPlaced || h.Entries[0].OrderID() != "ORD-FOUND" {
		t.Fatalf("history: %v %+v", err, h.Entries)
	}
	if o := d.m.Outcome(); o.Found != "ORD-FOUND" || o.NotPlaced {
		t.Fatalf("outcome after the check: %+v", o)
	}
	// y still asks before a second order: the duplicate guard names the order found.
	d.keys("y")
	if b.count() != 1 || d.m.ask != askDuplicate || !strings.Contains(flat(d), "An identical order succeeded") ||
		!strings.Contains(flat(d), "(order ORD-FOUND). Place it AGAIN?") {
		t.Fatalf("y after the check: %d orders, ask %v", b.count(), d.m.ask)
	}
	// Its footer offers the word it takes, not the y that does not answer it.
	if v := flat(d); !strings.Contains(v, "again type it to send again") || strings.Contains(v, "y yes") {
		t.Errorf("the footer of Place it AGAIN? offers y:\n%s", d.view())
	}
}

// Two orders of the window match: ambiguous, each shown, and the attempt still counts as
// possibly placed.
func TestCheckNowAmbiguous(t *testing.T) {
	b := &bookProvider{}
	d, _ := checkDriver(t, b, time.Now)
	b.listed = []providers.BillingOrder{placedOrder("ORD-A", time.Now()), placedOrder("ORD-B", time.Now())}
	d.keys("n")
	if v := flat(d); !strings.Contains(v, "AMBIGUOUS: ORD-A, ORD-B could each be this order") || !d.m.s.unknown {
		t.Fatalf("ambiguous:\n%s", v)
	}
}

// Nothing in the window once it has settled: not placed as of now; y then sends without the
// "send again?" question — the history no longer counts the attempt.
func TestCheckNowNotPlaced(t *testing.T) {
	b := &bookProvider{}
	later := func() time.Time { return time.Now().Add(time.Minute) } // past the window (delay 0)
	d, path := checkDriver(t, b, later)
	b.listed = []providers.BillingOrder{{OrderID: "ORD-RENEW", New: false, OrderType: "Renew", Created: time.Now()}}
	d.keys("n")
	v := flat(d)
	if !strings.Contains(v, "NOT PLACED as of") || !strings.Contains(v, "ORD-RENEW: order type Renew is not a new purchase") {
		t.Fatalf("not placed:\n%s", v)
	}
	if h, _ := journal.Load(path); h.Entries[0].Resolution.Outcome != journal.ResolvedNotPlaced {
		t.Fatalf("history: %+v", h.Entries[0].Resolution)
	}
	if o := d.m.Outcome(); !o.NotPlaced || o.Found != "" {
		t.Fatalf("outcome after the check: %+v", o)
	}
	// The repeat's own outcome replaces what the check learnt of the first attempt.
	d.keys("y")
	if b.count() != 2 || d.m.Outcome().NotPlaced || !d.m.s.unknown {
		t.Fatalf("repeat after not placed: %d orders, outcome %+v", b.count(), d.m.Outcome())
	}
	b.err = nil
	d.keys("y", "a", "g", "a", "i", "n")
	if b.count() != 3 || d.m.Where() != "result" {
		t.Fatalf("third attempt: %d orders, at %s", b.count(), d.m.Where())
	}
}

// Without order records (a provider that keeps no history or cannot read them) there is no
// n, and n does nothing.
func TestCheckNowNeedsTheOrderRecords(t *testing.T) {
	p := &fakeProvider{err: &providers.Error{Kind: providers.Unknown, HTTPStatus: 500, Code: "InternalError", Message: "boom"}}
	d := newDriver(t, Options{Provider: p}, 120, 40)
	d.walk(fillAlibaba)
	d.keys("y")
	if strings.Contains(d.view(), "check now") {
		t.Fatalf("check now offered without order records:\n%s", d.view())
	}
	d.keys("n")
	if p.count() != 1 || d.m.s.check.running {
		t.Fatal("n did something")
	}
}

// An order the check finds waiting for payment is paid where the wizard sent it: the pay
// command it shows carries this run's endpoint, never the bare (live) `cloudorder pay ID`.
func TestCheckNowPaysWhereTheOrderWasSent(t *testing.T) {
	b := &bookProvider{}
	d, _ := checkDriver(t, b, time.Now)
	unpaid := placedOrder("ORD-UNPAID", time.Now())
	unpaid.State, unpaid.CloudStatus = providers.StatePendingPayment, "Unpaid"
	b.listed = []providers.BillingOrder{unpaid}
	nm, cmd := d.m.Update(keyMsg("n"))
	d.m = nm.(Model)
	d.run(cmd)
	if v := flat(d); !strings.Contains(v, "`cloudorder pay ORD-UNPAID --endpoint http://127.0.0.1:1`") {
		t.Errorf("check of an unpaid order:\n%s", v)
	}
}
