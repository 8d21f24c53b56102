package huawei

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/providertest"
	"cloudorder/providers/sandbox"
	"cloudorder/ui/lookups"
)

// The account look-ups, the BSS price inquiry and PayOrders, through the real SDK clients
// against the sandbox (which checks every request's signature).

func wsaQuery(name string, inputs map[string]string) providers.LookupQuery {
	return providers.LookupQuery{API: flows.HuaweiWorkspaceApp, Name: name, Region: "cn-north-4", ProjectID: sandbox.ProjectID, Inputs: inputs}
}

func values(opts []flows.Option) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.Value
	}
	return out
}

func TestProjectsOfTheRegionDefaultFirst(t *testing.T) {
	s, p := newSandbox(t)
	got, err := p.Lookup(context.Background(), providers.LookupQuery{API: flows.HuaweiDSC, Name: LookupProjects, Region: "cn-north-4"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Value != sandbox.ProjectID || got[0].Label.EN != "cn-north-4" ||
		got[1].Value != sandbox.DevProjectID || got[1].Label.EN != "cn-north-4_dev" {
		t.Fatalf("projects = %+v", got)
	}
	other, err := p.Lookup(context.Background(), providers.LookupQuery{API: flows.HuaweiDSC, Name: LookupProjects, Region: "cn-east-3"})
	if err != nil || len(other) != 1 || other[0].Label.EN != "cn-east-3" || len(other[0].Value) != 32 {
		t.Fatalf("cn-east-3 projects = %+v, %v", other, err)
	}
	if s.CallHits(sandbox.CallProjects) != 2 {
		t.Errorf("IAM hits = %d, want 2", s.CallHits(sandbox.CallProjects))
	}
}

func TestServerGroupThenVPCThenSubnet(t *testing.T) {
	_, p := newSandbox(t)
	ctx := context.Background()
	groups, err := p.Lookup(ctx, wsaQuery(LookupServerGroups, nil))
	if err != nil || len(groups) != 3 || groups[0].Value != sandbox.ServerGroupOfficeID ||
		groups[0].Label.EN != "office-apps · workspace.appstream.general.xlarge.4 · subnet-apps" {
		t.Fatalf("server groups = %+v, %v", groups, err)
	}
	// The design group sits in subnet-desktops of vpc-workspace: both become the defaults.
	vpcs, err := p.Lookup(ctx, wsaQuery(LookupVPCs, map[string]string{"server_group_id": sandbox.ServerGroupDesignID}))
	if err != nil || len(vpcs) != 3 || vpcs[0].Value != sandbox.VPCWorkspaceID || vpcs[0].Label.EN != "vpc-workspace · 10.0.0.0/16" {
		t.Fatalf("vpcs = %+v, %v", vpcs, err)
	}
	subnets, err := p.Lookup(ctx, wsaQuery(LookupSubnets, map[string]string{"vpc_id": sandbox.VPCWorkspaceID, "server_group_id": sandbox.ServerGroupDesignID}))
	if err != nil || strings.Join(values(subnets), ",") != sandbox.SubnetDesktopsID+","+sandbox.SubnetAppsID ||
		subnets[0].Label.EN != "subnet-desktops · 10.0.2.0/24 · cn-north-4b" {
		t.Fatalf("subnets = %+v, %v", subnets, err)
	}
	// The list follows the VPC.
	other, err := p.Lookup(ctx, wsaQuery(LookupSubnets, map[string]string{"vpc_id": sandbox.VPCDefaultID}))
	if err != nil || strings.Join(values(other), ",") != sandbox.SubnetDefaultID {
		t.Fatalf("subnets of vpc-default = %+v, %v", other, err)
	}
}

func TestSubnetsNeedTheVPCFirst(t *testing.T) {
	s, p := newSandbox(t)
	_, err := p.Lookup(context.Background(), wsaQuery(LookupSubnets, nil))
	if providers.KindOf(err) != providers.Invalid || !strings.Contains(err.Error(), "VPC first") {
		t.Fatalf("err = %v", err)
	}
	if s.CallHits(sandbox.CallSubnets) != 0 {
		t.Error("asked without a VPC")
	}
}

func dscInputs(spec, periodType string) map[string]string {
	return map[string]string{"cloud_service_type": "hws.service.type.sdg", "resource_type": "hws.resource.type.dsc.base",
		"resource_spec_code": spec, "resource_size": "1", "resource_size_measure_id": "14", "region_id": "cn-north-4",
		"period_type": periodType, "period_num": "1"}
}

func TestDSCProductIDFromThePriceInquiry(t *testing.T) {
	s, p := newSandbox(t)
	q := providers.LookupQuery{API: flows.HuaweiDSC, Name: LookupDSCProductID, Region: "cn-north-4", ProjectID: sandbox.ProjectID,
		Inputs: dscInputs("base_professional", "2")}
	got, err := p.Lookup(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	want := sandbox.DSCProductID("cn-north-4", "base_professional", 2)
	if len(got) != 1 || got[0].Value != want || got[0].Label.EN != "3750.00 CNY · 1 month" ||
		got[0].Help != providers.ListPriceCaveat {
		t.Fatalf("product id = %+v", got)
	}
	q.Inputs = dscInputs("base_professional", "3") // a year: another product, another price
	year, err := p.Lookup(context.Background(), q)
	if err != nil || year[0].Value == want || !strings.Contains(year[0].Label.EN, "37500.00 CNY · 1 year") || !strings.Contains(year[0].Label.ZH, "1 年") {
		t.Fatalf("yearly = %+v, %v", year, err)
	}
	q.Inputs = map[string]string{"resource_type": "hws.resource.type.dsc.base"}
	if _, err := p.Lookup(context.Background(), q); providers.KindOf(err) != providers.Invalid {
		t.Errorf("no spec code: %v", err)
	}
	if s.CallHits(sandbox.CallBSSRate) != 2 {
		t.Errorf("BSS hits = %d, want 2", s.CallHits(sandbox.CallBSSRate))
	}
}

// The price inquiry goes through the bssintl model on the international site (onSite) and
// reads the same answer.
func TestQuoteOnEverySite(t *testing.T) {
	for _, site := range []string{SiteChina, SiteIntl} {
		s, p := newSandbox(t)
		p.opts.BSSSite = site
		q, err := p.Quote(context.Background(), loadOrder(t, "huawei-dsc.json"))
		if err != nil || !q.Priced || q.Total != "3750.00" || q.Currency != "CNY" || len(q.Items) != 1 || s.CallHits(sandbox.CallBSSRate) != 1 {
			t.Errorf("site %s: quote = %+v, %v (%d BSS hits)", site, q, err, s.CallHits(sandbox.CallBSSRate))
		}
	}
}

func TestQuoteDSCPerItemWithCaveat(t *testing.T) {
	s, p := newSandbox(t)
	o := loadOrder(t, "huawei-dsc.json")
	o.Body = []byte(strings.Replace(string(o.CompactBody()), `"period_num":1`, `"period_num":2`, 1))
	o.Body = []byte(strings.Replace(string(o.Body), `]}`, `,{"cloud_service_type":"hws.service.type.sdg","product_id":"x","resource_size":3,"resource_size_measure_id":30,"resource_spec_code":"DB_professional","resource_type":"hws.resource.type.dsc.db"}]}`, 1))
	q, err := p.Quote(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	// 2 months × 3750.00 + 2 months × 3 databases × 450.00
	if !q.Priced || q.Total != "10200.00" || q.Currency != "CNY" || q.Period.EN != "2 months" || q.Note != providers.ListPriceCaveat || len(q.Items) != 2 {
		t.Fatalf("quote = %+v", q)
	}
	if q.Items[0].Amount != "7500.00" || q.Items[0].Label != "base_professional" || q.Items[0].ProductID != sandbox.DSCProductID("cn-north-4", "base_professional", 2) ||
		q.Items[1].Amount != "2700.00" || q.Items[1].Path != "body.product_infos[1]" {
		t.Errorf("items = %+v", q.Items)
	}
	if s.Hits(sandbox.DSCOrders) != 0 {
		t.Error("a quote placed an order")
	}
	w, err := p.Quote(context.Background(), loadOrder(t, "huawei-workspaceapp.json"))
	if err != nil || w.Priced || w.Note != providers.NoPriceInquiry || w.Total != "" {
		t.Errorf("Workspace App quote = %+v, %v", w, err)
	}
	if s.CallHits(sandbox.CallBSSRate) != 1 {
		t.Errorf("BSS hits = %d, want 1", s.CallHits(sandbox.CallBSSRate))
	}
}

func TestBSSRejectionIsClassified(t *testing.T) {
	_, p := newSandbox(t)
	o := loadOrder(t, "huawei-dsc.json")
	o.Body = []byte(strings.Replace(string(o.CompactBody()), `"base_professional"`, `"base_gold"`, 1))
	_, err := p.Quote(context.Background(), o)
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.Rejected || pe.HTTPStatus != 400 || pe.Code != "CBC.0100" ||
		!strings.Contains(pe.Message, "product_infos[0].resource_spec") || pe.RequestID == "" {
		t.Fatalf("err = %#v", err)
	}
}

// The account id BSS needs comes from IAM once per key when the credential has none.
func TestDomainIDAskedOnceFromIAM(t *testing.T) {
	s, p := newSandbox(t) // the test credential has no domain id
	for range 2 {
		if _, err := p.Quote(context.Background(), loadOrder(t, "huawei-dsc.json")); err != nil {
			t.Fatal(err)
		}
	}
	if s.CallHits(sandbox.CallDomains) != 1 || s.CallHits(sandbox.CallBSSRate) != 2 {
		t.Errorf("IAM domains %d, BSS %d", s.CallHits(sandbox.CallDomains), s.CallHits(sandbox.CallBSSRate))
	}
}

func TestWrongSecretOnEveryNewCall(t *testing.T) {
	s, ep := providertest.Sandbox(t)
	p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, UserAgent: "cloudorder/test",
		Credential: func() (config.HuaweiCredential, error) {
			return config.HuaweiCredential{AK: sandbox.HuaweiAK, SK: config.NewSecret("wrong"), DomainID: sandbox.DomainID, Source: "test"}, nil
		}})
	ctx := context.Background()
	for _, name := range []string{LookupProjects, LookupServerGroups, LookupVPCs} {
		_, err := p.Lookup(ctx, wsaQuery(name, nil))
		var pe *providers.Error
		if !errors.As(err, &pe) || pe.Kind != providers.Rejected || pe.HTTPStatus != 401 || pe.Code != "APIGW.0301" {
			t.Errorf("%s: %#v", name, err)
		}
	}
	_, err := p.Quote(ctx, loadOrder(t, "huawei-dsc.json"))
	if providers.KindOf(err) != providers.Rejected {
		t.Errorf("quote: %v", err)
	}
	_, err = p.PayOrder(ctx, providers.Payment{API: flows.HuaweiDSC, Region: "cn-north-4", OrderID: "CS2601010000ABCDE"})
	if providers.KindOf(err) != providers.Rejected || len(s.Payments()) != 0 {
		t.Errorf("pay: %v", err)
	}
}

func TestPayOrderOnceAndJournalBody(t *testing.T) {
	for _, site := range []string{SiteChina, SiteIntl} { // the bss and bssintl models
		t.Run("site="+site, func(t *testing.T) { payOnceAndJournalBody(t, site) })
	}
}

func payOnceAndJournalBody(t *testing.T, site string) {
	s, p := newSandbox(t)
	p.opts.BSSSite = site
	ctx := context.Background()
	res, err := p.Submit(ctx, loadOrder(t, "huawei-dsc.json"))
	if err != nil {
		t.Fatal(err)
	}
	pay := providers.Payment{API: flows.HuaweiDSC, Region: "cn-north-4", OrderID: res.OrderID}
	paid, err := p.PayOrder(ctx, pay)
	if err != nil || paid.OrderID != res.OrderID || paid.RequestID == "" {
		t.Fatalf("pay = %+v, %v", paid, err)
	}
	if got := s.Payments(); len(got) != 1 || got[0].OrderID != res.OrderID || got[0].RequestID != paid.RequestID {
		t.Fatalf("sandbox payments = %+v", got)
	}
	_, err = p.PayOrder(ctx, pay)
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.Rejected || !strings.Contains(pe.Message, "already been paid") {
		t.Fatalf("second payment: %v", err)
	}
	if string(pay.Body()) != `{"order_id":"`+res.OrderID+`","use_coupon":"NO","use_discount":"NO"}` {
		t.Errorf("body = %s", pay.Body())
	}
}

// A payment spends money: a 500 is "unknown", and nothing sends it again.
func TestPayOrderIsNeverRetried(t *testing.T) {
	s, p := newSandbox(t)
	res, err := p.Submit(context.Background(), loadOrder(t, "huawei-dsc.json"))
	if err != nil {
		t.Fatal(err)
	}
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500, Call: sandbox.CallBSSPay, Count: 1})
	_, err = p.PayOrder(context.Background(), providers.Payment{API: flows.HuaweiDSC, Region: "cn-north-4", OrderID: res.OrderID})
	if providers.KindOf(err) != providers.Unknown {
		t.Fatalf("err = %v", err)
	}
	if s.CallHits(sandbox.CallBSSPay) != 1 || len(s.Payments()) != 0 {
		t.Errorf("pay hits %d, payments %d", s.CallHits(sandbox.CallBSSPay), len(s.Payments()))
	}
}

