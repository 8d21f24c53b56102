package sandbox

import (
	"net/http"
)

// Alibaba AIWorkSpace (PAI) CreateProductOrders, an ROA operation, as its reference documents it:
// https://help.aliyun.com/zh/pai/developer-reference/api-aiworkspace-2021-02-04-createproductorders
// (English: https://www.alibabacloud.com/help/en/pai/developer-reference/api-aiworkspace-2021-02-04-createproductorders).
// Every body parameter is optional ("Required: No"); the valid values are the documented
// enumerations; DataWorks_share is sold by Month only, OSS_share and MaxCompute_share by Hour
// only; Duration is 1. The reference names no rule for PAI_share's cycle or properties, nor for
// unknown property codes: those are accepted.

// PAIOrders is Alibaba PAI's CreateProductOrders.
const PAIOrders API = "alibaba/pai/CreateProductOrders"

var paiEmulation = emulation{name: "alibaba/aiworkspace", api: PAIOrders, routes: []route{paiCreateProductOrders.roa()},
	billing: paiBilling} // billing_alibaba.go

var paiCreateProductOrders = alibabaOp{
	product: "AIWorkSpace", action: "CreateProductOrders", versions: []string{"2021-02-04"},
	method: http.MethodPost, path: "/api/v1/productorders", api: PAIOrders,
	// The endpoint is regional (aiworkspace.<region>.aliyuncs.com); a loopback host names none.
	defaultRegion: "cn-hangzhou",
	answer:        answerPAIOrder,
}

var paiParams = []param{
	{name: "AutoPay", kind: kBoolean},
	{name: "Products", kind: kArray, items: kObject, fields: []param{
		{name: "AutoRenew", kind: kBoolean},
		{name: "ProductCode", kind: kString, enum: []string{"DataWorks_share", "MaxCompute_share", "PAI_share", "OSS_share"}},
		{name: "ChargeType", kind: kString, enum: []string{"POSTPAY"}},
		{name: "OrderType", kind: kString, enum: []string{"BUY"}},
		{name: "PricingCycle", kind: kString, enum: []string{"Month", "Hour"}},
		{name: "Duration", kind: kInteger, ints: []int64{1}},
		{name: "InstanceProperties", kind: kArray, items: kObject, fields: []param{
			{name: "Code", kind: kString},
			{name: "Name", kind: kString},
			{name: "Value", kind: kString},
		}},
	}},
}

// paiCycles are the documented billing cycles of the products that name one.
var paiCycles = map[string]string{"DataWorks_share": "Month", "OSS_share": "Hour", "MaxCompute_share": "Hour"}

func answerPAIOrder(s *Server, c *alibabaRequest) (any, *apiError) {
	body, err := decodeBody(c.body)
	if err != nil {
		return nil, alibabaInvalid("body", "the body is not a valid JSON object")
	}
	if pr := checkParams(body, paiParams, "", alibabaPaths); pr != nil {
		return nil, alibabaProblem(pr)
	}
	products := listAt(body, "Products")
	ids := make([]string, len(products))
	for i, p := range products {
		at := alibabaPaths.index("Products", i)
		code, _ := strAt(p, "ProductCode")
		if want, ok := paiCycles[code]; ok {
			if cycle, given := strAt(p, "PricingCycle"); given && cycle != want {
				return nil, alibabaInvalid(at+".PricingCycle", code+" is billed by "+want+" only")
			}
		}
		for j, prop := range listAt(p, "InstanceProperties") {
			// A region property names where the product is bought: an Alibaba Cloud region.
			if c, _ := strAt(prop, "Code"); c == "region" {
				if v, _ := strAt(prop, "Value"); !alibabaRegionKnown(v) {
					return nil, alibabaInvalid(alibabaPaths.index(at+".InstanceProperties", j)+".Value", "the region "+quoteOrMissing(v)+" does not exist")
				}
			}
		}
		ids[i] = newAlibabaProductID(code, c.region)
	}
	orderID := newAlibabaOrderID()
	if e := c.place(s, orderID); e != nil {
		return nil, e
	}
	return map[string]any{
		"RequestId":           c.requestID,
		"OrderId":             orderID,
		"Message":             "正常",
		"BuyProductRequestId": newRequestID(),
		"ProductIds":          ids,
	}, nil
}

// alibabaInvalid is Alibaba's InvalidParameter answer for the parameter at path.
func alibabaInvalid(path, why string) *apiError {
	return &apiError{http.StatusBadRequest, "InvalidParameter", "The specified parameter \"" + path + "\" is not valid: " + why + "."}
}

// alibabaProblem is Alibaba's answer to a broken documented rule.
func alibabaProblem(pr *problem) *apiError {
	if pr.missing {
		return &apiError{http.StatusBadRequest, "MissingParameter",
			"The input parameter \"" + pr.path + "\" that is mandatory for processing this request is not supplied."}
	}
	return alibabaInvalid(pr.path, pr.why)
}
