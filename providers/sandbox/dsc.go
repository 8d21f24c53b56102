package sandbox

import (
	"fmt"
	"net/http"
)

// Huawei Data Security Center (DSC) CreateProductOrder (实例下单), as its reference documents it:
// https://support.huaweicloud.com/api-dsc/CreateProductOrder.html — required parameters and
// types as the reference's 是否必选 column and huaweicloud-sdk-go-v3's model
// (services/dsc/v1/model/model_period_order_request.go, model_product_info_bean.go: required =
// not a pointer); charging_mode 0/1/2, period_type 2 (month) / 3 (year). Errors: 400
// dsc.40000011 "Invalid parameter" (the reference's example).
//
// The account's rules: region_id is the region of the project in the path ("当前项目所在region
// 的id"); each product_id is the catalogue's product of its spec code in that region for that
// period type (what BSS's price inquiry, huawei_price_pay.go, returns), so a placeholder or a stale id is
// refused; the spec code is sold as its resource type, under DSC's service type.

// DSCOrders is Huawei DSC's CreateProductOrder.
const DSCOrders API = "huawei/dsc/CreateProductOrder"

var dscEmulation = emulation{name: "huawei/dsc", api: DSCOrders, routes: []route{dscCreateProductOrder.rest()},
	billing: dscBilling} // billing_huawei.go

var dscCreateProductOrder = huaweiOp{
	method: http.MethodPost, path: "/v1/{project_id}/period/order", scope: scopeProject, regions: dscRegions,
	api: DSCOrders, invalid: "dsc.40000011", forbidden: "dsc.40300001",
	internal: apiError{http.StatusInternalServerError, "dsc.50000001", "Internal server error"},
	answer:   answerDSCOrder,
}

// dscServiceType is DSC's cloud service type.
const dscServiceType = "hws.service.type.sdg"

var dscParams = []param{
	{name: "charging_mode", kind: kInt32, required: true, ints: []int64{0, 1, 2}},
	{name: "cloud_service_type", kind: kString, required: true},
	{name: "composite_product_id", kind: kString},
	{name: "discount_id", kind: kString},
	{name: "is_auto_renew", kind: kInt32},
	{name: "period_num", kind: kInt32, required: true},
	{name: "period_type", kind: kInt32, required: true, ints: []int64{2, 3}},
	{name: "product_infos", kind: kArray, required: true, items: kObject, fields: []param{
		{name: "all_resource_names", kind: kArray, items: kString},
		{name: "cloud_service_type", kind: kString, required: true},
		{name: "display_id", kind: kString},
		{name: "product_id", kind: kString, required: true},
		{name: "product_spec_desc", kind: kString},
		{name: "resource_name", kind: kString},
		{name: "resource_size", kind: kInt32, required: true},
		{name: "resource_size_measure_id", kind: kInt32, required: true},
		{name: "resource_spec_code", kind: kString, required: true},
		{name: "resource_type", kind: kString, required: true},
		{name: "usage_factor", kind: kString},
		{name: "usage_measure_id", kind: kInt32},
		{name: "usage_value", kind: kNumber},
	}},
	{name: "promotion_activity_id", kind: kString},
	{name: "promotion_info", kind: kString},
	{name: "region_id", kind: kString, required: true},
	{name: "zone", kind: kString, required: true},
}

func answerDSCOrder(s *Server, c *huaweiRequest) (int, any, *apiError) {
	body, err := decodeBody(c.body)
	if err != nil {
		return 0, nil, c.invalidParameter("the body is not a valid JSON object")
	}
	if pr := checkParams(body, dscParams, "", huaweiPaths); pr != nil {
		return 0, nil, huaweiProblem(c, pr)
	}
	if region, _ := strAt(body, "region_id"); region != c.region {
		return 0, nil, c.invalidParameter(fmt.Sprintf("region_id %q is not the region of project %s (%s)", region, c.projectID, c.region))
	}
	if t, _ := strAt(body, "cloud_service_type"); t != dscServiceType {
		return 0, nil, c.invalidParameter(fmt.Sprintf("cloud_service_type %q is not Data Security Center's (%s)", t, dscServiceType))
	}
	periodType, _ := intAt(body, "period_type")
	for i, it := range listAt(body, "product_infos") {
		at := huaweiPaths.index("product_infos", i)
		spec, _ := strAt(it, "resource_spec_code")
		resType, _ := strAt(it, "resource_type")
		productID, _ := strAt(it, "product_id")
		lp, known := dscListPrices[spec]
		switch {
		case !known:
			return 0, nil, c.invalidParameter(fmt.Sprintf("%s.resource_spec_code %q is not a product of Data Security Center", at, spec))
		case lp.resourceType != resType:
			return 0, nil, c.invalidParameter(fmt.Sprintf("%s.resource_type %q does not match resource_spec_code %s (%s)", at, resType, spec, lp.resourceType))
		}
		if t, _ := strAt(it, "cloud_service_type"); t != dscServiceType {
			return 0, nil, c.invalidParameter(fmt.Sprintf("%s.cloud_service_type %q is not Data Security Center's (%s)", at, t, dscServiceType))
		}
		if want := DSCProductID(c.region, spec, int32(periodType)); productID != want {
			return 0, nil, c.invalidParameter(fmt.Sprintf("%s.product_id %q is not the product of %s in %s for period_type %d",
				at, productID, spec, c.region, periodType))
		}
	}
	orderID := newHuaweiOrderID(s.now())
	if e := c.place(s, orderID); e != nil {
		return 0, nil, e
	}
	return http.StatusOK, map[string]string{"order_id": orderID}, nil
}

// huaweiProblem is the service's answer to a broken documented rule.
func huaweiProblem(c *huaweiRequest, pr *problem) *apiError {
	if pr.missing {
		return c.invalidParameter(pr.path + " is required")
	}
	return c.invalidParameter(pr.path + " " + pr.why)
}
