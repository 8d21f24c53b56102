package placement

import (
	"context"

	"cloudorder/i18n"
	"cloudorder/providers"
)

// Paying an order the cloud created unpaid (Huawei DSC) through BSS PayOrders: its own review
// line (order, amount, currency, where), its own question (AskPay), sent once and never
// retried, journaled like an order, and never a second time for the same order.

// PayReview is what a payment shows before it is confirmed.
type PayReview struct {
	Payment providers.Payment
	Mode    providers.Mode
	// Amount and Currency are the price reviewed when the order was placed (the list price of
	// its body), "" when none was recorded.
	Amount, Currency string
}

// Line is the payment's review line: "Pay order X (huawei/dsc/…, cn-north-4): 3750.00 CNY,
// list price at the review" — and, live, that it spends money; never said in the sandbox.
func (r PayReview) Line() i18n.Text {
	p := r.Payment
	id := providers.Printable(p.OrderID)
	amount := i18n.T("amount not recorded at the review: see the console", "下单时未记录金额:请在控制台查看")
	if r.Amount != "" {
		a := providers.JoinNonEmpty(" ", providers.Printable(r.Amount), providers.Printable(r.Currency))
		amount = i18n.Tf("%s (list price at the review)", "%s(下单审阅时的官网价)", a)
	}
	line := i18n.Tf("Pay order %s (%s, %s): %s. Sent once: PayOrders %s.", "支付订单 %s(%s,%s):%s。仅发送一次:PayOrders %s。",
		id, p.API, p.Region, amount, providers.Printable(string(p.Body())))
	switch r.Mode {
	case providers.Sandbox:
		return i18n.T(line.EN+" Sandbox: nothing is bought.", line.ZH+"沙箱:不会真实购买。")
	case providers.DryRun:
		return line
	}
	return i18n.T(line.EN+" This SPENDS MONEY.", line.ZH+"这会产生费用。")
}

// EarlierPayment is a payment of the same order found in the history (paid, or may have been),
// or a history that could not be read (Recent.Err): the payment is then refused.
func EarlierPayment(p providers.Provider, pay providers.Payment) (providers.Recent, bool) {
	if f, ok := p.(providers.PaymentFinder); ok {
		return f.EarlierPayment(pay)
	}
	return providers.Recent{}, false
}

// PaidBefore says which earlier payment makes a payment a repeat.
func PaidBefore(r providers.Recent) i18n.Text {
	if r.Err != nil {
		return i18n.Tf("not paid: the history could not be read (%s), so an earlier payment of this order cannot be ruled out",
			"未支付:无法读取历史(%s),无法排除此订单已被支付", providers.Printable(r.Err.Error()))
	}
	at := r.At.Local().Format("2006-01-02 15:04:05")
	if r.Outcome == "ok" {
		return i18n.Tf("not paid again: this order was paid at %s (history entry %s, request_id %s)",
			"未重复支付:此订单已于 %s 支付(历史记录 %s,request_id %s)", at, r.ID, providers.Printable(r.RequestID))
	}
	if r.Unrecorded {
		return i18n.Tf("not paid again: a payment of this order was started at %s and its outcome was never recorded (the process ended), "+
			"so it may have gone through (history entry %s): check the console",
			"未重复支付:此订单的支付已于 %s 开始,但结果从未记录(进程已结束),可能已经支付(历史记录 %s):请查看控制台", at, r.ID)
	}
	return i18n.Tf("not paid again: a payment of this order was sent at %s and its outcome is unknown (history entry %s): check the console",
		"未重复支付:此订单的支付已于 %s 发送,结果未知(历史记录 %s):请查看控制台", at, r.ID)
}

// Pay pays once: never retried (it spends money). The caller has asked AskPay and checked
// EarlierPayment.
func Pay(ctx context.Context, p providers.Provider, r PayReview) Outcome {
	payer, ok := p.(providers.Payer)
	if !ok {
		return Outcome{Err: &providers.Error{Kind: providers.Invalid, Message: string(r.Payment.API) + " orders are not paid from here"}}
	}
	if isInterrupt(ctx) {
		return Outcome{Interrupted: true, Err: asError(interruptedBeforeSending(ctx))}
	}
	if r.Amount != "" {
		ctx = providers.WithReviewedPrice(ctx, r.Amount, r.Currency)
	}
	res, err := payer.PayOrder(ctx, r.Payment)
	return outcomeOf(ctx, res, err, false, "")
}

// PaidLine is how a payment that went through is said.
func PaidLine(orderID, requestID string) i18n.Text {
	return i18n.Tf("paid: %s (request_id %s)", "已支付:%s(request_id %s)", providers.Printable(orderID), providers.Printable(requestID))
}

// PayUnknown is said after a payment whose answer was lost: it may have been paid.
var PayUnknown = i18n.T("It may have been paid: check the console before paying again.", "可能已经支付:再次支付前请先查看控制台。")
