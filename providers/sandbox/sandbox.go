// Package sandbox is a loopback emulator of the ordering APIs cloudorder uses (Alibaba
// AIWorkSpace CreateProductOrders, Huawei DSC CreateProductOrder, Huawei Workspace App
// CreateOrder) and the calls around them (look-ups, price inquiry, payment), answering the
// REAL SDKs as the clouds do: same methods, paths, status codes and JSON shapes; signatures
// verified as the clouds document them (alibaba_auth.go, sign_huawei.go) with the sandbox's own
// keys, stale dates and replayed nonces refused; bodies judged by each API's documented rules,
// written from the API references in the API's own file (pai.go, dsc.go, workspaceapp.go) —
// never by cloudorder's own validation — and against the sandbox account (its projects per
// region, catalogue and network) in the order's region. Faults are injected on demand. Nothing
// it accepts is bought. docs/sandbox.md says where it differs from the real clouds.
//
// Layout: routes.go lists every emulated API as a value (emulations); a request style's helper
// (alibaba_roa.go, alibaba_rpc.go, huawei_rest.go) turns an operation's declaration into a route
// and does what the cloud's gateway does (signature, scope, faults, error shape); docrules.go
// checks documented parameters; controls.go serves /_sandbox/ (health, orders, faults).
package sandbox

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

// Publicly documented sandbox credentials (not secrets; the sandbox only accepts these).
const (
	AlibabaAccessKeyID     = "LTAI5tSandbox0000000000"
	AlibabaAccessKeySecret = "SandboxAlibabaSecret000000000000"
	HuaweiAK               = "SANDBOXHUAWEIAK00000"
	HuaweiSK               = "SandboxHuaweiSecretKey0000000000000000000"
	ProjectID              = "0a1b2c3d4e5f60718293a4b5c6d7e8f9" // the sandbox account's project (32 hex)
)

// maxSkew is how far a signed request's date may be from the server's clock, as both clouds'
// gateways document.
const maxSkew = 15 * time.Minute

// Options configure a Server.
type Options struct {
	Now func() time.Time // nil = time.Now; tests shift it to expire signatures
	// State keeps the order book (orders and payments) in this file across processes
	// (state.go); "" keeps it in memory. The in-process sandbox (--sandbox) is given one.
	State string
}

// Order is one order the sandbox accepted.
type Order struct {
	API       API             `json:"api"`
	OrderID   string          `json:"order_id"`
	RequestID string          `json:"request_id"`
	Body      json.RawMessage `json:"body"`
	At        time.Time       `json:"at"`
	ProjectID string          `json:"project_id,omitempty"` // Huawei only
	Region    string          `json:"region,omitempty"`     // the region it was judged in
}

// Server is the emulator. Use Handler with any http.Server, or Start/Close for its own listener.
type Server struct {
	now   func() time.Time
	state string // Options.State (state.go)

	mu     sync.Mutex
	orders []Order
	hits   map[API]int
	calls  map[string]int // look-ups, price inquiries and payments by call name (calls.go)
	paid   []Payment      // orders paid through BSS PayOrders (huawei_price_pay.go)
	faults []Fault
	closed bool

	nonces  nonceBook          // signature nonces seen (alibaba_auth.go)
	billing map[API]*billingOf // each order API's billing centre (orderbook.go)

	inflight sync.WaitGroup // handlers running; Close waits for them so nothing leaks
	done     chan struct{}  // closed by Close: ends hanging and delayed answers
	once     sync.Once

	httpSrv *http.Server
	url     string

	creds credentialState // sts.go: keys the credential services issued
}

// New returns a Server that is not listening yet.
func New(opts Options) *Server {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	s := &Server{now: now, state: opts.State, hits: map[API]int{}, calls: map[string]int{}, done: make(chan struct{}),
		billing: map[API]*billingOf{}}
	for _, e := range emulations() {
		if e.api != "" && e.billing != nil {
			s.billing[e.api] = e.billing
		}
	}
	return s
}

// Orders returns the accepted orders, oldest first.
func (s *Server) Orders() []Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Order{}, s.orders...)
}

// Hits returns how many POSTs reached api's order endpoint (accepted, rejected or faulted):
// tests use it to prove an order was sent exactly once.
func (s *Server) Hits(api API) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[api]
}

// record adds an accepted order to the book (and its state file: an error means it may not
// be there for the next process, and the order is answered as an internal error).
func (s *Server) record(o Order) error {
	return s.syncState(func() bool {
		s.orders = append(s.orders, o)
		return true
	})
}
