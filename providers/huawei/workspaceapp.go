package huawei

import (
	"context"

	workspaceapp "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1/model"

	"cloudorder/flows"
	"cloudorder/providers"
)

// submitWorkspaceApp places a Workspace App order: POST /v1/{project_id}/bundles/subscribe/order.
func (p *Provider) submitWorkspaceApp(ctx context.Context, o flows.Order) (providers.Result, error) {
	body := o.CompactBody()
	var req model.CreateOrderReq
	if err := decodeStrict(body, &req); err != nil {
		return providers.Result{}, invalid(err)
	}
	if err := faithful(body, req); err != nil {
		return providers.Result{}, invalid(err)
	}
	c, err := p.newCall(ctx, o.API, o.Region, o.ProjectID)
	if err != nil {
		return providers.Result{}, invalid(err)
	}
	resp, err := workspaceapp.NewWorkspaceAppClient(c.hc).CreateOrder(&model.CreateOrderRequest{Body: &req})
	if err != nil {
		return providers.Result{}, classify("create Workspace App order", err, c.sent())
	}
	r := result(resp.OrderId, c)
	if r.OrderID == "" {
		return r, noOrderID(r.RequestID)
	}
	return r, nil
}
