package providers

import (
	"context"

	"cloudorder/flows"
	"cloudorder/i18n"
)

// Pricer is implemented by providers that can say what an order will cost before it is
// placed. A quote buys nothing: it may be retried and cached (see Cache), and a failed quote
// never blocks an order — the review says the price is unknown and why.
type Pricer interface {
	Quote(ctx context.Context, o flows.Order) (Quote, error)
}

// Quote is the price of an order as the cloud's own price inquiry states it.
type Quote struct {
	// Priced is false when the cloud has no documented inquiry for this order (Alibaba's
	// pay-as-you-go _share activations, Workspace App servers): Note then says so and the
	// amounts are empty. Nothing is ever estimated or invented.
	Priced   bool
	Items    []PriceItem
	Total    string // decimal amount as the cloud wrote it, e.g. "1299.00"
	Currency string // e.g. "CNY", "USD"
	Period   i18n.Text
	// Note is the caveat shown under the price (ListPriceCaveat when priced), or, unpriced,
	// the reason there is no figure (e.g. NoUpfrontPrice).
	Note i18n.Text
}

// PriceItem is one priced part of the order, in the order's own terms.
type PriceItem struct {
	Path      string // the item in the order, e.g. "body.product_infos[0]"
	Label     string // what it is, e.g. "base_professional"
	ProductID string // the catalog product id the inquiry answered with ("" when none)
	// Sends is the product id the order's body sends for this item ("" when the body names
	// none): the inquiry prices by spec and period, so the review compares the two
	// (placement.Price.Mismatches) rather than show the price of another product.
	Sends  string
	Amount string // decimal amount in Quote.Currency
}

// The sentences a quote carries.
var (
	ListPriceCaveat = i18n.T("list price from the cloud's price inquiry, before discounts",
		"云平台询价接口给出的官网价格,未计折扣")
	NoUpfrontPrice = i18n.T("billed by usage; no upfront price",
		"按实际用量计费;无预付价格")
	NoPriceInquiry = i18n.T("no documented price inquiry prices this order; see the console's price calculator",
		"没有公开文档的询价接口可为此订单询价;请参考控制台的价格计算器")
)

// Line is the review's price line: "7500.00 CNY for 2 months — list price from the cloud's
// price inquiry, before discounts", or, unpriced, the reason there is no figure.
func (q Quote) Line() i18n.Text {
	if !q.Priced {
		return q.Note
	}
	en := JoinNonEmpty(" ", q.Total, q.Currency)
	zh := en
	if !q.Period.IsZero() {
		en += " for " + q.Period.EN
		zh += " / " + q.Period.ZH
	}
	if !q.Note.IsZero() {
		en += " — " + q.Note.EN
		zh += " — " + q.Note.ZH
	}
	return i18n.T(en, zh)
}

// ItemLines are the per-item lines under the price: "body.product_infos[0] base_professional
// (OFFI…): 3750.00 CNY".
func (q Quote) ItemLines() []i18n.Text {
	var out []i18n.Text
	for _, it := range q.Items {
		what := it.Label
		if it.ProductID != "" {
			what += " (" + it.ProductID + ")"
		}
		amount := JoinNonEmpty(" ", it.Amount, q.Currency)
		if it.Amount == "" {
			out = append(out, i18n.T(what+": not priced", what+":未询价"))
			continue
		}
		out = append(out, i18n.T(what+": "+amount, what+":"+amount))
	}
	return out
}

// PriceUnknown is the review's line when the inquiry failed: the order can still be placed.
func PriceUnknown(err error) i18n.Text {
	return i18n.Tf("price unknown: the price inquiry failed (%v); the order can still be placed",
		"价格未知:询价失败(%v);仍可下单", err)
}

// JoinNonEmpty is the non-empty parts joined by sep, e.g. "vpc-workspace · 10.0.0.0/16".
func JoinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}
