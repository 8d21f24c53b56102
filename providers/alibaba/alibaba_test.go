package alibaba

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/providertest"
	"cloudorder/providers/sandbox"
)

const body = `{"AutoPay":true,"Products":[{"AutoRenew":false,"ProductCode":"PAI_share","ChargeType":"POSTPAY","OrderType":"BUY","PricingCycle":"Hour","Duration":1}]}`

func key(secret string) func() (config.AlibabaCredential, error) {
	return func() (config.AlibabaCredential, error) {
		return config.AlibabaCredential{AccessKeyID: sandbox.AlibabaAccessKeyID, AccessKeySecret: config.NewSecret(secret), Source: "test"}, nil
	}
}

func newSandbox(t *testing.T, secret string) (*sandbox.Server, *Provider) {
	t.Helper()
	s, ep := providertest.Sandbox(t)
	return s, New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, Credential: key(secret)})
}

var order = flows.Order{API: flows.AlibabaPAI, Region: "cn-hangzhou", Body: []byte(body)}

func TestSubmitSendsTheBodyAsJSON(t *testing.T) {
	s, p := newSandbox(t, sandbox.AlibabaAccessKeySecret)
	res, err := p.Submit(context.Background(), order)
	if err != nil {
		t.Fatal(err)
	}
	got := s.Orders()
	if len(got) != 1 || string(got[0].Body) != body {
		t.Fatalf("sandbox got %+v", got)
	}
	if res.OrderID != got[0].OrderID || res.RequestID != got[0].RequestID || res.Response["Message"] == "" {
		t.Errorf("result %+v", res)
	}
	if _, ok := res.Response["ProductIds"].([]string); !ok {
		t.Errorf("ProductIds = %#v", res.Response["ProductIds"])
	}
}

func TestWrongSecretIsRejectedWithTheSDKError(t *testing.T) {
	s, p := newSandbox(t, "WrongSecret000000000000000000000")
	_, err := p.Submit(context.Background(), order)
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.Rejected || pe.Code == "" || pe.RequestID == "" || pe.Unwrap() == nil {
		t.Fatalf("err = %#v", err)
	}
	if s.Hits(sandbox.PAIOrders) != 1 {
		t.Error("want exactly one request")
	}
}

func TestServerErrorIsUnknownAndNotRetried(t *testing.T) {
	s, p := newSandbox(t, sandbox.AlibabaAccessKeySecret)
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500})
	_, err := p.Submit(context.Background(), order)
	if providers.KindOf(err) != providers.Unknown || s.Hits(sandbox.PAIOrders) != 1 {
		t.Fatalf("err = %v, hits %d", err, s.Hits(sandbox.PAIOrders))
	}
}

func TestCancelledContextAbortsTheWait(t *testing.T) {
	s, p := newSandbox(t, sandbox.AlibabaAccessKeySecret)
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHang})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := p.Submit(ctx, order)
	if providers.KindOf(err) != providers.Unknown || time.Since(start) > 3*time.Second {
		t.Fatalf("err = %v after %v", err, time.Since(start))
	}
}

