package huawei

import (
	"context"
	"fmt"
	"strconv"
	"time"

	bss "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bss/v2"
	bssmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bss/v2/model"
	bssintl "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bssintl/v2"

	"cloudorder/flows"
	"cloudorder/providers"
)

// The account's orders as the Billing Center (BSS) keeps them: ShowCustomerOrderDetails
// (GET /v2/orders/customer-orders/details/{order_id}) and ListCustomerOrders (GET
// /v2/orders/customer-orders), on the account's site (services/bss/v2, or services/bssintl/v2
// for the international and European sites, whose models have the same JSON shapes). DSC and
// Workspace App order ids are BSS order ids. Shapes and codes: docs/billing.md.

var _ providers.OrderBook = (*Provider)(nil)

// bssTime is the time format BSS documents for create_time and its filters
// (yyyy-MM-dd'T'HH:mm:ss'Z', UTC).
const bssTime = "2006-01-02T15:04:05Z"

// listPage is how many orders one ListCustomerOrders page asks for; maxListed bounds how many
// a query reads (a resolution window holds a few minutes of one service's orders).
const (
	listPage  = 100
	maxListed = 500
)

// listingDelay: BSS creates the customer order synchronously with the service's order call
// (the order id the service answers is the BSS order id, and ShowCustomerOrderDetails answers
// it at once), but ListCustomerOrders is documented as a query of the order list without a
// freshness promise; five minutes covers the order list's replication as the console shows it.
const listingDelay = 5 * time.Minute

// ListingDelay is how long the order list may lag an order's creation (docs/billing.md).
func (p *Provider) ListingDelay(flows.APIID) time.Duration {
	return p.opts.Mode.ListingDelay(listingDelay)
}

// OrderDetail reads one order and its lines.
func (p *Provider) OrderDetail(ctx context.Context, api flows.APIID, region, orderID string) (providers.BillingOrder, error) {
	o, err := p.orderDetail(ctx, api, region, orderID)
	return o, p.scrub(err)
}

func (p *Provider) orderDetail(ctx context.Context, api flows.APIID, region, orderID string) (providers.BillingOrder, error) {
	if _, err := p.apis.Spec(api, "read the orders of"); err != nil {
		return providers.BillingOrder{}, err
	}
	if orderID == "" {
		return providers.BillingOrder{}, invalid(fmt.Errorf("no order id to look up"))
	}
	c, err := p.bssCall(ctx, region)
	if err != nil {
		return providers.BillingOrder{}, asLookupError(err)
	}
	limit := int32(listPage)
	req := &bssmodel.ShowCustomerOrderDetailsRequest{OrderId: orderID, Limit: &limit}
	resp, err := onSite(p, c, "read order "+orderID+" (BSS ShowCustomerOrderDetails)", req,
		bss.NewBssClient(c.hc).ShowCustomerOrderDetails, bssintl.NewBssintlClient(c.hc).ShowCustomerOrderDetails)
	if err != nil {
		return providers.BillingOrder{}, err
	}
	if resp.OrderInfo == nil {
		return providers.BillingOrder{}, &providers.Error{Kind: providers.Rejected, RequestID: c.RequestID(),
			Message: "BSS answered without order_info for order " + orderID}
	}
	return detailOrder(resp), nil
}

// ListOrders reads the orders created in q's window; each is completed with its lines from
// ShowCustomerOrderDetails (the list carries none). An order whose detail cannot be read is
// kept, marked Partial.
func (p *Provider) ListOrders(ctx context.Context, q providers.OrderQuery) ([]providers.BillingOrder, error) {
	out, err := p.listOrders(ctx, q)
	return out, p.scrub(err)
}

func (p *Provider) listOrders(ctx context.Context, q providers.OrderQuery) ([]providers.BillingOrder, error) {
	if _, err := p.apis.Spec(q.API, "read the orders of"); err != nil {
		return nil, err
	}
	var out []providers.BillingOrder
	for offset := 0; offset < maxListed; offset += listPage {
		page, total, err := p.listPage(ctx, q, offset)
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if len(page) < listPage || offset+len(page) >= total {
			break
		}
	}
	for i := range out {
		d, err := p.orderDetail(ctx, q.API, q.Region, out[i].OrderID)
		if err != nil {
			out[i].Partial = true
			continue
		}
		out[i].Lines = d.Lines
	}
	return out, nil
}

