package sandbox

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"cloudorder/flows"
)

// The order book: every order the sandbox accepted, as the billing centres show it (Huawei
// BSS billing_huawei.go, Alibaba BssOpenApi billing_alibaba.go). An order's state follows
// what the clouds document: a DSC order is created unpaid ("the order is created unpaid and
// paid with PayOrders", as Terraform's DSC resource does it) and is completed once PayOrders
// paid it; a Workspace App order is completed at once (the sandbox opens nothing); an
// Alibaba order is paid when its body says AutoPay true, else it waits unpaid.

// bookState is an order's state in the book.
type bookState int

const (
	bookUnpaid bookState = iota + 1
	bookCompleted
)

// bookOrder is one accepted order with its state.
type bookOrder struct {
	Order
	state  bookState
	paidAt time.Time
}

// book returns the accepted orders of the given APIs with their states, oldest first.
func (s *Server) book(apis ...flows.APIID) []bookOrder {
	s.mu.Lock()
	defer s.mu.Unlock()
	paid := map[string]time.Time{}
	for _, p := range s.paid {
		paid[p.OrderID] = p.At
	}
	var out []bookOrder
	for _, o := range s.orders {
		if !containsAPI(apis, o.API) {
			continue
		}
		b := bookOrder{Order: o, state: bookCompleted, paidAt: o.At}
		if createdUnpaid(o) {
			b.state, b.paidAt = bookUnpaid, time.Time{}
			if at, ok := paid[o.OrderID]; ok {
				b.state, b.paidAt = bookCompleted, at
			}
		}
		out = append(out, b)
	}
	return out
}

func containsAPI(apis []flows.APIID, api flows.APIID) bool {
	for _, a := range apis {
		if a == api {
			return true
		}
	}
	return false
}

// createdUnpaid: DSC orders always; Alibaba orders whose AutoPay is not true.
func createdUnpaid(o Order) bool {
	switch o.API {
	case flows.HuaweiDSC:
		return true
	case flows.AlibabaPAI:
		var b struct{ AutoPay *bool }
		return json.Unmarshal(o.Body, &b) != nil || b.AutoPay == nil || !*b.AutoPay
	}
	return false
}

// resetAfterPlacing holds the requests that took a reset-after-placing fault (faults.go):
// their handler records the order, then resetAfterPlacing drops the connection instead of
// answering. Keyed by the request, which is unique while its handler runs.
var resetAfterPlacing sync.Map

// markResetAfterPlacing is how actOut hands the fault to the order handler.
func markResetAfterPlacing(r *http.Request) { resetAfterPlacing.Store(r, true) }

// placedThenReset drops the connection of a request marked by a reset-after-placing fault,
// after its order was recorded; it reports whether it did (the handler then writes nothing).
func placedThenReset(w http.ResponseWriter, r *http.Request) bool {
	if _, ok := resetAfterPlacing.LoadAndDelete(r); !ok {
		return false
	}
	drop(w)
	return true
}

// forgetResetAfterPlacing clears a mark whose order was not placed (the body was refused).
func forgetResetAfterPlacing(r *http.Request) { resetAfterPlacing.Delete(r) }
