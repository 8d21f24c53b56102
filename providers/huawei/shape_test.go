package huawei

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/sandbox"
)

// seen is one request as it reached the sandbox.
type seen struct {
	method, path, query, body string
	header                    http.Header
}

// recordingSandbox serves the sandbox behind a recorder of every request the SDK sends.
func recordingSandbox(t *testing.T) (*sandbox.Server, *Provider, func() []seen) {
	t.Helper()
	s := sandbox.New(sandbox.Options{})
	var mu sync.Mutex
	var log []seen
	h := s.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		mu.Lock()
		log = append(log, seen{r.Method, r.URL.Path, r.URL.RawQuery, string(body), r.Header.Clone()})
		mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { srv.Close(); _ = s.Close() })
	ep, err := config.ParseEndpoint(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, UserAgent: "cloudorder/test",
		Credential: func() (config.HuaweiCredential, error) {
			return config.HuaweiCredential{AK: sandbox.HuaweiAK, SK: config.NewSecret(sandbox.HuaweiSK), DomainID: sandbox.DomainID, Source: "test"}, nil
		}})
	return s, p, func() []seen { mu.Lock(); defer mu.Unlock(); return append([]seen(nil), log...) }
}

func signed(t *testing.T, r seen) {
	t.Helper()
	if !strings.HasPrefix(r.header.Get("Authorization"), "SDK-HMAC-SHA256 Access="+sandbox.HuaweiAK+", SignedHeaders=") || r.header.Get("X-Sdk-Date") == "" {
		t.Errorf("%s %s not signed: %v", r.method, r.path, r.header)
	}
}

func TestRequestShapes(t *testing.T) {
	_, p, log := recordingSandbox(t)
	ctx := context.Background()
	in := dscInputs("base_professional", "2")
	if _, err := p.Lookup(ctx, providers.LookupQuery{API: flows.HuaweiDSC, Name: LookupDSCProductID, Region: "cn-north-4", ProjectID: sandbox.ProjectID, Inputs: in}); err != nil {
		t.Fatal(err)
	}
	in["resource_type"], in["resource_spec_code"], in["resource_size"], in["resource_size_measure_id"] = "hws.resource.type.dsc.db", "DB_professional", "3", "30"
	if _, err := p.Lookup(ctx, providers.LookupQuery{API: flows.HuaweiDSC, Name: LookupDSCProductID, Region: "cn-north-4", ProjectID: sandbox.ProjectID, Inputs: in}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Lookup(ctx, wsaQuery(LookupSubnets, map[string]string{"vpc_id": sandbox.VPCWorkspaceID})); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Lookup(ctx, wsaQuery(LookupProjects, nil)); err != nil {
		t.Fatal(err)
	}
	if _, err := p.PayOrder(ctx, providers.Payment{API: flows.HuaweiDSC, Region: "cn-north-4", OrderID: "CS2601010000ABCDE"}); providers.KindOf(err) != providers.Rejected {
		t.Fatalf("paying an unknown order: %v", err) // the sandbox knows no such order; the shape is what counts here
	}
	got := log()
	if len(got) != 5 {
		t.Fatalf("%d requests: %+v", len(got), got)
	}
	for _, r := range got {
		signed(t, r)
	}
	base, pack, subnets, projects, pay := got[0], got[1], got[2], got[3], got[4]
	// The edition is priced without a size (as Terraform does); packages carry size and measure.
	wantBase := `{"project_id":"` + sandbox.ProjectID + `","product_infos":[{"id":"1","cloud_service_type":"hws.service.type.sdg","resource_type":"hws.resource.type.dsc.base","resource_spec":"base_professional","region":"cn-north-4","period_type":2,"period_num":1,"subscription_num":1}]}`
	if base.method != "POST" || base.path != "/v2/bills/ratings/period-resources/subscribe-rate" || strings.TrimSpace(base.body) != wantBase ||
		base.header.Get("X-Domain-Id") != sandbox.DomainID || base.header.Get("X-Project-Id") != "" {
		t.Errorf("price inquiry: %s %s %s\n%v", base.method, base.path, base.body, base.header)
	}
	if !strings.Contains(pack.body, `"resource_spec":"DB_professional","region":"cn-north-4","resource_size":3,"size_measure_id":30,"period_type":2`) {
		t.Errorf("package inquiry body %s", pack.body)
	}
	if subnets.method != "GET" || subnets.path != "/v1/"+sandbox.ProjectID+"/subnets" || subnets.query != "vpc_id="+sandbox.VPCWorkspaceID ||
		subnets.header.Get("X-Project-Id") != sandbox.ProjectID {
		t.Errorf("subnets: %s %s?%s %v", subnets.method, subnets.path, subnets.query, subnets.header)
	}
	if projects.method != "GET" || projects.path != "/v3/auth/projects" || projects.header.Get("X-Project-Id") != "" {
		t.Errorf("projects: %s %s %v", projects.method, projects.path, projects.header)
	}
	if pay.method != "POST" || pay.path != "/v3/orders/customer-orders/pay" ||
		strings.TrimSpace(pay.body) != `{"order_id":"CS2601010000ABCDE","use_coupon":"NO","use_discount":"NO"}` || pay.header.Get("X-Domain-Id") != sandbox.DomainID {
		t.Errorf("pay: %s %s %s %v", pay.method, pay.path, pay.body, pay.header)
	}
}
