package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Huawei BSS order queries for the sandbox account, in the shapes the BSS API reference gives
// them (the same in huaweicloud-sdk-go-v3 services/bss/v2/model: model_list_customer_orders_
// request.go, model_customer_order_v2.go, model_show_customer_order_details_response.go): GET
// /v2/orders/customer-orders (create_time_begin/create_time_end "yyyy-MM-ddTHH:mm:ssZ",
// service_type_code, status, order_type, limit 1–100, offset) and GET
// /v2/orders/customer-orders/details/{order_id}. Signed and checked like every BSS call
// (X-Domain-Id), faulted by call name. Status codes: 6 待支付 (pending payment), 5 已完成
// (completed); order_type 1 开通 (new purchase).

const (
	bssOrdersPath      = "/v2/orders/customer-orders"
	bssOrderDetailPath = "/v2/orders/customer-orders/details/"
)

// The BSS service types of the sandbox's Huawei orders: DSC's is the body's own
// cloud_service_type; Workspace App's is the sandbox's (the docs name none).
const wsaServiceType = "hws.service.type.workspace"

// bssTimeLayout is BSS's documented time format.
const bssTimeLayout = "2006-01-02T15:04:05Z"

// bssOrderOps are BSS's ListCustomerOrders and ShowCustomerOrderDetails, listed with BSS's
// other operations (huawei_price_pay.go).
var bssOrderOps = []route{
	huaweiOp{method: http.MethodGet, path: bssOrdersPath, scope: scopeDomain, call: CallBSSOrders, internal: bssInternal,
		invalid: "CBC.0100", answer: listCustomerOrders}.rest(),
	huaweiOp{method: http.MethodGet, path: bssOrderDetailPath + "{order_id}", scope: scopeDomain, call: CallBSSOrderDetail,
		internal: bssInternal, invalid: "CBC.0100", answer: showCustomerOrderDetails}.rest(),
}

// huaweiBook is the account's Huawei orders.
func (s *Server) huaweiBook(c *huaweiRequest) ([]bookOrder, *apiError) {
	b, err := s.book(huaweiBSS)
	if err != nil {
		e := c.op.internal
		e.Message += " (" + s.stateTrouble(err) + ")"
		return nil, &e
	}
	return b, nil
}

// dscBilling: a DSC order is created unpaid; its service type is its body's own.
var dscBilling = &billingOf{centre: huaweiBSS, unpaid: always, lines: dscLines, serviceType: func(body []byte) string {
	var b struct {
		CloudServiceType string `json:"cloud_service_type"`
	}
	_ = json.Unmarshal(body, &b)
	return b.CloudServiceType
}}

// workspaceAppBilling: a Workspace App order is listed completed, under the sandbox's
// service type (the docs name none).
var workspaceAppBilling = &billingOf{centre: huaweiBSS, unpaid: never, lines: workspaceAppLines,
	serviceType: func([]byte) string { return wsaServiceType }}

