package journal

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/providers"
)

// payer is a provider that pays as the test says (the BSS path is tested against the sandbox
// in providers/huawei).
type payer struct {
	pays int
	err  error
}

func (p *payer) Submit(context.Context, flows.Order) (providers.Result, error) {
	return providers.Result{}, nil
}
func (p *payer) Lookup(context.Context, providers.LookupQuery) ([]flows.Option, error) {
	return nil, nil
}
func (p *payer) Target(flows.APIID, string) providers.Target {
	return providers.Target{Mode: providers.Sandbox, Endpoint: "http://127.0.0.1:1"}
}
func (p *payer) PayOrder(_ context.Context, pay providers.Payment) (providers.Result, error) {
	p.pays++
	return providers.Result{OrderID: pay.OrderID, RequestID: "r-pay"}, p.err
}

var payment = providers.Payment{API: flows.HuaweiDSC, Region: "cn-north-4", OrderID: "CS2601010000ABCDE"}

func TestPaymentIsJournaledLikeAnOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.jsonl")
	p := &payer{}
	if _, err := New(p, path, testAPIs).PayOrder(context.Background(), payment); err != nil {
		t.Fatal(err)
	}
	e, err := Read(path)
	if err != nil || len(e) != 1 {
		t.Fatalf("%+v, %v", e, err)
	}
	in := e[0].Intent
	if in.API != providers.PayOrdersAPI || string(in.Body) != string(payment.Body()) || in.Mode != providers.Sandbox ||
		e[0].Outcome != OutcomeOK || e[0].Result.RequestID != "r-pay" || p.pays != 1 {
		t.Errorf("entry %+v", e[0])
	}
	p.err = &providers.Error{Kind: providers.Unknown, Message: "HTTP 500"}
	_, _ = New(p, path, testAPIs).PayOrder(context.Background(), payment)
	if e, _ := Read(path); len(e) != 2 || e[1].Outcome != OutcomeUnknown || p.pays != 2 {
		t.Errorf("unknown payment: %+v", e)
	}
}

func TestUnwritableHistoryPaysNothing(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	_ = os.WriteFile(blocker, nil, 0o600)
	p := &payer{}
	_, err := New(p, filepath.Join(blocker, "h.jsonl"), testAPIs).PayOrder(context.Background(), payment)
	if p.pays != 0 || providers.KindOf(err) != providers.Invalid || !strings.Contains(err.Error(), "history could not be") {
		t.Fatalf("pays %d, err %v", p.pays, err)
	}
}

// A provider that cannot pay says so; nothing is journaled as if sent.
func TestPaymentWithoutPayer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.jsonl")
	_, err := New(noPayer{}, path, testAPIs).PayOrder(context.Background(), payment)
	if providers.KindOf(err) != providers.Invalid {
		t.Fatalf("err %v", err)
	}
	if e, _ := Read(path); len(e) != 0 {
		t.Errorf("journaled %+v", e)
	}
}

type noPayer struct{}

func (noPayer) Submit(context.Context, flows.Order) (providers.Result, error) {
	return providers.Result{}, nil
}
func (noPayer) Lookup(context.Context, providers.LookupQuery) ([]flows.Option, error) {
	return nil, nil
}
func (noPayer) Target(flows.APIID, string) providers.Target { return providers.Target{} }
