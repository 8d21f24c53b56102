package alibaba

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/sandbox"
)

// GetOrderDetail and QueryOrders through services/bssopenapi's models and the SDK's RPC
// signer, against the sandbox's order book (which checks the RPC signature).

var unpaidOrder = flows.Order{API: flows.AlibabaPAI, Region: "cn-hangzhou", Body: []byte(strings.Replace(body, `"AutoPay":true`, `"AutoPay":false`, 1))}

func TestGetOrderDetailOfAPlacedOrder(t *testing.T) {
	_, p := newSandbox(t, sandbox.AlibabaAccessKeySecret)
	ctx := context.Background()
	for _, o := range []flows.Order{order, unpaidOrder} {
		res, err := p.Submit(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.OrderDetail(ctx, flows.AlibabaPAI, "cn-hangzhou", res.OrderID)
		if err != nil {
			t.Fatal(err)
		}
		want := providers.StateCompleted
		if o.Body[11] == 'f' { // "AutoPay":false
			want = providers.StatePendingPayment
		}
		if got.OrderID != res.OrderID || got.State != want || !got.New || got.Created.IsZero() || len(got.Lines) != 1 ||
			got.Lines[0].ProductCode != "PAI_share" || got.Lines[0].SubscriptionType != "PayAsYouGo" {
			t.Fatalf("%s: detail = %+v", o.Body, got)
		}
	}
}

// recording serves the sandbox behind a recorder of each request's parameters.
func recording(t *testing.T) (*sandbox.Server, *Provider, func() []url.Values) {
	t.Helper()
	s := sandbox.New(sandbox.Options{})
	var mu sync.Mutex
	var seen []url.Values
	h := s.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(b))
		if r.URL.Path == "/" {
			v := r.URL.Query()
			v.Set("_method", r.Method)
			mu.Lock()
			seen = append(seen, v)
			mu.Unlock()
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { srv.Close(); _ = s.Close() })
	ep, _ := config.ParseEndpoint(srv.URL)
	p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, Credential: key(sandbox.AlibabaAccessKeySecret)})
	return s, p, func() []url.Values { mu.Lock(); defer mu.Unlock(); return append([]url.Values(nil), seen...) }
}

func TestQueryOrdersByWindow(t *testing.T) {
	s, p, seen := recording(t)
	ctx := context.Background()
	before := time.Now().Add(-2 * time.Second).Truncate(time.Second)
	res, err := p.Submit(ctx, order)
	if err != nil {
		t.Fatal(err)
	}
	q := providers.OrderQuery{API: flows.AlibabaPAI, Region: "cn-hangzhou", From: before, To: time.Now().Add(2 * time.Second)}
	got, err := p.ListOrders(ctx, q)
	if err != nil || len(got) != 1 || got[0].OrderID != res.OrderID {
		t.Fatalf("list = %+v, %v", got, err)
	}
	q.From, q.To = before.Add(-time.Hour), before.Add(-30*time.Minute)
	if got, err := p.ListOrders(ctx, q); err != nil || len(got) != 0 {
		t.Fatalf("earlier window = %+v, %v", got, err)
	}
	reqs := seen()
	if len(reqs) != 2 {
		t.Fatalf("requests = %v", reqs)
	}
	r := reqs[0]
	if r.Get("_method") != "POST" || r.Get("Action") != "QueryOrders" || r.Get("Version") != "2017-12-14" ||
		r.Get("SignatureMethod") != "HMAC-SHA1" || r.Get("Signature") == "" || r.Get("AccessKeyId") != sandbox.AlibabaAccessKeyID ||
		r.Get("CreateTimeStart") != before.UTC().Format("2006-01-02T15:04:05Z") || r.Get("PageSize") != "100" || r.Get("PageNum") != "1" {
		t.Errorf("QueryOrders request = %v", r)
	}
	if s.CallHits(sandbox.CallBSSOpenAPIOrders) != 2 {
		t.Errorf("hits = %d", s.CallHits(sandbox.CallBSSOpenAPIOrders))
	}
}

func TestBillingErrorsAreClassified(t *testing.T) {
	s, p := newSandbox(t, sandbox.AlibabaAccessKeySecret)
	ctx := context.Background()
	_, err := p.OrderDetail(ctx, flows.AlibabaPAI, "cn-hangzhou", "200000000000000")
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.Rejected || pe.Code != "InvalidParameter" || pe.RequestID == "" {
		t.Fatalf("unknown order: %#v", err)
	}
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500, Call: sandbox.CallBSSOpenAPIOrderDetail, Count: 1})
	_, err = p.OrderDetail(ctx, flows.AlibabaPAI, "cn-hangzhou", "200000000000000")
	if providers.KindOf(err) != providers.Unknown {
		t.Fatalf("500: %v", err)
	}
	_, bad := newSandbox(t, "WrongSecret000000000000000000000")
	_, err = bad.ListOrders(ctx, providers.OrderQuery{API: flows.AlibabaPAI, Region: "cn-hangzhou", From: time.Now().Add(-time.Hour), To: time.Now()})
	if !errors.As(err, &pe) || pe.Kind != providers.Rejected || pe.Code != "SignatureDoesNotMatch" || strings.Contains(pe.Message, "string to sign is:") {
		t.Fatalf("wrong secret: %#v", err)
	}
}

func TestBSSHostFromTheSDKEndpointMap(t *testing.T) {
	if bssHost("cn-hangzhou") != "business.aliyuncs.com" || bssHost("ap-southeast-1") != "business.ap-southeast-1.aliyuncs.com" {
		t.Errorf("hosts: %s, %s", bssHost("cn-hangzhou"), bssHost("ap-southeast-1"))
	}
	p := New(Options{APIs: testAPIs, Credential: key("x")})
	ep, err := p.bssEndpoint("cn-hangzhou")
	if err != nil || ep.String() != "https://business.aliyuncs.com" {
		t.Errorf("endpoint = %v, %v", ep, err)
	}
}

func TestPAIFacts(t *testing.T) {
	p := New(Options{APIs: testAPIs, Credential: key("x")})
	f, err := p.OrderFacts(order)
	if err != nil || strings.Join(f.ProductCodes, ",") != "PAI_share" || f.SubscriptionType != "PayAsYouGo" {
		t.Fatalf("facts = %+v, %v", f, err)
	}
}
