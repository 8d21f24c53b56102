package sandbox

import (
	"fmt"
	"io"
	"net/http"
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

// takeCallFault returns the fault for one request to call, using up one of its count.
func (s *Server) takeCallFault(call string) (Fault, bool) {
	s.mu.Lock()
	s.calls[call]++
	s.mu.Unlock()
	return s.take(func(f Fault) bool { return f.Call == call || (f.Call == CallLookups && readOnlyCalls[call]) })
}

// huaweiCall is one Huawei call other than an order: how it is checked and answered.
type huaweiCall struct {
	name     string
	internal apiError // its service's answer to an http500 fault
	// check verifies signature and account for the request (nil = signature only).
	check func(s *Server, r *http.Request, body []byte) *apiError
	// answer returns the status and JSON answer (nil body = no content), or an error answer.
	answer func(s *Server, r *http.Request, body []byte, requestID string) (int, any, *apiError)
}

// serveHuaweiCall reads the body, acts out a fault, checks the request and answers, in the
// order the order endpoints use.
func (s *Server) serveHuaweiCall(w http.ResponseWriter, r *http.Request, c huaweiCall) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		writeHuaweiError(w, apiError{http.StatusBadRequest, "APIGW.0201", "Request body could not be read: " + err.Error()})
		return
	}
	f, faulted := s.takeCallFault(c.name)
	fa := faultAnswers{throttle: huaweiThrottle, internal: c.internal,
		write: func(w http.ResponseWriter, _ *http.Request, e apiError) { writeHuaweiError(w, e) }}
	if faulted && !s.actOut(w, r, f, fa) {
		return
	}
	check := c.check
	if check == nil {
		check = func(s *Server, r *http.Request, body []byte) *apiError { return s.verifyHuawei(r, body) }
	}
	if e := check(s, r, body); e != nil {
		writeHuaweiError(w, *e)
		return
	}
	requestID := newHuaweiRequestID()
	status, v, e := c.answer(s, r, body, requestID)
	if e != nil {
		writeHuaweiError(w, *e)
		return
	}
	w.Header().Set("X-Request-Id", requestID)
	if v == nil {
		w.WriteHeader(status)
		return
	}
	writeJSON(w, status, v)
}
