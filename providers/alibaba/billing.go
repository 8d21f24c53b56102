package alibaba

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/bssopenapi"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
)

// The account's orders as the billing centre (BssOpenApi 2017-12-14, RPC style) keeps them:
// GetOrderDetail (OrderId) and QueryOrders (CreateTimeStart/CreateTimeEnd, SubscriptionType,
// OrderType, PageNum/PageSize), through services/bssopenapi's request and response models.
// The OrderId CreateProductOrders answers is a BSS order id. Shapes: docs/billing.md.

var _ providers.OrderBook = (*Provider)(nil)

// bssTime is the documented format of CreateTimeStart/CreateTimeEnd (ISO 8601, UTC).
const bssTime = "2006-01-02T15:04:05Z"

// queryPage and maxQueried bound QueryOrders (its PageSize is at most 100).
const (
	queryPage  = 100
	maxQueried = 500
)

// listingDelay: QueryOrders reads the order list BSS writes when the order is created;
// GetOrderDetail answers the order id at once. Five minutes covers the list's replication
// (docs/billing.md says why).
const listingDelay = 5 * time.Minute

// ListingDelay is how long the order list may lag an order's creation.
func (p *Provider) ListingDelay(flows.APIID) time.Duration {
	return p.opts.Mode.ListingDelay(listingDelay)
}

// bssHost is BssOpenApi's host for region, from the SDK's endpoint map
// (services/bssopenapi/endpoint.go): mainland regions go to business.aliyuncs.com, the others
// to business.ap-southeast-1.aliyuncs.com.
func bssHost(region string) string {
	if h := bssopenapi.GetEndpointMap()[region]; h != "" {
		return h
	}
	if strings.HasPrefix(region, "cn-") {
		return "business.aliyuncs.com"
	}
	return "business.ap-southeast-1.aliyuncs.com"
}

// bssEndpoint is the override, else the region's BssOpenApi host, through the endpoint gate.
func (p *Provider) bssEndpoint(region string) (config.Endpoint, error) {
	if p.opts.Endpoint != nil {
		return *p.opts.Endpoint, nil
	}
	return config.CheckEndpoint("the BssOpenApi endpoint for "+region, "https://"+bssHost(region))
}

// sendBSS sends one read-only BssOpenApi request (RPC style, call.go) once to the region's
// BssOpenApi endpoint.
func (p *Provider) sendBSS(ctx context.Context, region, what string, r request, resp responses.AcsResponse) error {
	ep, err := p.bssEndpoint(region)
	if err != nil {
		return &providers.Error{Kind: providers.Invalid, Message: err.Error(), Err: err}
	}
	return p.send(ctx, region, ep, what, r, resp)
}

// OrderDetail reads one order.
func (p *Provider) OrderDetail(ctx context.Context, api flows.APIID, region, orderID string) (providers.BillingOrder, error) {
	if _, err := p.apis.Spec(api, "read the orders of"); err != nil {
		return providers.BillingOrder{}, err
	}
	if orderID == "" {
		return providers.BillingOrder{}, &providers.Error{Kind: providers.Invalid, Message: "no order id to look up"}
	}
	req := bssopenapi.CreateGetOrderDetailRequest()
	req.OrderId = orderID
	resp := bssopenapi.CreateGetOrderDetailResponse()
	if err := p.sendBSS(ctx, region, "read order "+orderID+" (BssOpenApi GetOrderDetail)", rpc(req, req.RpcRequest), resp); err != nil {
		return providers.BillingOrder{}, err
	}
	if !resp.Success {
		return providers.BillingOrder{}, unsuccessful(resp.Code, resp.Message, resp.RequestId)
	}
	lines := resp.Data.OrderList.Order
	if len(lines) == 0 {
		return providers.BillingOrder{}, &providers.Error{Kind: providers.Rejected, RequestID: resp.RequestId,
			Message: "BssOpenApi answered without the order " + orderID}
	}
	return joinOrder(lines), nil
}

