package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Alibaba BssOpenApi 2017-12-14 order queries, RPC style: a request to "/" whose parameters
// (query string, and for POST the form body) name the Action. GetOrderDetail (OrderId) and
// QueryOrders (CreateTimeStart/CreateTimeEnd "yyyy-MM-ddTHH:mm:ssZ", ProductCode,
// SubscriptionType, OrderType, PaymentStatus, PageNum, PageSize; the last hour when no time
// is given), answered as {"Code","Message","RequestId","Success","Data":{…,"OrderList":
// {"Order":[…]}}} (alibaba-cloud-sdk-go services/bssopenapi models; the BssOpenApi reference
// https://www.alibabacloud.com/help/en/user-center/developer-reference/api-queryorders).
// The RPC signature (or V3), its date and nonce are checked by the RPC helper
// (alibaba_auth.go, alibaba_rpc.go).

const rpcTimeLayout = "2006-01-02T15:04:05Z"

// bssOpenAPIEmulation is BssOpenApi's GetOrderDetail and QueryOrders, RPC operations (GET or
// POST) signed and checked by the RPC helper (alibaba_rpc.go).
var bssOpenAPIEmulation = emulation{name: "alibaba/bssopenapi", routes: []route{
	bssOpenAPIGetOrderDetail.rpc(http.MethodGet), bssOpenAPIGetOrderDetail.rpc(http.MethodPost),
	bssOpenAPIQueryOrders.rpc(http.MethodGet), bssOpenAPIQueryOrders.rpc(http.MethodPost),
}}

var (
	bssOpenAPIGetOrderDetail = alibabaOp{product: "BssOpenApi", action: "GetOrderDetail", versions: []string{"2017-12-14"},
		call: CallBSSOpenAPIOrderDetail, answer: bssOpenAPIAnswer(getOrderDetail)}
	bssOpenAPIQueryOrders = alibabaOp{product: "BssOpenApi", action: "QueryOrders", versions: []string{"2017-12-14"},
		call: CallBSSOpenAPIOrders, answer: bssOpenAPIAnswer(queryOrders)}
)

// bssOpenAPIAnswer wraps an answer's Data in BssOpenApi's envelope.
func bssOpenAPIAnswer(data func(*Server, url.Values) (any, *apiError)) func(*Server, *alibabaRequest) (any, *apiError) {
	return func(s *Server, c *alibabaRequest) (any, *apiError) {
		d, e := data(s, c.params)
		if e != nil {
			return nil, e
		}
		return map[string]any{"Code": "Success", "Message": "Successful!", "RequestId": c.requestID, "Success": true, "Data": d}, nil
	}
}

// alibabaBook is the account's Alibaba orders.
func (s *Server) alibabaBook() ([]bookOrder, *apiError) {
	b, err := s.book(alibabaBSSOpenAPI)
	if err != nil {
		e := alibabaInternal
		e.Message += " (" + s.stateTrouble(err) + ")"
		return nil, &e
	}
	return b, nil
}

// paiBilling: a PAI order is paid at once when its body says AutoPay true.
var paiBilling = &billingOf{centre: alibabaBSSOpenAPI, lines: bssOrderRows, unpaid: func(body []byte) bool {
	var b struct{ AutoPay *bool }
	return json.Unmarshal(body, &b) != nil || b.AutoPay == nil || !*b.AutoPay
}}

func getOrderDetail(s *Server, params url.Values) (any, *apiError) {
	id := params.Get("OrderId")
	if id == "" {
		return nil, &apiError{http.StatusBadRequest, "MissingOrderId", "OrderId is mandatory for this action."}
	}
	book, e := s.alibabaBook()
	if e != nil {
		return nil, e
	}
	for _, o := range book {
		if o.OrderID == id {
			rows := o.bill.lines(o)
			return orderData(rows, 1, 20, len(rows)), nil
		}
	}
	return nil, &apiError{http.StatusBadRequest, "InvalidParameter", "The specified order " + id + " does not exist in this account."}
}

