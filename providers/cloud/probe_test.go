package cloud

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/journal"
	"cloudorder/providers/providertest"
	"cloudorder/providers/sandbox"
)

const paiBody = `{"AutoPay":true,"Products":[{"AutoRenew":false,"ProductCode":"PAI_share","ChargeType":"POSTPAY","OrderType":"BUY","PricingCycle":"Hour","Duration":1}]}`

// A separately started sandbox reached with --endpoint (with the keys `cloudorder sandbox`
// prints) is the sandbox: announced and journaled as such, never LIVE.
func TestEndpointThatAnswersTheProbeIsSandbox(t *testing.T) {
	s, _ := providertest.Sandbox(t)
	history := filepath.Join(t.TempDir(), "h.jsonl")
	// The person's own keys are in the environment: a probed sandbox must not be sent them.
	p, closer, err := Open(Options{Endpoint: s.URL(), HistoryPath: history, Getenv: env(map[string]string{"HOME": t.TempDir(),
		"ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAI5tPersonsOwnKey00", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "PersonsOwnSecret00000000000000",
		"HUAWEICLOUD_SDK_AK": "PERSONSOWNHUAWEIAK00", "HUAWEICLOUD_SDK_SK": "PersonsOwnHuaweiSecret000000000000000000"})})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	for _, api := range []flows.APIID{flows.AlibabaPAI, flows.HuaweiDSC, flows.HuaweiWorkspaceApp} {
		tg := p.Target(api, "cn-north-4")
		if tg.Mode != providers.Sandbox || tg.Endpoint != s.URL() || tg.Credential != providers.SandboxKeys || tg.Mode.Banner(tg.Endpoint)[0].EN != "SANDBOX · orders go to the local sandbox; nothing is bought" {
			t.Errorf("%s target %+v", api, tg)
		}
	}
	if _, err := p.Submit(context.Background(), flows.Order{API: flows.AlibabaPAI, Region: "cn-hangzhou", Body: []byte(paiBody)}); err != nil {
		t.Fatal(err)
	}
	if e, _ := journal.Read(history); len(e) != 1 || e[0].Intent.Mode != providers.Sandbox {
		t.Errorf("history %+v", e)
	}
}

func TestOtherLoopbackEndpointIsLocalNotLive(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":"ok","service":"something-else"}`))
	}))
	defer other.Close()
	p, closer, err := Open(Options{Endpoint: other.URL, HistoryPath: filepath.Join(t.TempDir(), "h.jsonl"),
		Getenv: env(map[string]string{"HOME": t.TempDir()})})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	tg := p.Target(flows.HuaweiDSC, "cn-north-4")
	if tg.Mode != providers.LocalEndpoint || !strings.HasPrefix(tg.Mode.Banner(tg.Endpoint)[0].EN, "LOCAL ENDPOINT "+other.URL+" · not the cloud") || !strings.Contains(tg.Credential, "missing") {
		t.Errorf("target %+v, banner %q", tg, tg.Mode.Banner(tg.Endpoint)[0].EN)
	}
}

// The probe has its own short timeout: a loopback port that accepts and never answers costs
// at most probeTimeout, and is a local endpoint.
func TestProbeOfASilentEndpointIsShort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu   sync.Mutex
		held []net.Conn
		done = make(chan struct{})
	)
	// Stop accepting, wait for the accept loop to end, then drop what it held.
	defer func() {
		ln.Close()
		<-done
		mu.Lock()
		defer mu.Unlock()
		for _, c := range held {
			c.Close()
		}
	}()
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, c) // keep it open, never answer
			mu.Unlock()
		}
	}()
	start := time.Now()
	p, closer, err := Open(Options{Endpoint: "http://" + ln.Addr().String(), HistoryPath: filepath.Join(t.TempDir(), "h.jsonl"),
		Getenv: env(map[string]string{"HOME": t.TempDir()})})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	if took := time.Since(start); took > probeTimeout+time.Second {
		t.Errorf("probe took %v", took)
	}
	if m := p.Target(flows.AlibabaPAI, "cn-hangzhou").Mode; m != providers.LocalEndpoint {
		t.Errorf("mode %s", m)
	}
}

