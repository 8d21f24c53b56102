package huawei

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/providertest"
	"cloudorder/providers/sandbox"
)

// newSandbox starts the emulator and a provider pointed at it with the sandbox keys.
func newSandbox(t *testing.T) (*sandbox.Server, *Provider) {
	t.Helper()
	s, ep := providertest.Sandbox(t)
	p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, UserAgent: "cloudorder/test",
		Credential: func() (config.HuaweiCredential, error) {
			return config.HuaweiCredential{AK: sandbox.HuaweiAK, SK: config.NewSecret(sandbox.HuaweiSK), Source: "test"}, nil
		}})
	return s, p
}

func loadOrder(t *testing.T, name string) flows.Order {
	t.Helper()
	data, err := os.ReadFile("../../testdata/orders/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var o flows.Order
	if err := decodeStrict(data, &o); err != nil {
		t.Fatal(err)
	}
	return o
}

// A key the SDK model does not know would be dropped silently: it is refused, nothing sent.
func TestUnknownBodyFieldIsRefused(t *testing.T) {
	s, p := newSandbox(t)
	for _, name := range []string{"huawei-dsc.json", "huawei-workspaceapp.json"} {
		o := loadOrder(t, name)
		o.Body = []byte(strings.Replace(string(o.CompactBody()), "{", `{"discount_code":"X",`, 1))
		_, err := p.Submit(context.Background(), o)
		if providers.KindOf(err) != providers.Invalid || !strings.Contains(err.Error(), "discount_code") {
			t.Errorf("%s: err = %v; want Invalid naming the unknown field", name, err)
		}
	}
	if s.Hits(sandbox.DSCOrders)+s.Hits(sandbox.WorkspaceAppOrders) != 0 {
		t.Fatal("a refused body reached the API")
	}
}

// Fields the SDK always writes (non-pointer, no omitempty) would add values the person never
// saw; wrong JSON types would be coerced. Both are refused before sending.
func TestBodyTheSDKWouldChangeIsRefused(t *testing.T) {
	_, p := newSandbox(t)
	o := loadOrder(t, "huawei-dsc.json")
	o.Body = []byte(strings.Replace(string(o.CompactBody()), `"resource_size":30,`, "", 1))
	if _, err := p.Submit(context.Background(), o); providers.KindOf(err) != providers.Invalid || !strings.Contains(err.Error(), "resource_size") {
		t.Errorf("missing resource_size: %v", err)
	}
	w := loadOrder(t, "huawei-workspaceapp.json")
	w.Body = []byte(strings.Replace(string(w.CompactBody()), `"update_access_agent":true`, `"update_access_agent":"true"`, 1))
	if _, err := p.Submit(context.Background(), w); providers.KindOf(err) != providers.Invalid {
		t.Errorf("string for a boolean: %v", err)
	}
}

func TestSameJSON(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{`{"a":1,"b":[1,2]}`, "{\"b\":[1,2],\n\"a\":1.0}", true},
		{`{"a":1}`, `{"a":2}`, false},
		{`{"a":1}`, `{"a":1,"b":null}`, false},
		{`{"a":"1"}`, `{"a":1}`, false},
		{`[1,2]`, `[2,1]`, false},
	} {
		if _, same := SameJSON([]byte(tc.a), []byte(tc.b)); same != tc.same {
			t.Errorf("SameJSON(%s, %s) = %v", tc.a, tc.b, same)
		}
	}
}

func TestProjectIDIsRequired(t *testing.T) {
	s, p := newSandbox(t)
	o := loadOrder(t, "huawei-dsc.json")
	o.ProjectID = ""
	if _, err := p.Submit(context.Background(), o); providers.KindOf(err) != providers.Invalid {
		t.Fatalf("err = %v, want Invalid", err)
	}
	if s.Hits(sandbox.DSCOrders) != 0 {
		t.Fatal("sent without a project id")
	}
}

func TestSubmitSurfacesOrderAndRequestID(t *testing.T) {
	s, p := newSandbox(t)
	res, err := p.Submit(context.Background(), loadOrder(t, "huawei-dsc.json"))
	if err != nil {
		t.Fatal(err)
	}
	got := s.Orders()
	if len(got) != 1 || res.OrderID != got[0].OrderID || res.RequestID != got[0].RequestID || got[0].ProjectID != sandbox.ProjectID {
		t.Fatalf("result %+v, sandbox %+v", res, got)
	}
}

func TestRejectionKeepsTheSDKError(t *testing.T) {
	s, p := newSandbox(t)
	o := loadOrder(t, "huawei-workspaceapp.json")
	o.ProjectID = "ffffffffffffffffffffffffffffffff" // not the sandbox account's project
	_, err := p.Submit(context.Background(), o)
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.Rejected || pe.HTTPStatus != 403 || pe.Code == "" || pe.RequestID == "" {
		t.Fatalf("err = %#v", err)
	}
	if pe.Unwrap() == nil {
		t.Error("the SDK error must stay wrapped")
	}
	if s.Hits(sandbox.WorkspaceAppOrders) != 1 {
		t.Error("want exactly one request")
	}
}