func (p *Provider) listPage(ctx context.Context, q providers.OrderQuery, offset int) ([]providers.BillingOrder, int, error) {
	c, err := p.bssCall(ctx, q.Region)
	if err != nil {
		return nil, 0, asLookupError(err)
	}
	from, to := q.From.UTC().Format(bssTime), q.To.UTC().Format(bssTime)
	limit, off := int32(listPage), int32(offset)
	req := &bssmodel.ListCustomerOrdersRequest{CreateTimeBegin: &from, CreateTimeEnd: &to, Limit: &limit, Offset: &off}
	if q.ServiceType != "" {
		req.ServiceTypeCode = &q.ServiceType
	}
	resp, err := onSite(p, c, "list orders (BSS ListCustomerOrders)", req,
		bss.NewBssClient(c.hc).ListCustomerOrders, bssintl.NewBssintlClient(c.hc).ListCustomerOrders)
	if err != nil {
		return nil, 0, err
	}
	var out []providers.BillingOrder
	if resp.OrderInfos != nil {
		for _, o := range *resp.OrderInfos {
			out = append(out, listedOrder(o))
		}
	}
	total := len(out) + offset
	if resp.TotalCount != nil {
		total = int(*resp.TotalCount)
	}
	return out, total, nil
}

// bssStates maps BSS's order status codes (model_customer_order_v2.go: 1 待审核, 2 待退款,
// 3 处理中, 4 已取消, 5 已完成, 6 待支付, 9 待确认, …) to plain states.
var bssStates = map[int32]struct {
	state providers.OrderState
	word  string
}{
	1: {providers.StateOther, "pending approval (待审核)"},
	2: {providers.StateOther, "pending refund (待退款)"},
	3: {providers.StateProcessing, "processing (处理中)"},
	4: {providers.StateCancelled, "cancelled (已取消)"},
	5: {providers.StateCompleted, "completed (已完成)"},
	6: {providers.StatePendingPayment, "pending payment (待支付)"},
	9: {providers.StateOther, "pending confirmation (待确认)"},
}

func state(status *int32) (providers.OrderState, string) {
	if status == nil {
		return providers.StateOther, "no status"
	}
	if s, ok := bssStates[*status]; ok {
		return s.state, fmt.Sprintf("%d %s", *status, s.word)
	}
	return providers.StateOther, strconv.Itoa(int(*status))
}

// bssOrderTypeNew is BSS order_type 1 (开通, a new purchase).
const bssOrderTypeNew = 1

func listedOrder(o bssmodel.CustomerOrderV2) providers.BillingOrder {
	b := providers.BillingOrder{OrderID: deref(o.OrderId), ServiceType: deref(o.ServiceTypeCode), Currency: deref(o.Currency)}
	b.State, b.CloudStatus = state(o.Status)
	b.Amount = amount(o.AmountAfterDiscount, o.OfficialAmount)
	b.Created = parseBSSTime(deref(o.CreateTime))
	if o.OrderType != nil {
		b.OrderType, b.New = strconv.Itoa(int(*o.OrderType)), *o.OrderType == bssOrderTypeNew
	}
	return b
}

func detailOrder(r *bssmodel.ShowCustomerOrderDetailsResponse) providers.BillingOrder {
	o := r.OrderInfo // a CustomerOrderV3: of what listedOrder reads, the same fields as the list's V2
	b := listedOrder(bssmodel.CustomerOrderV2{OrderId: o.OrderId, ServiceTypeCode: o.ServiceTypeCode, Currency: o.Currency,
		Status: o.Status, OrderType: o.OrderType, AmountAfterDiscount: o.AmountAfterDiscount, OfficialAmount: o.OfficialAmount,
		CreateTime: o.CreateTime})
	if r.OrderLineItems != nil {
		for _, l := range *r.OrderLineItems {
			b.Lines = append(b.Lines, providers.BillingLine{ProductID: deref(l.ProductId), ServiceType: deref(l.ServiceTypeCode),
				Spec: deref(l.ProductSpecDesc), PeriodType: int32p(l.PeriodType), PeriodNum: int32p(l.PeriodNum),
				Quantity: int32p(l.SubscriptionNum), Amount: amount(l.AmountAfterDiscount, l.OfficialAmount)})
		}
	}
	return b
}

// amount is what is paid (after discount), else the list amount, with two places.
func amount(after, official *float64) string {
	switch {
	case after != nil:
		return strconv.FormatFloat(*after, 'f', 2, 64)
	case official != nil:
		return strconv.FormatFloat(*official, 'f', 2, 64)
	}
	return ""
}

func int32p(v *int32) int {
	if v == nil {
		return 0
	}
	return int(*v)
}

func parseBSSTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// OrderFacts is what of o's body BSS's records of it can be matched on (per API: its Spec).
func (p *Provider) OrderFacts(o flows.Order) (providers.OrderFacts, error) {
	s, err := p.apis.Spec(o.API, "read the orders of")
	if err != nil {
		return providers.OrderFacts{}, err
	}
	return providers.FactsOf(o, s.facts, "the Billing Center's records")
}