// A remote endpoint is not probed (nothing is sent before an order) and stays LIVE.
func TestRemoteEndpointIsLiveWithoutProbe(t *testing.T) {
	p, closer, err := Open(Options{Endpoint: "https://sdg.example.invalid", HistoryPath: filepath.Join(t.TempDir(), "h.jsonl"),
		Getenv: env(map[string]string{"HOME": t.TempDir()})})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	if tg := p.Target(flows.HuaweiDSC, "cn-north-4"); tg.Mode != providers.Live || !strings.Contains(tg.Mode.Banner(tg.Endpoint)[0].EN, "LIVE") {
		t.Errorf("target %+v", tg)
	}
}

// Quotes and payments reach the provider through the journal; a payment is journaled like an
// order, and a dry run pays nothing.
func TestPaymentIsJournaledAndQuotesPassThrough(t *testing.T) {
	history := filepath.Join(t.TempDir(), "h.jsonl")
	p, closer, err := Open(Options{Mode: providers.Sandbox, HistoryPath: history, Getenv: env(map[string]string{})})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	pr, ok1 := p.(providers.Pricer)
	pay, ok2 := p.(providers.Payer)
	unpaid, ok3 := p.(providers.UnpaidOrders)
	if !ok1 || !ok2 || !ok3 {
		t.Fatal("the opened provider must price, pay and say which orders are unpaid")
	}
	if u, url := unpaid.Unpaid(flows.HuaweiDSC); !u || !strings.HasPrefix(url, "https://account.huaweicloud.com/") {
		t.Errorf("DSC unpaid = %v %q", u, url)
	}
	if u, _ := unpaid.Unpaid(flows.AlibabaPAI); u {
		t.Error("cloudorder has no payment step for Alibaba orders (AutoPay decides)")
	}
	q, err := pr.Quote(context.Background(), flows.Order{API: flows.AlibabaPAI, Region: "cn-hangzhou", Body: []byte(paiBody)})
	if err != nil || q.Priced || q.Note != providers.NoUpfrontPrice {
		t.Errorf("alibaba quote %+v, %v", q, err)
	}
	dsc := `{"charging_mode":0,"cloud_service_type":"hws.service.type.sdg","is_auto_renew":0,"period_num":1,"period_type":2,"region_id":"cn-north-4","zone":"CH","product_infos":[{"cloud_service_type":"hws.service.type.sdg","product_id":"` +
		sandbox.DSCProductID("cn-north-4", "base_standard", 2) + `","resource_size":1,"resource_size_measure_id":14,"resource_spec_code":"base_standard","resource_type":"hws.resource.type.dsc.base"}]}`
	o := flows.Order{API: flows.HuaweiDSC, Region: "cn-north-4", ProjectID: sandbox.ProjectID, Body: []byte(dsc)}
	if q, err := pr.Quote(context.Background(), o); err != nil || !q.Priced || q.Total != "1250.00" || q.Currency != "CNY" {
		t.Errorf("dsc quote %+v, %v", q, err)
	}
	res, err := p.Submit(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	paid, err := pay.PayOrder(context.Background(), providers.Payment{API: flows.HuaweiDSC, Region: "cn-north-4", OrderID: res.OrderID})
	if err != nil || paid.OrderID != res.OrderID {
		t.Fatalf("pay %+v, %v", paid, err)
	}
	e, _ := journal.Read(history)
	if len(e) != 2 || e[1].Intent.API != providers.PayOrdersAPI || e[1].Outcome != journal.OutcomeOK ||
		!strings.Contains(string(e[1].Intent.Body), res.OrderID) || e[1].Intent.Mode != providers.Sandbox {
		t.Fatalf("history %+v", e)
	}

	// A dry run pays nothing and journals nothing, whatever credentials the person has: a
	// private home, so no real credentials file is read.
	dry, dcloser, err := Open(Options{Mode: providers.DryRun, HistoryPath: history, Getenv: env(map[string]string{"HOME": t.TempDir()})})
	if err != nil {
		t.Fatal(err)
	}
	defer dcloser.Close()
	if _, err := dry.(providers.Payer).PayOrder(context.Background(), providers.Payment{API: flows.HuaweiDSC, Region: "cn-north-4", OrderID: res.OrderID}); providers.KindOf(err) != providers.Invalid {
		t.Errorf("dry run paid: %v", err)
	}
	if e, _ := journal.Read(history); len(e) != 2 {
		t.Errorf("a dry run's payment was journaled: %d entries, want 2", len(e))
	}
}
