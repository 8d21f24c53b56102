package ui

import (
	"context"
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

// idProvider answers every order with the order id it is given: a server's text.
type idProvider struct {
	*fakeProvider
	id string
}

func (p idProvider) Submit(ctx context.Context, o flows.Order) (providers.Result, error) {
	r, err := p.fakeProvider.Submit(ctx, o)
	r.OrderID = p.id
	return r, err
}

// c on the result puts the order id on the clipboard only when it has the API's documented
// shape; an id carrying ESC, a newline, a text-direction control or shell text is not copied,
// and the screen says why and where to copy it from instead.
func TestClipboardGetsOnlyADocumentedOrderID(t *testing.T) {
	for _, tc := range []struct {
		name, id string
		copied   bool
	}{
		{"documented", "210292536260646", true},
		{"OSC 52 inside", "2102\x1b]52;c;ZWNobyBoaQ==\x07", false},
		{"newline and a command", "2102\nrm -rf ~\n", false},
		{"right-to-left override", "2102\u202e6460", false},
		{"shell text", "2102$(id)", false},
		{"empty", "", false},
	} {
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
			t.Run(tc.name+"/"+string(lang), func(t *testing.T) {
				d := newDriver(t, Options{Provider: idProvider{&fakeProvider{}, tc.id}, Lang: lang}, 120, 40)
				d.walk(fillAlibaba)
				d.keys("y")
				nm, cmd := d.m.Update(keyMsg("c"))
				d.m = nm.(Model)
				got, ok := clipboardOf(t, cmd)
				if ok != tc.copied || ok && got != tc.id {
					t.Fatalf("c sent %q (clipboard %v)", got, ok)
				}
				v := strings.Join(strings.Fields(d.view()), " ")
				say := map[bool]map[i18n.Lang]string{
					true:  {i18n.EN: "your terminal may not support it", i18n.ZH: "你的终端可能不支持"},
					false: {i18n.EN: "The order ID was not copied", i18n.ZH: "订单 ID 未复制"},
				}[tc.copied][lang]
				if tc.id == "" {
					return // no id: c is not offered at all
				}
				if !strings.Contains(v, say) {
					t.Fatalf("the screen does not say %q:\n%s", say, d.view())
				}
			})
		}
	}
}
