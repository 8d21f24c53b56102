package huawei

import (
	"context"
	"errors"
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/providers"
)

// BSS pays only an order it holds unpaid: a Workspace App order (created paid) is refused by
// the sandbox as the account's BSS would, and nothing is paid.
func TestPayOrderOfAnOrderCreatedPaidIsRefused(t *testing.T) {
	s, p := newSandbox(t)
	res, err := p.Submit(context.Background(), loadOrder(t, "huawei-workspaceapp.json"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.PayOrder(context.Background(), providers.Payment{API: flows.HuaweiWorkspaceApp, Region: "cn-north-4", OrderID: res.OrderID})
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.Rejected || !strings.Contains(pe.Message, "no unpaid order") {
		t.Fatalf("paying a paid order: %v", err)
	}
	if n := len(s.Payments()); n != 0 {
		t.Errorf("%d payments", n)
	}
}
