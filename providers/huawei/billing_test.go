package huawei

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/sandbox"
)

// ShowCustomerOrderDetails and ListCustomerOrders through the real bss and bssintl clients
// against the sandbox's order book (which checks each request's signature and X-Domain-Id).

func bothSites(t *testing.T, run func(t *testing.T, site string)) {
	for _, site := range []string{SiteChina, SiteIntl} {
		t.Run("site="+site, func(t *testing.T) { run(t, site) })
	}
}

func TestOrderDetailUnpaidThenPaid(t *testing.T) {
	bothSites(t, func(t *testing.T, site string) {
		_, p := newSandbox(t)
		p.opts.BSSSite = site
		ctx := context.Background()
		o := loadOrder(t, "huawei-dsc.json")
		res, err := p.Submit(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.OrderDetail(ctx, flows.HuaweiDSC, o.Region, res.OrderID)
		if err != nil {
			t.Fatal(err)
		}
		if got.OrderID != res.OrderID || got.State != providers.StatePendingPayment || !strings.HasPrefix(got.CloudStatus, "6 ") ||
			got.Currency != "CNY" || got.Amount == "" || !got.New || got.Created.IsZero() || len(got.Lines) == 0 {
			t.Fatalf("detail = %+v", got)
		}
		facts, err := p.OrderFacts(o)
		if err != nil || len(facts.ProductIDs) != len(got.Lines) || got.Lines[0].ProductID == "" || got.Lines[0].PeriodType != facts.PeriodType {
			t.Fatalf("facts %+v (%v) against lines %+v", facts, err, got.Lines)
		}
		if _, err := p.PayOrder(ctx, providers.Payment{API: flows.HuaweiDSC, Region: o.Region, OrderID: res.OrderID}); err != nil {
			t.Fatal(err)
		}
		got, err = p.OrderDetail(ctx, flows.HuaweiDSC, o.Region, res.OrderID)
		if err != nil || got.State != providers.StateCompleted || !strings.HasPrefix(got.CloudStatus, "5 ") {
			t.Fatalf("after payment = %+v, %v", got, err)
		}
	})
}

func TestListOrdersByWindowWithLines(t *testing.T) {
	bothSites(t, func(t *testing.T, site string) {
		s, p, seenReqs := recordingSandbox(t)
		p.opts.BSSSite = site
		ctx := context.Background()
		before := time.Now().Add(-time.Second)
		res, err := p.Submit(ctx, loadOrder(t, "huawei-dsc.json"))
		if err != nil {
			t.Fatal(err)
		}
		q := providers.OrderQuery{API: flows.HuaweiDSC, Region: "cn-north-4", From: before, To: time.Now().Add(time.Second),
			ServiceType: "hws.service.type.sdg"}
		got, err := p.ListOrders(ctx, q)
		if err != nil || len(got) != 1 || got[0].OrderID != res.OrderID || got[0].Partial || len(got[0].Lines) == 0 {
			t.Fatalf("list = %+v, %v", got, err)
		}
		// The window excludes what lies outside it.
		q.From, q.To = before.Add(-time.Hour), before.Add(-30*time.Minute)
		if got, err := p.ListOrders(ctx, q); err != nil || len(got) != 0 {
			t.Fatalf("earlier window = %+v, %v", got, err)
		}
		// The request shape: GET with the documented query names, signed, with the account id.
		var list *seen
		for _, r := range seenReqs() {
			if r.path == "/v2/orders/customer-orders" {
				r := r
				list = &r
				break
			}
		}
		if list == nil || list.method != "GET" {
			t.Fatalf("no ListCustomerOrders request seen")
		}
		signed(t, *list)
		qs, _ := url.ParseQuery(list.query)
		if qs.Get("service_type_code") != "hws.service.type.sdg" || qs.Get("limit") != "100" || qs.Get("offset") != "0" ||
			!strings.HasSuffix(qs.Get("create_time_begin"), "Z") || list.header.Get("X-Domain-Id") != sandbox.DomainID {
			t.Errorf("list request = %s %v", list.query, list.header)
		}
		if s.CallHits(sandbox.CallBSSOrders) != 2 || s.CallHits(sandbox.CallBSSOrderDetail) != 1 {
			t.Errorf("hits: list %d, detail %d", s.CallHits(sandbox.CallBSSOrders), s.CallHits(sandbox.CallBSSOrderDetail))
		}
	})
}

func TestBillingErrorsAreClassified(t *testing.T) {
	s, p := newSandbox(t)
	ctx := context.Background()
	// An order the account does not have: a 4xx answer.
	_, err := p.OrderDetail(ctx, flows.HuaweiDSC, "cn-north-4", "CS0000000000NOPE1")
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.Rejected || pe.Code != "CBC.0100" || pe.RequestID == "" {
		t.Fatalf("unknown order: %#v", err)
	}
	// A 500 from BSS: no clear answer.
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500, Call: sandbox.CallBSSOrders, Count: 1})
	_, err = p.ListOrders(ctx, providers.OrderQuery{API: flows.HuaweiDSC, Region: "cn-north-4", From: time.Now().Add(-time.Hour), To: time.Now()})
	if !errors.As(err, &pe) || pe.Kind != providers.Unknown || pe.HTTPStatus != 500 || !strings.Contains(pe.Err.Error(), "ListCustomerOrders") {
		t.Fatalf("500: %v", err)
	}
	// A wrong secret: the signature is refused (401).
	p.opts.Credential = func() (config.HuaweiCredential, error) {
		return config.HuaweiCredential{AK: sandbox.HuaweiAK, SK: config.NewSecret("wrong"), DomainID: sandbox.DomainID, Source: "test"}, nil
	}
	_, err = p.OrderDetail(ctx, flows.HuaweiDSC, "cn-north-4", "CS0000000000NOPE1")
	if !errors.As(err, &pe) || pe.Kind != providers.Rejected || pe.HTTPStatus != 401 {
		t.Fatalf("wrong secret: %#v", err)
	}
}

