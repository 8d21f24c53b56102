// Package sandbox is a loopback emulator of the three ordering APIs (Alibaba AIWorkSpace
// CreateProductOrders, Huawei DSC CreateProductOrder, Huawei Workspace App CreateOrder) that the
// REAL SDKs talk to: same methods, paths, status codes and JSON shapes, signatures verified with
// the sandbox's own keys, bodies validated by the flows package, and faults injected on demand
// (docs/design.md, "Sandbox"). Nothing it accepts is bought.
//
// Answers, in the order they are checked:
//
//	Alibaba POST /api/v1/productorders ({"RequestId","HostId","Code","Message","Recommend"}):
//	  400 InvalidVersion (x-acs-version ≠ 2021-02-04) · 404 InvalidAction.NotFound (an
//	  x-acs-action other than CreateProductOrders — none at all is the aliyun CLI's ROA request
//	  and fine — or another /api/ path) · 400 IncompleteSignature (no "acs AK:SIG") ·
//	  404 InvalidAccessKeyId.NotFound · 400 InvalidTimeStamp.Format / InvalidTimeStamp.Expired
//	  (Date ±15 min) · 400 ContentMD5NotMatched · 400 SignatureDoesNotMatch ("… server string to
//	  sign is:<sts>") · 400 InvalidParameter (not JSON, or "Invalid parameter: <path>: <rule>; …")
//	  · 200 {RequestId, OrderId (15 digits), Message "正常", BuyProductRequestId, ProductIds}.
//	Huawei POST /v1/{project_id}/period/order (DSC), …/bundles/subscribe/order (WSA), GET
//	…/product, …/availability-zone, …/volume-type ({"error_code","error_msg"} + X-Request-Id):
//	  400 dsc.40000011 / WKS.00211102 (literal {project_id}) · 401 APIGW.0301 (signature, AK,
//	  X-Sdk-Date ±15 min) · 403 dsc.40300001 / WKS.00081102 (project not the sandbox's) ·
//	  400 dsc.40000011 / WKS.00211102 ("Invalid parameter: <path>: <rule>; …") · 404 APIGW.0101
//	  (unknown path) · 200 {"order_id": "CS" + yyMMddHHmm + 5 random}.
//	Huawei account calls (calls.go; signed and checked the same way, faulted by call name):
//	  GET /v1/{project_id}/vpcs, …/subnets?vpc_id=, …/app-server-groups (network.go);
//	  GET /v3/auth/projects, /v3/auth/domains (iam.go); POST /v2/bills/ratings/period-resources/
//	  subscribe-rate and /v3/orders/customer-orders/pay, which need X-Domain-Id (bss.go:
//	  400 CBC.0100 "Invalid parameter: <path>: <rule>", 500 CBC.5000, pay 204).
//	GET /_sandbox/health answers {"status":"ok","service":"cloudorder-sandbox"} (health.go).
//	Faults (acted out once the request passed the signature and project checks, before the body
//	  rules; a request that fails those checks leaves the fault in place): throttle → Alibaba 400 Throttling.User,
//	  Huawei 429 APIGW.0308; http500 → Alibaba 500 InternalError, DSC 500 dsc.50000001,
//	  WSA 500 WKS.00211401; reset and hang never answer.
package sandbox

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"cloudorder/flows"
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
}

// Order is one order the sandbox accepted.
type Order struct {
	API       flows.APIID     `json:"api"`
	OrderID   string          `json:"order_id"`
	RequestID string          `json:"request_id"`
	Body      json.RawMessage `json:"body"`
	At        time.Time       `json:"at"`
	ProjectID string          `json:"project_id,omitempty"` // Huawei only
}

// Server is the emulator. Use Handler with any http.Server, or Start/Close for its own listener.
type Server struct {
	now func() time.Time

	mu     sync.Mutex
	orders []Order
	hits   map[flows.APIID]int
	calls  map[string]int // look-ups, price inquiries and payments by call name (calls.go)
	paid   []Payment      // orders paid through BSS PayOrders (bss.go)
	faults []Fault
	closed bool

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
	return &Server{now: now, hits: map[flows.APIID]int{}, calls: map[string]int{}, done: make(chan struct{})}
}

// Orders returns the accepted orders, oldest first.
func (s *Server) Orders() []Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Order{}, s.orders...)
}

// Hits returns how many POSTs reached api's order endpoint (accepted, rejected or faulted):
// tests use it to prove an order was sent exactly once.
func (s *Server) Hits(api flows.APIID) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[api]
}

func (s *Server) hit(api flows.APIID) {
	s.mu.Lock()
	s.hits[api]++
	s.mu.Unlock()
}

func (s *Server) record(o Order) {
	s.mu.Lock()
	s.orders = append(s.orders, o)
	s.mu.Unlock()
}
