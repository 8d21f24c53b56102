package huawei

import (
	"context"

	dsc "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dsc/v1"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dsc/v1/model"

	"cloudorder/flows"
	"cloudorder/providers"
)

// submitDSC places a DSC instance order: POST /v1/{project_id}/period/order.
func (p *Provider) submitDSC(ctx context.Context, o flows.Order) (providers.Result, error) {
	return submit(ctx, p, o, "create DSC order", func(c *call, req *model.PeriodOrderRequest) (*string, error) {
		resp, err := dsc.NewDscClient(c.hc).CreateProductOrder(&model.CreateProductOrderRequest{Body: req})
		if err != nil {
			return nil, err
		}
		return resp.OrderId, nil
	})
}
