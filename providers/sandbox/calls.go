package sandbox

import (
	"fmt"
	"sort"
	"strings"
)

// Calls other than the three orders: look-ups, the BSS price inquiry and BSS payment. Each is
// signed and checked like an order, counted (CallHits) and can be faulted by name
// (Fault.Call), so tests can prove a retried look-up never becomes a second order or payment.

// Call names, as Fault.Call and CallHits take them.
const (
	CallLookups      = "lookups" // in a Fault: every read-only call below (not CallBSSPay)
	CallProducts     = "workspaceapp/products"
	CallZones        = "workspaceapp/availability-zones"
	CallVolumeTypes  = "workspaceapp/volume-types"
	CallServerGroups = "workspaceapp/server-groups"
	CallVPCs         = "vpc/vpcs"
	CallSubnets      = "vpc/subnets"
	CallProjects     = "iam/projects"
	CallDomains      = "iam/domains"
	CallBSSRate      = "bss/rate"
	CallBSSPay       = "bss/pay" // spends money: never part of CallLookups
	// The billing centres' order queries (billing_huawei.go, billing_alibaba.go).
	CallBSSOrders             = "bss/orders"
	CallBSSOrderDetail        = "bss/order-detail"
	CallBSSOpenAPIOrders      = "bssopenapi/orders"
	CallBSSOpenAPIOrderDetail = "bssopenapi/order-detail"
)

var readOnlyCalls = map[string]bool{CallProducts: true, CallZones: true, CallVolumeTypes: true, CallServerGroups: true,
	CallVPCs: true, CallSubnets: true, CallProjects: true, CallDomains: true, CallBSSRate: true,
	CallBSSOrders: true, CallBSSOrderDetail: true, CallBSSOpenAPIOrders: true, CallBSSOpenAPIOrderDetail: true}

// checkCall reports what is wrong with a fault's call name.
func checkCall(f Fault) error {
	if f.Call == "" {
		return nil
	}
	if f.API != "" {
		return fmt.Errorf("api and call exclude each other: a call fault applies to the call wherever it is used")
	}
	if f.Call == CallLookups || f.Call == CallBSSPay || readOnlyCalls[f.Call] {
		return nil
	}
	known := []string{CallLookups, CallBSSPay}
	for c := range readOnlyCalls {
		known = append(known, c)
	}
	sort.Strings(known)
	return fmt.Errorf("unknown call %q: use one of %s", f.Call, strings.Join(known, ", "))
}

// CallHits returns how many requests reached call (answered, rejected or faulted).
func (s *Server) CallHits(call string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[call]
}

// count counts one request that reached an order endpoint (api) or another call.
func (s *Server) count(api API, call string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if api != "" {
		s.hits[api]++
	} else if call != "" {
		s.calls[call]++
	}
}
