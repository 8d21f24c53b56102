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
	return submit(ctx, p, o, "create Workspace App order", func(c *call, req *model.CreateOrderReq) (*string, error) {
		resp, err := workspaceapp.NewWorkspaceAppClient(c.hc).CreateOrder(&model.CreateOrderRequest{Body: req})
		if err != nil {
			return nil, err
		}
		return resp.OrderId, nil
	})
}
