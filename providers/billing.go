package providers

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"cloudorder/flows"
	"cloudorder/i18n"
)

// OrderBook is implemented by providers that can read the cloud's own order records (Huawei
// BSS ShowCustomerOrderDetails / ListCustomerOrders, Alibaba BssOpenApi GetOrderDetail /
// QueryOrders: docs/billing.md). Reading buys nothing: these calls may be repeated, and the
// journal does not record them.
type OrderBook interface {
	// OrderDetail is one order of api's cloud, by the order id its ordering API answered.
	OrderDetail(ctx context.Context, api flows.APIID, region, orderID string) (BillingOrder, error)
	// ListOrders lists the account's orders created in q's window, for q's service.
	ListOrders(ctx context.Context, q OrderQuery) ([]BillingOrder, error)
	// OrderFacts is what of an order body the cloud's order records can be matched on.
	OrderFacts(o flows.Order) (OrderFacts, error)
	// ListingDelay is how long after an order is created the cloud's order list may still not
	// show it (docs/billing.md): "not placed" is said only once the window plus this has passed.
	ListingDelay(api flows.APIID) time.Duration
}

// OrderState is an order's state in plain words, the same for both clouds.
type OrderState string

// The states `cloudorder status` names.
const (
	StatePendingPayment OrderState = "pending_payment"
	StateProcessing     OrderState = "processing" // paid, being opened
	StateCompleted      OrderState = "completed"
	StateCancelled      OrderState = "cancelled"
	StateFailed         OrderState = "failed"
	StateOther          OrderState = "other" // a state this tool has no plain word for (CloudStatus says it)
)

// Text is the state in plain words, both languages.
func (s OrderState) Text() i18n.Text {
	switch s {
	case StatePendingPayment:
		return i18n.T("pending payment (unpaid)", "待支付(未付款)")
	case StateProcessing:
		return i18n.T("paid, processing", "已支付,处理中")
	case StateCompleted:
		return i18n.T("completed", "已完成")
	case StateCancelled:
		return i18n.T("cancelled", "已取消")
	case StateFailed:
		return i18n.T("failed", "失败")
	}
	return i18n.T("other (see the cloud's status)", "其他(见云平台状态)")
}

// Unpaid reports whether the order waits for payment.
func (s OrderState) Unpaid() bool { return s == StatePendingPayment }

// BillingOrder is one order as the cloud's billing records show it.
type BillingOrder struct {
	OrderID     string     `json:"order_id"`
	State       OrderState `json:"state"`
	CloudStatus string     `json:"cloud_status"` // the cloud's own word or code, e.g. "6 (待支付)", "Unpaid"
	Amount      string     `json:"amount,omitempty"`
	Currency    string     `json:"currency,omitempty"`
	Created     time.Time  `json:"created"`
	ServiceType string     `json:"service_type,omitempty"` // Huawei service_type_code / Alibaba ProductCode
	OrderType   string     `json:"order_type,omitempty"`   // the cloud's word, e.g. "1" (开通) or "New"
	// New is true when the cloud's order type is a new purchase (Huawei 1 开通, Alibaba New).
	New   bool          `json:"new"`
	Lines []BillingLine `json:"products,omitempty"`
	// Partial is true when the lines could not be read (the list call carries none and the
	// detail call failed): such an order is never counted as matching.
	Partial bool `json:"partial,omitempty"`
}

// BillingLine is one product of an order.
type BillingLine struct {
	ProductID   string `json:"product_id,omitempty"`   // Huawei catalog product id
	ProductCode string `json:"product_code,omitempty"` // Alibaba ProductCode / CommodityCode
	ServiceType string `json:"service_type,omitempty"`
	Spec        string `json:"spec,omitempty"` // the cloud's description of the spec
	PeriodType  int    `json:"period_type,omitempty"`
	PeriodNum   int    `json:"period_num,omitempty"`
	Quantity    int    `json:"quantity,omitempty"`
	Amount      string `json:"amount,omitempty"`
	// SubscriptionType is Alibaba's Subscription / PayAsYouGo.
	SubscriptionType string `json:"subscription_type,omitempty"`
}

// OrderQuery asks for the account's orders created between From and To.
type OrderQuery struct {
	API       flows.APIID // whose cloud and service
	Region    string
	ProjectID string
	From, To  time.Time
	// ServiceType narrows the list to one service (Huawei service_type_code, Alibaba
	// ProductCode) when the cloud's records are known to carry it; "" = every order.
	ServiceType string
}

// OrderFacts are the parts of an order body the cloud's order records are compared on. An
// empty or zero field is not compared.
type OrderFacts struct {
	ServiceType  string   `json:"service_type,omitempty"`
	ProductIDs   []string `json:"product_ids,omitempty"`   // Huawei: every product_infos[].product_id
	ProductCodes []string `json:"product_codes,omitempty"` // Alibaba: every Products[].ProductCode
	PeriodType   int      `json:"period_type,omitempty"`
	PeriodNum    int      `json:"period_num,omitempty"`
	Quantity     int      `json:"quantity,omitempty"`
	// SubscriptionType is Alibaba's word for the body's ChargeType (PREPAY Subscription,
	// POSTPAY PayAsYouGo).
	SubscriptionType string `json:"subscription_type,omitempty"`
	// Amount is the price of the exact body when the review quoted it ("" = unknown).
	Amount string `json:"amount,omitempty"`
}

// FactsOf is what of o's body the cloud's order records (records, e.g. "the Billing Center's
// records") can be matched on, read by facts, the provider's function for o's API: Invalid when
// the API has none or the body cannot be read. The product lists are sorted, so that two
// orders' facts compare as sets.
func FactsOf(o flows.Order, facts func(flows.Order) (OrderFacts, error), records string) (OrderFacts, error) {
	if facts == nil {
		msg := fmt.Sprintf("%s orders cannot be matched to %s", o.API, records)
		return OrderFacts{}, &Error{Kind: Invalid, Message: msg, Err: errors.New(msg)}
	}
	f, err := facts(o)
	if err != nil {
		return OrderFacts{}, &Error{Kind: Invalid, Message: err.Error(), Err: err}
	}
	slices.Sort(f.ProductIDs)
	slices.Sort(f.ProductCodes)
	return f, nil
}

// ListingDelay is how long a cloud's order list may lag an order's creation in mode: listed,
// the cloud's own lag, except in the sandbox, which lists an order the moment it records it
// (providers/sandbox/orderbook.go).
func (m Mode) ListingDelay(listed time.Duration) time.Duration {
	if m == Sandbox {
		return 0
	}
	return listed
}