func TestLookupFaultsAreClassified(t *testing.T) {
	s, p := newSandbox(t)
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultThrottle, Call: sandbox.CallVPCs, Count: 1})
	_, err := p.Lookup(context.Background(), wsaQuery(LookupVPCs, nil))
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.HTTPStatus != 429 || pe.Code != "APIGW.0308" || !providers.Retryable(err) {
		t.Fatalf("throttled: %#v", err)
	}
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500, Call: sandbox.CallBSSRate, Count: 1})
	_, err = p.Quote(context.Background(), loadOrder(t, "huawei-dsc.json"))
	if !errors.As(err, &pe) || pe.Kind != providers.Unknown || pe.HTTPStatus != 500 || pe.Code != "CBC.5000" {
		t.Fatalf("500: %#v", err)
	}
}

// A look-up retried by the cache after a 500 asks the look-up again — never the order
// endpoint — and an order that meets a 500 is not retried by anything.
func TestNoLookupIsRetriedIntoASecondOrder(t *testing.T) {
	s, p := newSandbox(t)
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500, Call: sandbox.CallLookups, Count: 1})
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500, API: sandbox.WorkspaceAppOrders, Count: 1})
	cache := &lookups.Cache{Backoff: time.Millisecond}
	groups, err := cache.Lookup(context.Background(), p, wsaQuery(LookupServerGroups, nil))
	if err != nil || len(groups) != 3 {
		t.Fatalf("retried look-up: %v, %v", groups, err)
	}
	if s.CallHits(sandbox.CallServerGroups) != 2 || s.Hits(sandbox.WorkspaceAppOrders) != 0 {
		t.Fatalf("look-up hits %d, order hits %d", s.CallHits(sandbox.CallServerGroups), s.Hits(sandbox.WorkspaceAppOrders))
	}
	if _, err := p.Submit(context.Background(), loadOrder(t, "huawei-workspaceapp.json")); providers.KindOf(err) != providers.Unknown {
		t.Fatalf("order under 500: %v", err)
	}
	if s.Hits(sandbox.WorkspaceAppOrders) != 1 || len(s.Orders()) != 0 {
		t.Errorf("order hits %d, orders %d", s.Hits(sandbox.WorkspaceAppOrders), len(s.Orders()))
	}
}

