package providers

import (
	"context"
	"encoding/json"

	"cloudorder/flows"
)

// Payment is the payment of an order the cloud created unpaid (Huawei DSC orders).
type Payment struct {
	API     flows.APIID // the API that created the order
	Region  string
	OrderID string
}

// PayOrdersAPI is how the history names a payment (Huawei BSS PayOrders,
// POST /v3/orders/customer-orders/pay).
const PayOrdersAPI flows.APIID = "huawei/bss/PayOrders"

// Body is the payment request exactly as it is sent and journaled: the order, no coupon, no
// discount (the console's defaults; a discount would change the amount reviewed).
func (p Payment) Body() []byte {
	b, _ := json.Marshal(struct {
		OrderID     string `json:"order_id"`
		UseCoupon   string `json:"use_coupon"`
		UseDiscount string `json:"use_discount"`
	}{p.OrderID, "NO", "NO"})
	return b
}

// Payer is implemented by providers that can pay an unpaid order. Paying spends money: like
// Submit it is sent exactly once and never retried, and the journal records it like an order.
type Payer interface {
	PayOrder(ctx context.Context, p Payment) (Result, error)
}

// UnpaidOrders is implemented by providers whose APIs create orders unpaid (Huawei DSC): the
// result screen says so, links the console page that pays them, and offers PayOrder.
type UnpaidOrders interface {
	// Unpaid reports whether api's orders are created unpaid, and the console page to pay them.
	// false means no payment step is known here (Alibaba's AutoPay is part of its order body).
	Unpaid(api flows.APIID) (unpaid bool, consoleURL string)
}
