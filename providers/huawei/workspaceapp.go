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

// Workspace App has no documented price inquiry for its servers (quote nil). The KooCLI
// service name is the API Explorer product name
// (https://console.huaweicloud.com/apiexplorer/#/openapi/WorkspaceApp/doc?api=CreateOrder).
func init() {
	apis.Register(flows.HuaweiWorkspaceApp, apiSpec{service: workspaceAppService, submit: submitWorkspaceApp},
		providers.CLI{Tool: "hcloud", Service: "WorkspaceApp", Operation: "CreateOrder",
			File: "WorkspaceApp_CreateOrder.json", Preview: "--dryrun"})
}

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
