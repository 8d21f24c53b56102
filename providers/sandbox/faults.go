package sandbox

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// Fault kinds.
const (
	FaultLatency  = "latency"  // delay, then the normal answer
	FaultHTTP500  = "http500"  // the cloud's internal-error answer
	FaultThrottle = "throttle" // Alibaba 400 Throttling.User; Huawei 429 APIGW.0308
	FaultReset    = "reset"    // read the request, then drop the connection without answering
	FaultHang     = "hang"     // never answer until the client gives up or the server closes
	// FaultResetAfterPlacing places the order (recorded, in the order book), then drops the
	// connection before the answer (orderbook.go): the client cannot know it was placed.
	FaultResetAfterPlacing = "reset-after-placing"
)

// Fault makes order endpoints misbehave so tests can prove no order is sent twice and every
// failure reads clearly. A faulted request is counted by Hits but never recorded as an order
// (latency excepted: it ends in the normal answer).
type Fault struct {
	Kind  string        `json:"kind"`
	API   API           `json:"api,omitempty"`   // "" = every order endpoint
	Delay time.Duration `json:"delay,omitempty"` // for latency
	Count int           `json:"count,omitempty"` // how many requests it affects; 0 = until cleared
	// Call is "" for the order endpoints, else a look-up, price inquiry or payment call
	// (CallBSSRate, CallVPCs, …, or CallLookups for every read-only call): see calls.go.
	Call string `json:"call,omitempty"`
}

// UnmarshalJSON accepts delay as nanoseconds (a number) or a Go duration string like "2s".
func (f *Fault) UnmarshalJSON(data []byte) error {
	type plain Fault
	var v struct {
		plain
		Delay json.RawMessage `json:"delay,omitempty"`
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields() // a typo in a test's fault must not silently do nothing
	if err := dec.Decode(&v); err != nil {
		return err
	}
	*f = Fault(v.plain)
	if len(v.Delay) == 0 || string(v.Delay) == "null" {
		return nil
	}
	var s string
	if json.Unmarshal(v.Delay, &s) == nil {
		d, err := time.ParseDuration(s)
		if err != nil {
			return fmt.Errorf("delay: %w", err)
		}
		f.Delay = d
		return nil
	}
	var ns int64
	if err := json.Unmarshal(v.Delay, &ns); err != nil {
		return fmt.Errorf("delay: want nanoseconds or a duration string like \"2s\"")
	}
	f.Delay = time.Duration(ns)
	return nil
}

// check reports what is wrong with a fault received over HTTP.
func (f Fault) check() error {
	switch f.Kind {
	case FaultLatency:
		if f.Delay <= 0 {
			return fmt.Errorf("latency needs a positive delay")
		}
	case FaultHTTP500, FaultThrottle, FaultReset, FaultHang:
	case FaultResetAfterPlacing:
		if f.Call != "" {
			return fmt.Errorf("reset-after-placing applies to order endpoints only, not to call %q", f.Call)
		}
	default:
		return fmt.Errorf("unknown kind %q: use latency, http500, throttle, reset, hang or reset-after-placing", f.Kind)
	}
	if f.API != "" && !emulated(f.API) {
		return fmt.Errorf("unknown api %q", f.API)
	}
	if f.Count < 0 {
		return fmt.Errorf("count must not be negative")
	}
	return checkCall(f)
}

// SetFault adds a fault; the first matching fault applies to each order request.
func (s *Server) SetFault(f Fault) {
	s.mu.Lock()
	s.faults = append(s.faults, f)
	s.mu.Unlock()
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	s.faults = nil
	s.mu.Unlock()
}

func (s *Server) faultList() []Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Fault{}, s.faults...)
}

// take returns the first fault that applies, using up one of its count (0 = until cleared).
func (s *Server) take(applies func(Fault) bool) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if !applies(f) {
			continue
		}
		if f.Count > 0 {
			s.faults[i].Count--
			if s.faults[i].Count == 0 {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
			}
		}
		return f, true
	}
	return Fault{}, false
}

// faultAnswers are one API's answers to the faults that produce an HTTP response.
type faultAnswers struct {
	throttle, internal apiError
	write              func(w http.ResponseWriter, r *http.Request, e apiError)
}

// applyFault acts out the fault set for an authenticated request to api's order endpoint or
// to call, using up one of its count. It reports whether the request should go on to its
// normal answer.
func (s *Server) applyFault(w http.ResponseWriter, r *http.Request, api API, call string, fa faultAnswers) bool {
	f, ok := s.take(func(f Fault) bool {
		if api != "" {
			return f.Call == "" && (f.API == "" || f.API == api)
		}
		return call != "" && (f.Call == call || (f.Call == CallLookups && readOnlyCalls[call]))
	})
	if !ok {
		return true
	}
	return s.actOut(w, r, f, fa)
}

// actOut acts out fault f; it reports whether the request should go on to its normal answer.
func (s *Server) actOut(w http.ResponseWriter, r *http.Request, f Fault, fa faultAnswers) bool {
	switch f.Kind {
	case FaultLatency:
		select {
		case <-time.After(f.Delay):
			return true
		case <-r.Context().Done():
		case <-s.done:
		}
		drop(w) // the client gave up or the sandbox is closing: no answer at all
	case FaultHTTP500:
		fa.write(w, r, fa.internal)
	case FaultThrottle:
		fa.write(w, r, fa.throttle)
	case FaultReset:
		drop(w)
	case FaultResetAfterPlacing:
		markResetAfterPlacing(r) // the order handler places it, then drops the connection
		return true
	case FaultHang:
		select {
		case <-r.Context().Done():
		case <-s.done:
		}
		drop(w)
	default:
		return true // unknown kinds (set from Go) do nothing
	}
	return false
}

// drop closes the connection without an answer; with linger 0 the client sees a TCP reset.
// Returning from the handler instead would make net/http send an empty 200.
func drop(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler) // net/http aborts the connection or stream quietly
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}