func TestLookups(t *testing.T) {
	_, p := newSandbox(t)
	q := providers.LookupQuery{API: flows.HuaweiWorkspaceApp, Region: "cn-north-4", ProjectID: sandbox.ProjectID}
	q.Name = LookupProducts
	products, err := p.Lookup(context.Background(), q)
	if err != nil || len(products) == 0 {
		t.Fatalf("products: %v, %v", products, err)
	}
	found := false
	for _, o := range products {
		if o.Value == "workspace.appstream.general.xlarge.4" {
			found = true
			if o.Label.EN != "workspace.appstream.general.xlarge.4 · 4 vCPU 16 GB" || o.Help.EN == "" {
				t.Errorf("option = %+v", o)
			}
		}
	}
	if !found {
		t.Errorf("products = %+v", products)
	}
	q.Name = LookupAvailabilityZones
	zones, err := p.Lookup(context.Background(), q)
	if err != nil || len(zones) == 0 || zones[0].Value != "cn-north-4a" || zones[0].Label.EN != "AZ1" || zones[0].Label.ZH != "可用区1" {
		t.Fatalf("zones: %+v, %v", zones, err)
	}
	q.Name = "workspaceapp/nothing"
	if _, err := p.Lookup(context.Background(), q); providers.KindOf(err) != providers.Invalid {
		t.Errorf("unknown look-up: %v", err)
	}
}

func TestTargetFromRegionTables(t *testing.T) {
	p := New(Options{APIs: testAPIs, Mode: providers.Live, Credential: func() (config.HuaweiCredential, error) {
		return config.HuaweiCredential{}, &config.MissingError{Set: []string{"HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK"}}
	}})
	if got := p.Target(flows.HuaweiDSC, "cn-north-4"); got.Endpoint != "https://sdg.cn-north-4.myhuaweicloud.com" || got.Credential != "missing: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK" || got.MaskedKey != "" {
		t.Errorf("DSC target = %+v", got)
	}
	if got := p.Target(flows.HuaweiWorkspaceApp, "cn-north-4"); got.Endpoint != "https://appstream.cn-north-4.myhuaweicloud.com" {
		t.Errorf("Workspace App target = %+v", got)
	}
}

// A gateway that echoes the signed request in its error (as Alibaba's SignatureDoesNotMatch
// does) must not carry the security token or secret key into the error's text: that text is
// printed and journaled.
func TestEchoedSecretsAreScrubbed(t *testing.T) {
	const token = "LeakHuaweiTokenEchoed0000000000"
	const sk = "LeakHuaweiSecretKeyEchoed000000000000000"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req-1")
		w.WriteHeader(http.StatusUnauthorized)
		_ = json.NewEncoder(w).Encode(map[string]string{"error_code": "APIGW.0301", "request_id": "req-1",
			"error_msg": "Incorrect IAM authentication information: canonical request x-security-token:" + r.Header.Get("X-Security-Token") + " sk " + sk})
	}))
	defer srv.Close()
	ep, err := config.ParseEndpoint(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	p := New(Options{APIs: testAPIs, Mode: providers.LocalEndpoint, Endpoint: &ep, Timeout: 5 * time.Second, UserAgent: "cloudorder/test",
		Credential: func() (config.HuaweiCredential, error) {
			return config.HuaweiCredential{AK: sandbox.HuaweiAK, SK: config.NewSecret(sk), SecurityToken: config.NewSecret(token), Source: "test"}, nil
		}})
	_, err = p.Submit(context.Background(), loadOrder(t, "huawei-dsc.json"))
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.Rejected || pe.Code != "APIGW.0301" || !strings.Contains(pe.Message, "x-security-token:****") {
		t.Fatalf("err = %v (the answer should be a rejection quoting the scrubbed token)", err)
	}
	for _, text := range []string{err.Error(), pe.Message, pe.Err.Error()} {
		if strings.Contains(text, token) || strings.Contains(text, sk) {
			t.Errorf("a secret is in %q", text)
		}
	}
}

// testAPIs is the provider's table as package catalog composes it (catalog/huawei_*.go).
var testAPIs = map[flows.APIID]API{
	flows.HuaweiDSC:          {Spec: DSC, CLI: providers.CLI{Tool: "hcloud", Service: "DSC", Operation: "CreateProductOrder"}},
	flows.HuaweiWorkspaceApp: {Spec: WorkspaceApp, CLI: providers.CLI{Tool: "hcloud", Service: "WorkspaceApp", Operation: "CreateOrder"}},
}
