package placement

import (
	"strings"
	"testing"

	"cloudorder/i18n"
	"cloudorder/providers"
)

// A failed payment is advised in the payment's words for every kind and in both languages:
// it says what was (not) paid and never the order's "bought" or "place it again".
func TestPaymentAdviceSpeaksOfPaying(t *testing.T) {
	outs := map[string]Outcome{
		"interrupted": {Interrupted: true, Err: &providers.Error{Kind: providers.NotSent}},
		"throttled":   {Err: &providers.Error{Kind: providers.Rejected, HTTPStatus: 429, Code: "Throttling"}},
		"credentials": {Err: &providers.Error{Kind: providers.Rejected, HTTPStatus: 403, Code: "SignatureDoesNotMatch"}},
		"rejected":    {Err: &providers.Error{Kind: providers.Rejected, HTTPStatus: 400, Code: "CBC.0100"}},
		"unknown":     {Err: &providers.Error{Kind: providers.Unknown}},
		"not_sent":    {Err: &providers.Error{Kind: providers.NotSent}},
		"invalid":     {Err: &providers.Error{Kind: providers.Invalid}},
	}
	for name, o := range outs {
		a := AdvisePayment(o)
		order := Advise(o)
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
			words := a.Headline.In(lang) + " " + a.HintText("env").In(lang)
			if a.Headline.IsZero() || a.Hint.IsZero() || strings.Contains(words, "bought") || strings.Contains(words, "place it again") ||
				strings.Contains(words, "购买") || !strings.Contains(words, map[i18n.Lang]string{i18n.EN: "paid", i18n.ZH: "支付"}[lang]) {
				t.Errorf("%s (%s): %q", name, lang, words)
			}
		}
		if a.Word != order.Word {
			t.Errorf("%s: machine word %q, the order's is %q", name, a.Word, order.Word)
		}
	}
	if a := AdvisePayment(Outcome{}); !a.Headline.IsZero() {
		t.Errorf("a payment that went through has advice: %+v", a)
	}
}