func listCustomerOrders(s *Server, c *huaweiRequest) (int, any, *apiError) {
	q := c.r.URL.Query()
	var problems []string
	timeParam := func(name string) time.Time {
		v := q.Get(name)
		if v == "" {
			return time.Time{}
		}
		t, err := time.Parse(bssTimeLayout, v)
		if err != nil {
			problems = append(problems, name+": must be UTC yyyy-MM-ddTHH:mm:ssZ, got "+quoteOrMissing(v))
		}
		return t
	}
	intParam := func(name string, def, lo, hi int) int {
		v := q.Get(name)
		if v == "" {
			return def
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < lo || n > hi {
			problems = append(problems, fmt.Sprintf("%s: must be a whole number from %d to %d, got %q", name, lo, hi, v))
		}
		return n
	}
	begin, end := timeParam("create_time_begin"), timeParam("create_time_end")
	if !begin.IsZero() && !end.IsZero() && (end.Before(begin) || end.Sub(begin) > 366*24*time.Hour) {
		problems = append(problems, "create_time_end: must be after create_time_begin and at most one year later")
	}
	limit, offset := intParam("limit", 10, 1, 100), intParam("offset", 0, 0, 1<<30)
	status, orderType := q.Get("status"), q.Get("order_type")
	if len(problems) > 0 {
		return 0, nil, bssInvalid(problems)
	}
	var rows []map[string]any
	book, e := s.huaweiBook(c)
	if e != nil {
		return 0, nil, e
	}
	for _, o := range book {
		info := customerOrder(o)
		switch {
		case !begin.IsZero() && o.At.Before(begin), !end.IsZero() && o.At.After(end):
		case q.Get("service_type_code") != "" && !strings.EqualFold(q.Get("service_type_code"), info["service_type_code"].(string)):
		case status != "" && status != strconv.Itoa(info["status"].(int)):
		case orderType != "" && orderType != "1":
		default:
			rows = append(rows, info)
		}
	}
	total := len(rows)
	rows = rows[min(offset, total):min(offset+limit, total)]
	return http.StatusOK, map[string]any{"total_count": total, "order_infos": nonNil(rows)}, nil
}

func showCustomerOrderDetails(s *Server, c *huaweiRequest) (int, any, *apiError) {
	id := c.params["order_id"]
	book, e := s.huaweiBook(c)
	if e != nil {
		return 0, nil, e
	}
	for _, o := range book {
		if o.OrderID != id {
			continue
		}
		lines := o.bill.lines(o)
		return http.StatusOK, map[string]any{"total_count": len(lines), "order_info": customerOrder(o), "order_line_items": lines}, nil
	}
	return 0, nil, bssInvalid([]string{"order_id: no order " + quoteOrMissing(id) + " in this account"})
}

// customerOrder is CustomerOrderV2/V3 of o.
func customerOrder(o bookOrder) map[string]any {
	status, payment := 5, o.paidAt.UTC().Format(bssTimeLayout)
	if o.state == bookUnpaid {
		status, payment = 6, ""
	}
	amount := bookAmount(o)
	info := map[string]any{"order_id": o.OrderID, "customer_id": DomainID, "service_type_code": o.bill.serviceType(o.Body),
		"source_type": 1, "status": status, "order_type": 1, "measure_id": 1, "currency": "CNY",
		"create_time": o.At.UTC().Format(bssTimeLayout), "user_name": "sandbox"}
	if amount != "" {
		info["official_amount"], info["amount_after_discount"] = json.Number(amount), json.Number(amount)
	}
	if payment != "" {
		info["payment_time"] = payment
	}
	return info
}

// dscOrderBody is what the book reads of a DSC order body.
type dscOrderBody struct {
	RegionID     string `json:"region_id"`
	PeriodType   int32  `json:"period_type"`
	PeriodNum    int32  `json:"period_num"`
	ProductInfos []struct {
		ProductID        string `json:"product_id"`
		CloudServiceType string `json:"cloud_service_type"`
		ResourceType     string `json:"resource_type"`
		ResourceSpecCode string `json:"resource_spec_code"`
		ResourceSize     int32  `json:"resource_size"`
	} `json:"product_infos"`
}

// dscLines are a DSC order's OrderLineItemEntityV2 items, priced with the sandbox's list
// prices (huawei_price_pay.go).
func dscLines(o bookOrder) []map[string]any {
	var b dscOrderBody
	_ = json.Unmarshal(o.Body, &b)
	var out []map[string]any
	for i, it := range b.ProductInfos {
		size := it.ResourceSize
		fen, _ := priceItem(periodProduct{CloudServiceType: it.CloudServiceType, ResourceType: it.ResourceType,
			ResourceSpec: it.ResourceSpecCode, Region: b.RegionID, ResourceSize: &size, PeriodType: b.PeriodType,
			PeriodNum: b.PeriodNum, SubscriptionNum: 1})
		out = append(out, map[string]any{"order_line_item_id": fmt.Sprintf("%s-%d", o.OrderID, i+1), "order_id": o.OrderID,
			"service_type_code": it.CloudServiceType, "product_id": it.ProductID, "product_spec_desc": it.ResourceSpecCode,
			"period_type": b.PeriodType, "period_num": b.PeriodNum, "subscription_num": 1, "currency": "CNY",
			"official_amount": json.Number(yuan(fen)), "amount_after_discount": json.Number(yuan(fen))})
	}
	return nonNil(out)
}

// workspaceAppLines are a Workspace App order's items, one per resource, unpriced.
func workspaceAppLines(o bookOrder) []map[string]any {
	var b struct {
		Resources []struct {
			PeriodType      int32 `json:"period_type"`
			PeriodNum       int32 `json:"period_num"`
			SubscriptionNum int32 `json:"subscription_num"`
			CreateServices  struct {
				ProductID string `json:"product_id"`
			} `json:"create_services"`
		} `json:"resources"`
	}
	_ = json.Unmarshal(o.Body, &b)
	var out []map[string]any
	for i, r := range b.Resources {
		out = append(out, map[string]any{"order_line_item_id": fmt.Sprintf("%s-%d", o.OrderID, i+1), "order_id": o.OrderID,
			"service_type_code": wsaServiceType, "product_id": r.CreateServices.ProductID, "product_spec_desc": r.CreateServices.ProductID,
			"period_type": r.PeriodType, "period_num": r.PeriodNum, "subscription_num": r.SubscriptionNum, "currency": "CNY"})
	}
	return nonNil(out)
}

// bookAmount is the order's amount in yuan ("" when the sandbox has no price for it).
func bookAmount(o bookOrder) string {
	var total int64
	for _, l := range o.bill.lines(o) {
		n, ok := l["official_amount"].(json.Number)
		if !ok {
			return ""
		}
		fen, err := strconv.ParseFloat(string(n), 64)
		if err != nil {
			return ""
		}
		total += int64(fen*100 + 0.5)
	}
	return yuan(total)
}

func nonNil(rows []map[string]any) []map[string]any {
	if rows == nil {
		return []map[string]any{}
	}
	return rows
}