func queryOrders(s *Server, params url.Values) (any, *apiError) {
	end, start := s.now(), s.now().Add(-time.Hour) // the documented default: the last hour
	var problems []string
	for name, t := range map[string]*time.Time{"CreateTimeStart": &start, "CreateTimeEnd": &end} {
		if v := params.Get(name); v != "" {
			parsed, err := time.Parse(rpcTimeLayout, v)
			if err != nil {
				problems = append(problems, name+": must be yyyy-MM-ddTHH:mm:ssZ (UTC), got "+quoteOrMissing(v))
			}
			*t = parsed
		}
	}
	page, size := 1, 20
	for name, n := range map[string]*int{"PageNum": &page, "PageSize": &size} {
		if v := params.Get(name); v != "" {
			parsed, err := strconv.Atoi(v)
			if err != nil || parsed < 1 || (name == "PageSize" && parsed > 300) {
				problems = append(problems, name+": must be a positive whole number (PageSize at most 300), got "+quoteOrMissing(v))
			}
			*n = parsed
		}
	}
	if st := params.Get("SubscriptionType"); st != "" && st != "Subscription" && st != "PayAsYouGo" {
		problems = append(problems, "SubscriptionType: must be Subscription or PayAsYouGo")
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, &apiError{http.StatusBadRequest, "InvalidParameter", "Invalid parameter: " + strings.Join(problems, "; ")}
	}
	var rows []map[string]any
	book, e := s.alibabaBook()
	if e != nil {
		return nil, e
	}
	for _, o := range book {
		if o.At.Before(start) || o.At.After(end) {
			continue
		}
		for _, row := range o.bill.lines(o)[:1] { // QueryOrders: one row per order, its main product
			if rowMatches(row, params) {
				rows = append(rows, row)
			}
		}
	}
	total := len(rows)
	from := min((page-1)*size, total)
	return orderData(rows[from:min(from+size, total)], page, size, total), nil
}

// rowMatches applies QueryOrders' filters.
func rowMatches(row map[string]any, params url.Values) bool {
	for _, name := range []string{"ProductCode", "SubscriptionType", "OrderType", "PaymentStatus"} {
		if v := params.Get(name); v != "" && !strings.EqualFold(v, row[name].(string)) {
			return false
		}
	}
	return true
}

func orderData(rows []map[string]any, page, size, total int) map[string]any {
	return map[string]any{"HostName": "sandbox", "PageNum": page, "PageSize": size, "TotalCount": total,
		"OrderList": map[string]any{"Order": nonNil(rows)}}
}

// bssOrderRows are o's rows, one per product of its body.
func bssOrderRows(o bookOrder) []map[string]any {
	var b struct {
		Products []struct{ ProductCode, ChargeType string }
	}
	_ = json.Unmarshal(o.Body, &b)
	status, paidAt := "Paid", o.paidAt.UTC().Format(rpcTimeLayout)
	if o.state == bookUnpaid {
		status, paidAt = "Unpaid", ""
	}
	var rows []map[string]any
	for i, p := range b.Products {
		sub := "PayAsYouGo"
		if p.ChargeType == "PREPAY" {
			sub = "Subscription"
		}
		rows = append(rows, map[string]any{"OrderId": o.OrderID, "SubOrderId": fmt.Sprintf("%s%02d", o.OrderID, i+1),
			"ProductCode": p.ProductCode, "CommodityCode": p.ProductCode, "ProductType": "", "SubscriptionType": sub,
			"OrderType": "New", "CreateTime": o.At.UTC().Format(rpcTimeLayout), "PaymentStatus": status, "PaymentTime": paidAt,
			"Region": "cn-hangzhou", "Currency": "CNY", "PaymentCurrency": "CNY", "PretaxGrossAmount": "0.00", "PretaxAmount": "0.00",
			"PretaxAmountLocal": "0.00", "AfterTaxAmount": "0.00", "Tax": "0.00", "Quantity": "1", "Config": "",
			"OriginalConfig": "", "InstanceIDs": "", "Operator": "sandbox", "RelatedOrderId": "", "OrderSubType": "",
			"UsageStartTime": "", "UsageEndTime": ""})
	}
	return rows
}
