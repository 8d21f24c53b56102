package orderstatus

import (
	"strings"
	"testing"
	"time"

	"cloudorder/providers"
	"cloudorder/providers/journal"
)

var dsc = providers.OrderFacts{ServiceType: "hws.service.type.sdg", ProductIDs: []string{"OFFI2", "OFFI1"}, PeriodType: 2, PeriodNum: 1}

func dscOrder(id string, ids ...string) providers.BillingOrder {
	o := providers.BillingOrder{OrderID: id, New: true, OrderType: "1", ServiceType: "hws.service.type.sdg"}
	for _, p := range ids {
		o.Lines = append(o.Lines, providers.BillingLine{ProductID: p, PeriodType: 2, PeriodNum: 1, Quantity: 1})
	}
	return o
}

func TestCompareEachFact(t *testing.T) {
	renewal := dscOrder("R", "OFFI1", "OFFI2")
	renewal.New, renewal.OrderType = false, "2"
	otherService := dscOrder("S", "OFFI1", "OFFI2")
	otherService.ServiceType = "hws.service.type.obs"
	longer := dscOrder("P", "OFFI1", "OFFI2")
	longer.Lines[1].PeriodNum = 3
	partial := dscOrder("X")
	partial.Partial = true
	noService := dscOrder("N", "OFFI1", "OFFI2")
	noService.ServiceType = "" // not known on the cloud's side: not compared
	cases := []struct {
		name      string
		o         providers.BillingOrder
		match     bool
		uncertain bool
		differs   string
	}{
		{"same products in any order", dscOrder("A", "OFFI1", "OFFI2"), true, false, ""},
		{"a product missing", dscOrder("B", "OFFI1"), false, false, "product ids OFFI1, not OFFI1,OFFI2"},
		{"a product more", dscOrder("C", "OFFI1", "OFFI2", "OFFI3"), false, false, "product ids"},
		{"renewal", renewal, false, false, "order type 2 is not a new purchase"},
		{"other service", otherService, false, false, "service hws.service.type.obs, not hws.service.type.sdg"},
		{"other period", longer, false, false, "period 3, not 1"},
		{"unreadable products", partial, false, true, "could not be read"},
		{"service unknown on the cloud's side", noService, true, false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Compare(dsc, c.o)
			if got.Match != c.match || got.Uncertain != c.uncertain || !strings.Contains(strings.Join(got.Differs, "; "), c.differs) {
				t.Fatalf("Compare = %+v", got)
			}
		})
	}
}

func TestCompareAlibabaCodes(t *testing.T) {
	f := providers.OrderFacts{ProductCodes: []string{"PAI_share"}, SubscriptionType: "PayAsYouGo"}
	o := providers.BillingOrder{OrderID: "1", New: true, Lines: []providers.BillingLine{{ProductCode: "pai_share", SubscriptionType: "PayAsYouGo"}}}
	if c := Compare(f, o); !c.Match {
		t.Fatalf("case-insensitive code: %+v", c)
	}
	o.Lines[0].ProductCode, o.Lines[0].ServiceType = "other", "PAI_share" // the CommodityCode names it
	if c := Compare(f, o); !c.Match {
		t.Fatalf("commodity code: %+v", c)
	}
	o.Lines[0].ServiceType, o.Lines[0].SubscriptionType = "", "Subscription"
	if c := Compare(f, o); c.Match || len(c.Differs) != 2 {
		t.Fatalf("other product and billing: %+v", c)
	}
	if c := Compare(f, providers.BillingOrder{New: true}); c.Match {
		t.Fatalf("no products: %+v", c)
	}
}

func TestDecide(t *testing.T) {
	now := time.Date(2026, 12, 7, 6, 0, 0, 0, time.UTC)
	before, after := now.Add(time.Minute), now.Add(-time.Minute)
	partial := dscOrder("X")
	partial.Partial = true
	cases := []struct {
		name    string
		listed  []providers.BillingOrder
		settled time.Time
		want    Verdict
	}{
		{"one match", []providers.BillingOrder{dscOrder("A", "OFFI1", "OFFI2"), dscOrder("B", "OFFI9")}, before, Placed},
		{"two matches", []providers.BillingOrder{dscOrder("A", "OFFI1", "OFFI2"), dscOrder("B", "OFFI2", "OFFI1")}, after, Ambiguous},
		{"one match and one unreadable", []providers.BillingOrder{dscOrder("A", "OFFI1", "OFFI2"), partial}, after, Ambiguous},
		{"only an unreadable order", []providers.BillingOrder{partial}, after, Ambiguous},
		{"none, settled", []providers.BillingOrder{dscOrder("B", "OFFI9")}, after, NotPlaced},
		{"none, settled this very second", nil, now, NotPlaced},
		{"none, listing delay not passed", nil, before, NotYet},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, cands := Decide(dsc, c.listed, now, c.settled)
			if got != c.want || len(cands) != len(c.listed) {
				t.Fatalf("Decide = %s, %+v", got, cands)
			}
		})
	}
}

func TestWindowOf(t *testing.T) {
	at := time.Date(2026, 12, 7, 6, 0, 0, 500e6, time.UTC)
	live := journal.Entry{Intent: journal.Record{At: at, Mode: providers.Live}, Outcome: journal.OutcomeUnknown, Finished: at.Add(30 * time.Second)}
	w := WindowOf(live, 5*time.Minute)
	if !w.From.Equal(time.Date(2026, 12, 7, 5, 58, 0, 0, time.UTC)) || !w.To.Equal(time.Date(2026, 12, 7, 6, 2, 31, 0, time.UTC)) ||
		!w.Settled.Equal(w.To.Add(5*time.Minute)) {
		t.Fatalf("live window = %+v", w)
	}
	pending := journal.Entry{Intent: journal.Record{At: at, Mode: providers.Live}}
	if w := WindowOf(pending, 0); !w.To.Equal(time.Date(2026, 12, 7, 6, 12, 1, 0, time.UTC)) {
		t.Fatalf("pending window = %+v", w)
	}
	sb := journal.Entry{Intent: journal.Record{At: at, Mode: providers.Sandbox}, Finished: at.Add(time.Second)}
	if w := WindowOf(sb, 0); !w.From.Equal(at.Truncate(time.Second)) || !w.To.Equal(time.Date(2026, 12, 7, 6, 0, 2, 0, time.UTC)) {
		t.Fatalf("sandbox window = %+v", w)
	}
}

func TestRecordOfEachVerdict(t *testing.T) {
	r := Resolution{Entry: "E1", Verdict: Placed, OrderID: "A", AsOf: time.Now(),
		Candidates: []Candidate{{Order: dscOrder("A"), Match: true}}, Compared: []string{"new purchase"}}
	rec, ok := r.Record()
	if !ok || rec.Kind != journal.KindResolution || rec.ID != "E1" || rec.Outcome != journal.ResolvedPlaced || rec.OrderID != "A" ||
		!strings.Contains(rec.Message, "1 listed, 1 matched on new purchase") {
		t.Fatalf("placed record = %+v", rec)
	}
	r.Verdict, r.Candidates = Ambiguous, append(r.Candidates, Candidate{Order: dscOrder("B"), Match: true})
	if rec, _ := r.Record(); rec.Outcome != journal.ResolvedAmbiguous || strings.Join(rec.Matches, ",") != "A,B" || rec.OrderID != "" {
		t.Fatalf("ambiguous record = %+v", rec)
	}
	r.Verdict = NotYet
	if _, ok := r.Record(); ok {
		t.Fatal("a not-yet answer must not be journaled")
	}
}