// A look-up or a payment that found nobody listening never reached the cloud: NotSent (the
// payment is safe to try again), and the look-up worth one more try, not Invalid as if the
// settings were wrong.
func TestRefusedConnectionIsNotSent(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close() // nothing listens there now
	ep, err := config.ParseEndpoint("http://" + addr)
	if err != nil {
		t.Fatal(err)
	}
	p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, UserAgent: "cloudorder/test",
		Credential: func() (config.HuaweiCredential, error) {
			return config.HuaweiCredential{AK: sandbox.HuaweiAK, SK: config.NewSecret(sandbox.HuaweiSK), Source: "test"}, nil
		}})
	_, err = p.Lookup(context.Background(), wsaQuery(LookupVPCs, nil))
	if providers.KindOf(err) != providers.NotSent || !providers.Retryable(err) {
		t.Errorf("look-up: kind %v, retryable %v: %v", providers.KindOf(err), providers.Retryable(err), err)
	}
	_, err = p.PayOrder(context.Background(), providers.Payment{API: flows.HuaweiDSC, Region: "cn-north-4", OrderID: "CS0000000000001"})
	if providers.KindOf(err) != providers.NotSent {
		t.Errorf("payment: kind %v: %v", providers.KindOf(err), err)
	}
}

// A VPC, IAM or BSS endpoint from the SDK's region settings passes the same gate as the order
// APIs': plain http to a remote host is refused before anything is sent, in both languages,
// naming where the endpoint came from.
func TestServiceEndpointFromRegionSettingsIsGated(t *testing.T) {
	t.Setenv("HUAWEICLOUD_SDK_REGION_VPC_CN_NORTH_4", "http://vpc.example.com")
	p := New(Options{APIs: testAPIs, Mode: providers.Live, Timeout: 5 * time.Second, UserAgent: "cloudorder/test",
		Credential: func() (config.HuaweiCredential, error) {
			return config.HuaweiCredential{AK: sandbox.HuaweiAK, SK: config.NewSecret(sandbox.HuaweiSK), Source: "test"}, nil
		}})
	_, err := p.Lookup(context.Background(), wsaQuery(LookupVPCs, nil))
	text := i18n.TextOf(err)
	if providers.KindOf(err) != providers.Invalid || !strings.Contains(text.EN, "HUAWEICLOUD_SDK_REGION_") ||
		text.ZH == text.EN || !strings.Contains(text.ZH, "http") {
		t.Fatalf("kind %v\nen: %s\nzh: %s", providers.KindOf(err), text.EN, text.ZH)
	}
}
