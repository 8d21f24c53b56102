package providers

import (
	"errors"
	"strings"
	"testing"

	"cloudorder/i18n"
)

func TestPriceLines(t *testing.T) {
	q := Quote{Priced: true, Total: "10200.00", Currency: "CNY", Period: i18n.T("2 months", "2 个月"), Note: ListPriceCaveat,
		Items: []PriceItem{{Label: "base_professional", ProductID: "OFFI1", Amount: "7500.00"}, {Label: "DB_professional"}}}
	if l := q.Line(); l.EN != "10200.00 CNY for 2 months — list price from the cloud's price inquiry, before discounts" ||
		l.ZH != "10200.00 CNY / 2 个月 — 云平台询价接口给出的官网价格,未计折扣" {
		t.Errorf("line %+v", l)
	}
	items := q.ItemLines()
	if len(items) != 2 || items[0].EN != "base_professional (OFFI1): 7500.00 CNY" || items[1].ZH != "DB_professional:未询价" {
		t.Errorf("items %+v", items)
	}
	if l := (Quote{Note: NoUpfrontPrice}).Line(); l != NoUpfrontPrice {
		t.Errorf("unpriced line %+v", l)
	}
	if l := PriceUnknown(errors.New("HTTP 500")); !strings.Contains(l.EN, "can still be placed") || !strings.Contains(l.ZH, "HTTP 500") {
		t.Errorf("unknown %+v", l)
	}
}