// ListOrders reads the orders created in q's window, page by page.
func (p *Provider) ListOrders(ctx context.Context, q providers.OrderQuery) ([]providers.BillingOrder, error) {
	if _, err := p.apis.Spec(q.API, "read the orders of"); err != nil {
		return nil, err
	}
	var rows []bssopenapi.Order
	for page := 1; (page-1)*queryPage < maxQueried; page++ {
		req := bssopenapi.CreateQueryOrdersRequest()
		req.CreateTimeStart, req.CreateTimeEnd = q.From.UTC().Format(bssTime), q.To.UTC().Format(bssTime)
		req.ProductCode = q.ServiceType
		req.PageNum, req.PageSize = requests.NewInteger(page), requests.NewInteger(queryPage)
		resp := bssopenapi.CreateQueryOrdersResponse()
		if err := p.sendBSS(ctx, q.Region, "list orders (BssOpenApi QueryOrders)", rpc(req, req.RpcRequest), resp); err != nil {
			return nil, err
		}
		if !resp.Success {
			return nil, unsuccessful(resp.Code, resp.Message, resp.RequestId)
		}
		rows = append(rows, resp.Data.OrderList.Order...)
		if len(resp.Data.OrderList.Order) < queryPage || page*queryPage >= resp.Data.TotalCount {
			break
		}
	}
	// QueryOrders answers one row per order (its main product); group by OrderId all the same,
	// in the order the rows came.
	var out []providers.BillingOrder
	byID := map[string][]bssopenapi.Order{}
	var ids []string
	for _, r := range rows {
		if _, seen := byID[r.OrderId]; !seen {
			ids = append(ids, r.OrderId)
		}
		byID[r.OrderId] = append(byID[r.OrderId], r)
	}
	for _, id := range ids {
		out = append(out, joinOrder(byID[id]))
	}
	return out, nil
}

// unsuccessful is a 2xx answer with Success false: BssOpenApi's way of refusing a query.
func unsuccessful(code, msg, requestID string) error {
	return &providers.Error{Kind: providers.Rejected, HTTPStatus: 200, Code: code, Message: msg, RequestID: requestID}
}

// paymentStates maps PaymentStatus (Unpaid, Paid, Cancelled; none for a refund) to plain states.
var paymentStates = map[string]providers.OrderState{
	"Unpaid":    providers.StatePendingPayment,
	"Paid":      providers.StateCompleted,
	"Cancelled": providers.StateCancelled,
}

// joinOrder makes one order of its rows (GetOrderDetail answers one row per sub-order).
func joinOrder(rows []bssopenapi.Order) providers.BillingOrder {
	first := rows[0]
	b := providers.BillingOrder{OrderID: first.OrderId, CloudStatus: first.PaymentStatus, Currency: first.Currency,
		ServiceType: first.ProductCode, OrderType: first.OrderType, New: first.OrderType == "New"}
	b.State = paymentStates[first.PaymentStatus]
	if b.State == "" {
		b.State = providers.StateOther
	}
	if t, err := time.Parse(time.RFC3339, first.CreateTime); err == nil {
		b.Created = t.UTC()
	}
	var total float64
	priced := false
	for _, r := range rows {
		qty, _ := strconv.Atoi(r.Quantity)
		b.Lines = append(b.Lines, providers.BillingLine{ProductCode: r.ProductCode, ServiceType: r.CommodityCode,
			Quantity: qty, Amount: r.PretaxAmount, SubscriptionType: r.SubscriptionType, Spec: r.Config})
		if v, err := strconv.ParseFloat(r.PretaxAmount, 64); err == nil {
			total, priced = total+v, true
		}
	}
	if priced {
		b.Amount = strconv.FormatFloat(total, 'f', 2, 64)
	}
	return b
}

// OrderFacts: a PAI order's BSS rows carry each product's code and billing method
// (SubscriptionType: PREPAY Subscription, POSTPAY PayAsYouGo).
func (p *Provider) OrderFacts(o flows.Order) (providers.OrderFacts, error) {
	s, err := p.apis.Spec(o.API, "read the orders of")
	if err != nil {
		return providers.OrderFacts{}, err
	}
	return providers.FactsOf(o, s.facts, "the billing centre's records")
}
