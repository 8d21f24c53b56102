package cloud

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/journal"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLiveTargetNamesWhatIsMissing(t *testing.T) {
	p, closer, err := Open(Options{Mode: providers.Live, Getenv: env(map[string]string{"HOME": t.TempDir()}),
		HistoryPath: filepath.Join(t.TempDir(), "h.jsonl")})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	if tg := p.Target(flows.AlibabaPAI, "cn-hangzhou"); tg.Mode != providers.Live || tg.Endpoint != "https://aiworkspace.cn-hangzhou.aliyuncs.com" ||
		!strings.Contains(tg.Credential, "missing: set ALIBABA_CLOUD_ACCESS_KEY_ID") {
		t.Errorf("alibaba target %+v", tg)
	}
	if tg := p.Target(flows.HuaweiDSC, "cn-north-4"); !strings.Contains(tg.Credential, "missing: set HUAWEICLOUD_SDK_AK") {
		t.Errorf("huawei target %+v", tg)
	}
	if _, ok := p.(providers.DuplicateFinder); !ok {
		t.Error("the opened provider must find duplicates (the journal)")
	}
}

func TestLiveTargetShowsSourceAndMaskedKey(t *testing.T) {
	p, closer, err := Open(Options{Getenv: env(map[string]string{"HOME": t.TempDir(),
		"HUAWEICLOUD_SDK_AK": "REALHUAWEIAK0000", "HUAWEICLOUD_SDK_SK": "real-sk"}), HistoryPath: filepath.Join(t.TempDir(), "h.jsonl"),
		Endpoints: map[flows.APIID]string{flows.HuaweiWorkspaceApp: "https://wsa.example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	tg := p.Target(flows.HuaweiWorkspaceApp, "cn-north-4")
	if tg.Credential != "env HUAWEICLOUD_SDK_AK" || tg.MaskedKey != "REAL************" || tg.Endpoint != "https://wsa.example.com" {
		t.Errorf("target %+v", tg)
	}
	if tg := p.Target(flows.HuaweiDSC, "cn-north-4"); tg.Endpoint != "https://sdg.cn-north-4.myhuaweicloud.com" {
		t.Errorf("a settings override for one API must not move another: %+v", tg)
	}
}

// The sandbox runs with its own keys: the person's real ones are never read or sent.
func TestSandboxIgnoresRealCredentials(t *testing.T) {
	history := filepath.Join(t.TempDir(), "h.jsonl")
	p, closer, err := Open(Options{Mode: providers.Sandbox, HistoryPath: history, Getenv: env(map[string]string{
		"ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIREALKEY", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "real-secret"})})
	if err != nil {
		t.Fatal(err)
	}
	tg := p.Target(flows.AlibabaPAI, "cn-hangzhou")
	if tg.Mode != providers.Sandbox || !strings.HasPrefix(tg.Endpoint, "http://127.0.0.1:") || tg.MaskedKey != "LTAI*******************" || !strings.Contains(tg.Credential, "sandbox") {
		t.Errorf("target %+v", tg)
	}
	body := `{"AutoPay":true,"Products":[{"AutoRenew":false,"ProductCode":"PAI_share","ChargeType":"POSTPAY","OrderType":"BUY","PricingCycle":"Hour","Duration":1}]}`
	res, err := p.Submit(context.Background(), flows.Order{API: flows.AlibabaPAI, Region: "cn-hangzhou", Body: []byte(body)})
	if err != nil || res.OrderID == "" {
		t.Fatalf("sandbox order: %+v %v", res, err)
	}
	if err := closer.Close(); err != nil {
		t.Fatal(err)
	}
	if e, _ := journal.Read(history); len(e) != 1 || e[0].Intent.Mode != providers.Sandbox {
		t.Errorf("history %+v", e)
	}
	if _, _, err := Open(Options{Mode: providers.Sandbox, Endpoint: "http://127.0.0.1:1"}); err == nil {
		t.Error("--sandbox with --endpoint must be refused")
	}
}

func TestDryRunSendsAndRecordsNothing(t *testing.T) {
	history := filepath.Join(t.TempDir(), "h.jsonl")
	p, closer, err := Open(Options{Mode: providers.DryRun, HistoryPath: history, Getenv: env(map[string]string{})})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	_, err = p.Submit(context.Background(), flows.Order{API: flows.AlibabaPAI, Region: "cn-hangzhou", Body: []byte(`{}`)})
	if providers.KindOf(err) != providers.Invalid || p.Target(flows.AlibabaPAI, "cn-hangzhou").Mode != providers.DryRun {
		t.Fatalf("dry run: %v", err)
	}
	if e, _ := journal.Read(history); len(e) != 0 {
		t.Errorf("dry run wrote history: %+v", e)
	}
}

func TestBadEndpointIsRefused(t *testing.T) {
	for _, ep := range []string{"http://example.com", "https://example.com/x"} {
		if _, _, err := Open(Options{Endpoint: ep, Getenv: env(map[string]string{})}); err == nil {
			t.Errorf("%s accepted", ep)
		}
	}
}

// labelProvider answers every look-up with an option an account could name anything.
type labelProvider struct{ opt flows.Option }

func (p labelProvider) Submit(context.Context, flows.Order) (providers.Result, error) {
	return providers.Result{}, nil
}
func (p labelProvider) Lookup(context.Context, providers.LookupQuery) ([]flows.Option, error) {
	return []flows.Option{p.opt}, nil
}
func (p labelProvider) Target(flows.APIID, string) providers.Target {
	return providers.Target{Endpoint: "http://127.0.0.1:1"}
}

// A look-up's labels and help are account text: what the router hands any screen holds no
// escape sequence (a project named with an OSC 8 hyperlink or colours stays inert); the value,
// which is what is sent, is left as it came.
func TestLookupLabelsReachScreensInert(t *testing.T) {
	evil := "proj\x1b]8;;https://evil.example\x07click\x1b]8;;\x07\x1b[31m"
	r := router{flows.HuaweiWorkspaceApp: labelProvider{flows.Option{Value: "v\x1b", Label: i18n.T(evil, evil), Help: i18n.T(evil, "")}}}
	opts, err := r.Lookup(context.Background(), providers.LookupQuery{API: flows.HuaweiWorkspaceApp, Region: "cn-north-4"})
	if err != nil || len(opts) != 1 {
		t.Fatalf("%v %v", opts, err)
	}
	o := opts[0]
	for _, s := range []string{o.Label.EN, o.Label.ZH, o.Help.EN} {
		if strings.ContainsRune(s, 0x1b) || strings.ContainsRune(s, 0x07) {
			t.Errorf("an escape reaches the screen: %q", s)
		}
	}
	if o.Value != "v\x1b" || o.Help.ZH != "" {
		t.Errorf("value %q, help zh %q: changed", o.Value, o.Help.ZH)
	}
}