func TestMissingCredentialIsInvalid(t *testing.T) {
	p := New(Options{APIs: testAPIs, Credential: func() (config.AlibabaCredential, error) {
		return config.AlibabaCredential{}, &config.MissingError{Cloud: "Alibaba Cloud", Set: []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"}}
	}})
	_, err := p.Submit(context.Background(), order)
	if providers.KindOf(err) != providers.Invalid || !strings.Contains(err.Error(), "ALIBABA_CLOUD_ACCESS_KEY_ID") {
		t.Fatalf("err = %v", err)
	}
	if tg := p.Target(flows.AlibabaPAI, "cn-hangzhou"); tg.Credential != "missing: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET" {
		t.Errorf("target %+v", tg)
	}
}

// Real endpoints are always HTTPS on aiworkspace.<region>.aliyuncs.com; the port is never part
// of Domain; plain http only for a loopback override.
func TestRoute(t *testing.T) {
	for _, tc := range []struct {
		override                   string
		scheme, domain, port, want string
	}{
		{"", "HTTPS", "aiworkspace.cn-shanghai.aliyuncs.com", "443", "https://aiworkspace.cn-shanghai.aliyuncs.com"},
		{"https://example.com:8443", "HTTPS", "example.com", "8443", "https://example.com:8443"},
		{"http://127.0.0.1:8790", "HTTP", "127.0.0.1", "8790", "http://127.0.0.1:8790"},
		{"http://[::1]:8790", "HTTP", "[::1]", "8790", "http://[::1]:8790"},
	} {
		opts := Options{APIs: testAPIs, Credential: key("x")}
		if tc.override != "" {
			ep, err := config.ParseEndpoint(tc.override)
			if err != nil {
				t.Fatal(err)
			}
			opts.Endpoint = &ep
		}
		p := New(opts)
		req := NewCreateProductOrdersRequest([]byte(body))
		ep, _ := p.endpoint(flows.AlibabaPAI, "cn-shanghai")
		roa(req, req.RoaRequest).route(parts(ep))
		if req.Scheme != tc.scheme || req.Domain != tc.domain || req.Port != tc.port {
			t.Errorf("%q: scheme %s domain %s port %s", tc.override, req.Scheme, req.Domain, req.Port)
		}
		if got := p.Target(flows.AlibabaPAI, "cn-shanghai").Endpoint; got != tc.want {
			t.Errorf("%q: target endpoint %s, want %s", tc.override, got, tc.want)
		}
	}
}

// Endpoints follow the official SDKs' endpoint map: the regions the order form offers have
// their own host, the map's central regions go to aiworkspace.aliyuncs.com, and ap-southeast-5
// uses its public host rather than the map's VPC-only one.
func TestEndpointFollowsTheSDKMap(t *testing.T) {
	p := New(Options{APIs: testAPIs, Credential: key("x")})
	for region, want := range map[string]string{
		"cn-hangzhou":           "https://aiworkspace.cn-hangzhou.aliyuncs.com",
		"cn-shanghai-finance-1": "https://aiworkspace.cn-shanghai-finance-1.aliyuncs.com",
		"ap-southeast-5":        "https://aiworkspace.ap-southeast-5.aliyuncs.com",
		"na-south-1":            "https://aiworkspace.na-south-1.aliyuncs.com",
		"cn-qingdao":            "https://aiworkspace.aliyuncs.com",
		"eu-west-1":             "https://aiworkspace.aliyuncs.com",
		"me-east-1":             "https://aiworkspace.aliyuncs.com",
	} {
		if got := p.Target(flows.AlibabaPAI, region).Endpoint; got != want {
			t.Errorf("%s: %s, want %s", region, got, want)
		}
	}
	regions := flows.PAI.FieldAt("region").Options
	if len(regions) < 20 {
		t.Fatalf("the order form offers %d regions", len(regions))
	}
	for _, o := range regions {
		if got := host(o.Value); got != "aiworkspace."+o.Value+".aliyuncs.com" {
			t.Errorf("offered region %s resolves to %s, not its own endpoint", o.Value, got)
		}
	}
}

// The _share products are pay-as-you-go: the quote says so and never shows a figure.
func TestQuoteIsHonest(t *testing.T) {
	p := New(Options{APIs: testAPIs, Credential: key(sandbox.AlibabaAccessKeySecret)})
	q, err := p.Quote(context.Background(), flows.Order{API: flows.AlibabaPAI, Region: "cn-hangzhou",
		Body: []byte(`{"AutoPay":true,"Products":[{"ProductCode":"DataWorks_share","ChargeType":"POSTPAY"},{"ProductCode":"OSS_share","ChargeType":"POSTPAY"}]}`)})
	if err != nil || q.Priced || q.Total != "" || q.Note != providers.NoUpfrontPrice {
		t.Fatalf("quote %+v, %v", q, err)
	}
	q, err = p.Quote(context.Background(), flows.Order{API: flows.AlibabaPAI, Body: []byte(`{"Products":[{"ChargeType":"PREPAY"}]}`)})
	if err != nil || q.Priced || q.Note != providers.NoPriceInquiry {
		t.Fatalf("prepaid quote %+v, %v", q, err)
	}
}

// The server's SignatureDoesNotMatch message echoes the string it signed, which holds the
// x-acs-security-token header: the STS token must not reach the error's text.
// An API without a price inquiry (no quote in its Spec) is priced as a value saying so, not a
// nil call: the review opens; an API the provider was not made with is refused as Invalid.
func TestQuoteOfAnAPIWithoutPriceInquiryIsANote(t *testing.T) {
	const api flows.APIID = "alibaba/test/NoQuote"
	p := New(Options{Credential: key("x"), APIs: map[flows.APIID]API{api: {Spec: Spec{host: host, submit: submitPAI}}}})
	q, err := p.Quote(context.Background(), flows.Order{API: api, Region: "cn-hangzhou", Body: []byte(`{}`)})
	if err != nil || q.Note != providers.NoPriceInquiry || q.Priced || q.Total != "" {
		t.Fatalf("Quote = %+v, %v; want the no-price-inquiry note, unpriced", q, err)
	}
	_, err = p.Quote(context.Background(), flows.Order{API: flows.AlibabaPAI, Region: "cn-hangzhou", Body: []byte(`{}`)})
	var e *providers.Error
	if !errors.As(err, &e) || e.Kind != providers.Invalid {
		t.Fatalf("Quote of an API the provider was not made with = %v, want Invalid", err)
	}
}

func TestSignatureMismatchDoesNotEchoTheSecurityToken(t *testing.T) {
	const token = "LeakStsTokenInStringToSign000000"
	s, p := newSandbox(t, "WrongSecret000000000000000000000")
	p.opts.Credential = func() (config.AlibabaCredential, error) {
		return config.AlibabaCredential{AccessKeyID: sandbox.AlibabaAccessKeyID, AccessKeySecret: config.NewSecret("WrongSecret000000000000000000000"),
			SecurityToken: config.NewSecret(token), Source: "test"}, nil
	}
	_, err := p.Submit(context.Background(), order)
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Code != "SignatureDoesNotMatch" || s.Hits(sandbox.PAIOrders) != 1 {
		t.Fatalf("err = %v", err)
	}
	for _, text := range []string{err.Error(), pe.Message, pe.Err.Error()} {
		if strings.Contains(text, token) {
			t.Errorf("the security token is in %q", text)
		}
	}
	if !strings.Contains(pe.Message, "left out") {
		t.Errorf("message %q should say the string to sign was left out", pe.Message)
	}
}

// A 2xx answer without an OrderId is not a success: the order may exist, its id is unknown.
func TestAnswerWithoutOrderIDIsUnknown(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"RequestId":"R-1","Message":"ok"}`))
	}))
	defer srv.Close()
	ep, err := config.ParseEndpoint(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, Credential: key(sandbox.AlibabaAccessKeySecret)})
	_, err = p.Submit(context.Background(), order)
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.Unknown || pe.RequestID != "R-1" {
		t.Fatalf("err = %#v, want Unknown with the request id", err)
	}
}

// testAPIs is the provider's table as package catalog composes it (catalog/alibaba_pai.go).
var testAPIs = map[flows.APIID]API{flows.AlibabaPAI: {Spec: PAI,
	CLI: providers.CLI{Tool: "aliyun", Service: "aiworkspace", Operation: "CreateProductOrders", Preview: "--cli-dry-run"}}}
