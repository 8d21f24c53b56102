package sandbox

import (
	"net/http"
	"sync"
	"time"
)

// The order book: every order the sandbox accepted, as the billing centres show it (Huawei
// BSS billing_huawei.go, Alibaba BssOpenApi billing_alibaba.go). Each API's file says how its
// orders appear there (emulation.billing in routes.go). An order's state follows what the clouds document:
// a DSC order is created unpaid (Terraform's DSC resource pays it with PayOrders) and is
// completed once PayOrders paid it; a Workspace App order is completed at once (the sandbox
// opens nothing); an Alibaba order is paid when its body says AutoPay true, else it waits
// unpaid.

// Billing centres.
const (
	huaweiBSS         = "huawei-bss"
	alibabaBSSOpenAPI = "alibaba-bssopenapi"
)

// billingOf is how one API's orders appear in its cloud's billing centre.
type billingOf struct {
	centre string
	// unpaid reports whether an order with this body is created unpaid.
	unpaid func(body []byte) bool
	// serviceType is the order's BSS service_type_code (Huawei).
	serviceType func(body []byte) string
	// lines are the order's BSS order line items (Huawei) or BssOpenApi order rows (Alibaba).
	lines func(o bookOrder) []map[string]any
}

// bookState is an order's state in the book.
type bookState int

const (
	bookUnpaid bookState = iota + 1
	bookCompleted
)

// bookOrder is one accepted order with its state.
type bookOrder struct {
	Order
	bill   *billingOf
	state  bookState
	paidAt time.Time
}

// book returns the accepted orders a billing centre lists, with their states, oldest first
// (first brought up to date with the state file, state.go).
func (s *Server) book(centre string) ([]bookOrder, error) {
	if err := s.syncState(nil); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	paid := map[string]time.Time{}
	for _, p := range s.paid {
		paid[p.OrderID] = p.At
	}
	var out []bookOrder
	for _, o := range s.orders {
		bill := s.billing[o.API]
		if bill == nil || bill.centre != centre {
			continue
		}
		b := bookOrder{Order: o, bill: bill, state: bookCompleted, paidAt: o.At}
		if bill.unpaid(o.Body) {
			b.state, b.paidAt = bookUnpaid, time.Time{}
			if at, ok := paid[o.OrderID]; ok {
				b.state, b.paidAt = bookCompleted, at
			}
		}
		out = append(out, b)
	}
	return out, nil
}

func always([]byte) bool { return true }
func never([]byte) bool  { return false }

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
