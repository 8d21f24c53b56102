package huawei

import (
	"context"

	core "github.com/huaweicloud/huaweicloud-sdk-go-v3/core"
	dsc "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dsc/v1"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dsc/v1/model"
	dscregion "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/dsc/v1/region"

	"cloudorder/flows"
	"cloudorder/providers"
)

// dscService is Data Security Center (services/dsc/v1).
var dscService = service{
	name:    "DSC",
	builder: func() *core.HcHttpClientBuilder { return dsc.DscClientBuilder() },
	endpoints: func(region string) ([]string, error) {
		r, err := dscregion.SafeValueOf(region)
		if err != nil {
			return nil, err
		}
		return r.Endpoints, nil
	},
}

// DSC is how Data Security Center's CreateProductOrder is called: POST
// /v1/{project_id}/period/order through the SDK's DSC client, priced through BSS (price_pay.go),
// created unpaid.
var DSC = Spec{service: dscService, submit: submitDSC, quote: quoteDSC, unpaid: true, facts: dscFacts}

// submitDSC places a DSC instance order: POST /v1/{project_id}/period/order.
func submitDSC(ctx context.Context, p *Provider, o flows.Order) (providers.Result, error) {
	return submit(ctx, p, o, "create DSC order", func(c *call, req *model.PeriodOrderRequest) (*string, error) {
		resp, err := dsc.NewDscClient(c.hc).CreateProductOrder(&model.CreateProductOrderRequest{Body: req})
		if err != nil {
			return nil, err
		}
		return resp.OrderId, nil
	})
}

// dscFacts: a DSC order's BSS record carries the body's cloud service type and, per line, the
// catalog product_id and the period (docs/billing.md).
func dscFacts(o flows.Order) (providers.OrderFacts, error) {
	var b model.PeriodOrderRequest
	if err := decodeStrict(o.CompactBody(), &b); err != nil {
		return providers.OrderFacts{}, err
	}
	f := providers.OrderFacts{ServiceType: b.CloudServiceType, PeriodType: int(b.PeriodType), PeriodNum: int(b.PeriodNum)}
	for _, it := range b.ProductInfos {
		f.ProductIDs = append(f.ProductIDs, it.ProductId)
	}
	return f, nil
}
