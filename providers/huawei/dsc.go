package huawei

import (
	"context"
	"errors"

	dsc "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dsc/v1"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dsc/v1/model"

	"cloudorder/flows"
	"cloudorder/providers"
)

// submitDSC places a DSC instance order: POST /v1/{project_id}/period/order.
func (p *Provider) submitDSC(ctx context.Context, o flows.Order) (providers.Result, error) {
	body := o.CompactBody()
	var req model.PeriodOrderRequest
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
	resp, err := dsc.NewDscClient(c.hc).CreateProductOrder(&model.CreateProductOrderRequest{Body: &req})
	if err != nil {
		return providers.Result{}, classify("create DSC order", err, c.sent())
	}
	r := result(resp.OrderId, c)
	if r.OrderID == "" {
		return r, noOrderID(r.RequestID)
	}
	return r, nil
}

// noOrderID is a 2xx without an order id: something was done, but what is unknown.
func noOrderID(requestID string) error {
	return &providers.Error{Kind: providers.Unknown, RequestID: requestID,
		Message: "the answer had no order_id", Err: errors.New("no order_id in the answer")}
}
