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

// The KooCLI service name is the API Explorer product name
// (https://console.huaweicloud.com/apiexplorer/#/openapi/DSC/doc?api=CreateProductOrder).
func init() {
	apis.Register(flows.HuaweiDSC, apiSpec{service: dscService, submit: submitDSC, quote: quoteDSC, unpaid: true, facts: dscFacts},
		providers.CLI{Tool: "hcloud", Service: "DSC", Operation: "CreateProductOrder",
			File: "DSC_CreateProductOrder.json", Preview: "--dryrun"})
}

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
