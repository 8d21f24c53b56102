package huawei

import (
	"context"

	core "github.com/huaweicloud/huaweicloud-sdk-go-v3/core"
	workspaceapp "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1/model"
	wsaregion "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1/region"

	"cloudorder/flows"
	"cloudorder/providers"
)

// workspaceAppService is Workspace App (services/workspaceapp/v1); its look-ups (lookup.go,
// network.go) use it too.
var workspaceAppService = service{
	name:    "Workspace App",
	builder: func() *core.HcHttpClientBuilder { return workspaceapp.WorkspaceAppClientBuilder() },
	endpoints: func(region string) ([]string, error) {
		r, err := wsaregion.SafeValueOf(region)
		if err != nil {
			return nil, err
		}
		return r.Endpoints, nil
	},
}

// WorkspaceApp is how Workspace App's CreateOrder is called: POST
// /v1/{project_id}/bundles/subscribe/order through the SDK's Workspace App client. It has no
// documented price inquiry for its servers (no quote).
var WorkspaceApp = Spec{service: workspaceAppService, submit: submitWorkspaceApp, facts: workspaceAppFacts}

// submitWorkspaceApp places a Workspace App order: POST /v1/{project_id}/bundles/subscribe/order.
func submitWorkspaceApp(ctx context.Context, p *Provider, o flows.Order) (providers.Result, error) {
	return submit(ctx, p, o, "create Workspace App order", func(c *call, req *model.CreateOrderReq) (*string, error) {
		resp, err := workspaceapp.NewWorkspaceAppClient(c.hc).CreateOrder(&model.CreateOrderRequest{Body: req})
		if err != nil {
			return nil, err
		}
		return resp.OrderId, nil
	})
}

// workspaceAppFacts: a Workspace App order's BSS record is matched on its period and quantity.
// Its product_id names a Workspace App product (ListProduct), not a Billing Center catalog id,
// and its service type code is not documented, so neither is compared (docs/billing.md).
func workspaceAppFacts(o flows.Order) (providers.OrderFacts, error) {
	var b model.CreateOrderReq
	if err := decodeStrict(o.CompactBody(), &b); err != nil {
		return providers.OrderFacts{}, err
	}
	var f providers.OrderFacts
	if len(b.Resources) == 1 {
		r := b.Resources[0]
		f.Quantity = int(r.SubscriptionNum)
		if r.PeriodType != nil {
			f.PeriodType = int(*r.PeriodType)
		}
		if r.PeriodNum != nil {
			f.PeriodNum = int(*r.PeriodNum)
		}
	}
	return f, nil
}
