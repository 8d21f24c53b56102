package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/placement"
)

// At 60×20 the payment question takes five lines of the footer: the result above it used
// to be cut wherever the window ended, mid-sentence ("…立即支付:会先显示支付内容,按 y").
// Now the offer the question repeats gives way to the question, and no sentence is cut.
func TestResultWithPayQuestionFitsSmallWindows(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		prov, _ := openSandbox(t, filepath.Join(t.TempDir(), "orders.jsonl"))
		d := newDriver(t, Options{Provider: prov, Lang: lang}, 60, 20)
		d.pickAPI(flows.HuaweiDSC)
		d.walk(nil)
		d.keys("y")
		if d.m.Where() != "result" {
			t.Fatalf("%s: at %s after y:\n%s", lang, d.m.Where(), d.view())
		}
		d.keys("p")
		s := d.m.s
		v := strings.Join(strings.Fields(d.view()), " ")
		flat := func(t i18n.Text) string { return strings.Join(strings.Fields(s.say(t)), " ") }
		if !strings.Contains(strings.ReplaceAll(v, " ", ""), strings.ReplaceAll(flat(txtUnpaid), " ", "")) {
			t.Errorf("%s: the unpaid sentence is not whole:\n%s", lang, d.view())
		}
		offer := flat(txtPayOffer)
		if strings.Contains(v, offer[:12]) {
			t.Errorf("%s: the pay offer is shown beside the question that repeats it:\n%s", lang, d.view())
		}
		if note := flat(txtScrollIDs); strings.Contains(v, note[:12]) && !strings.Contains(v, note) {
			t.Errorf("%s: the scroll-back note is cut:\n%s", lang, d.view())
		}
	}
}

// A payment whose answer was lost may have gone through: the result says exactly that, not
// "nothing was paid", nor by the order's own headline ("It MAY HAVE BEEN PLACED"),
// which reads as if the payment had not happened and the order might not exist.
func TestUnknownPaymentIsNotCalledFailed(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		prov, srv := openSandbox(t, filepath.Join(t.TempDir(), "orders.jsonl"))
		d := newDriver(t, Options{Provider: prov, Lang: lang}, 120, 40)
		d.pickAPI(flows.HuaweiDSC)
		d.walk(nil)
		d.keys("y")
		postFault(t, srv, `{"kind":"http500","count":1,"call":"bss/pay"}`)
		d.keys("p", "y")
		s := d.m.s
		v := strings.Join(strings.Fields(d.view()), " ")
		flat := func(t i18n.Text) string { return strings.Join(strings.Fields(s.say(t)), " ") }
		if strings.Contains(v, "nothing was paid") || strings.Contains(v, "未支付。") || strings.Contains(v, "MAY HAVE BEEN PLACED") || strings.Contains(v, "订单可能已经生成") {
			t.Errorf("%s: an unknown payment is worded as a failure or as the order's outcome:\n%s", lang, d.view())
		}
		if !strings.Contains(v, flat(placement.PayUnknown)) || !strings.Contains(v, "CBC.5000") {
			t.Errorf("%s: the unknown payment is not said with the cloud's code:\n%s", lang, d.view())
		}
	}
}

// A payment the cloud refuses (here: throttled) is said in the payment's words — nothing was
// paid, pay again — never in the order's ("nothing was bought", "place it again").
func TestRefusedPaymentIsSaidInThePaymentsWords(t *testing.T) {
	prov, srv := openSandbox(t, filepath.Join(t.TempDir(), "orders.jsonl"))
	d := newDriver(t, Options{Provider: prov, Lang: i18n.EN}, 120, 40)
	d.pickAPI(flows.HuaweiDSC)
	d.walk(nil)
	d.keys("y")
	postFault(t, srv, `{"kind":"throttle","count":1,"call":"bss/pay"}`)
	d.keys("p", "y")
	v := strings.Join(strings.Fields(d.view()), " ")
	if !strings.Contains(v, "The API is throttling requests: nothing was paid.") || !strings.Contains(v, "then pay again") ||
		strings.Contains(v, "nothing was bought") || strings.Contains(v, "place it again") {
		t.Errorf("a throttled payment is not said in the payment's words:\n%s", d.view())
	}
}