func TestOrderFactsPerAPI(t *testing.T) {
	_, p := newSandbox(t)
	f, err := p.OrderFacts(loadOrder(t, "huawei-workspaceapp.json"))
	if err != nil || f.PeriodType == 0 || f.Quantity == 0 || f.ServiceType != "" || len(f.ProductIDs) != 0 {
		t.Fatalf("workspace app facts = %+v, %v", f, err)
	}
	_, err = p.OrderFacts(flows.Order{API: flows.AlibabaPAI})
	if providers.KindOf(err) != providers.Invalid {
		t.Fatalf("another cloud's order: %v", err)
	}
}

// reset-after-placing: the order is placed, the answer never comes (Unknown), and the billing
// centre shows the order; http500 and reset place nothing.
func TestResetAfterPlacingLeavesTheOrderInTheBook(t *testing.T) {
	for _, kind := range []string{sandbox.FaultResetAfterPlacing, sandbox.FaultHTTP500, sandbox.FaultReset} {
		t.Run(kind, func(t *testing.T) {
			s, p := newSandbox(t)
			ctx := context.Background()
			o := loadOrder(t, "huawei-dsc.json")
			s.SetFault(sandbox.Fault{Kind: kind, Count: 1})
			from := time.Now().Add(-time.Second)
			_, err := p.Submit(ctx, o)
			if providers.KindOf(err) != providers.Unknown {
				t.Fatalf("submit: %v", err)
			}
			listed, err := p.ListOrders(ctx, providers.OrderQuery{API: o.API, Region: o.Region, From: from, To: time.Now().Add(time.Second)})
			if err != nil {
				t.Fatal(err)
			}
			placed := s.Orders()
			if kind != sandbox.FaultResetAfterPlacing {
				if len(placed) != 0 || len(listed) != 0 {
					t.Fatalf("%s placed %+v, listed %+v", kind, placed, listed)
				}
				return
			}
			if len(placed) != 1 || len(listed) != 1 || listed[0].OrderID != placed[0].OrderID || s.Hits(sandbox.API(o.API)) != 1 {
				t.Fatalf("placed %+v, listed %+v", placed, listed)
			}
		})
	}
}
