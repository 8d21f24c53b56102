package flows

import (
	"strings"
	"testing"

	"cloudorder/i18n"
)

// A value that differs from a documented one only by what the eye cannot tell apart says which
// character, where (counted from 1), in both languages; a visibly different value does not.
func TestHiddenDifferenceIsNamed(t *testing.T) {
	f := alibabaPAI().FieldAt("body.Products.ChargeType")
	if f == nil {
		t.Fatal("no ChargeType field")
	}
	for _, tc := range []struct{ value, en, zh string }{
		{"POST\u200bPAY", "contains U+200B ZERO WIDTH SPACE at 5", "第 5 个字符是 U+200B ZERO WIDTH SPACE"},
		{"\u0420OSTPAY", "contains U+0420 CYRILLIC CAPITAL LETTER ER at 1", "第 1 个字符是 U+0420"},
		{"ＰＯＳＴＰＡＹ", "contains U+FF30 FULLWIDTH LATIN CAPITAL LETTER P at 1", "全角"},
		{"POSTPAY\u00a0", "contains U+00A0 NO-BREAK SPACE at 8", "U+00A0"},
		{"POSTPAY ", "contains U+0020 SPACE at 8", "第 8 个字符"},
		{"\ufeffPOSTPAY", "contains U+FEFF ZERO WIDTH NO-BREAK SPACE at 1", "U+FEFF"},
		{"PREPAY", "", ""},
		{"POSTPAYX\u200b", "", ""}, // differs visibly too: the rule alone
	} {
		ps := CheckValue(f, Ctx{Path: "body.Products[0].ChargeType"}, tc.value)
		if len(ps) != 1 || !strings.Contains(ps[0].Msg.EN, "only POSTPAY is supported") {
			t.Fatalf("%q: %v", tc.value, ps)
		}
		en, zh := ps[0].Msg.In(i18n.EN), ps[0].Msg.In(i18n.ZH)
		if tc.en == "" {
			if strings.Contains(en, "U+") || strings.Contains(zh, "U+") {
				t.Errorf("%q: %s / %s", tc.value, en, zh)
			}
			continue
		}
		if !strings.Contains(en, tc.en) || !strings.Contains(zh, tc.zh) || !strings.Contains(en, "it reads as POSTPAY but is not") {
			t.Errorf("%q:\n%s\n%s", tc.value, en, zh)
		}
	}
}

// Every API documents its order ids' shape (what the wizard may copy to the clipboard), and
// the documented examples have it; control characters and "" never do.
func TestEveryAPIKnowsItsOrderIDShape(t *testing.T) {
	for _, api := range testAPIs {
		example := map[string]string{"alibaba": "210292536260646", "huawei": "CS23060117315YQ6Z"}[api.Cloud]
		for id, want := range map[string]bool{example: true, example + "\x1b": false, example + "\n": false,
			"\u202e" + example: false, example + " ; id": false, "": false} {
			if api.IsOrderID(id) != want {
				t.Errorf("%s: IsOrderID(%q) = %v (%q)", api.ID, id, !want, api.OrderIDPattern)
			}
		}
	}
}

// An order file saved with a byte order mark is named as such, not as a stray character 'ï'.
func TestByteOrderMarkIsNamed(t *testing.T) {
	_, _, _, err := testAPIs.Load([]byte("\uFEFF" + `{"api":"alibaba/pai/CreateProductOrders","region":"cn-hangzhou","body":{}}`))
	se, ok := err.(*SyntaxError)
	if !ok || se.Line != 1 || se.Col != 1 || !strings.Contains(se.Text().EN, "byte order mark (U+FEFF BOM)") ||
		!strings.Contains(se.Text().ZH, "字节顺序标记") || strings.Contains(se.Text().EN, "ï") {
		t.Fatalf("%#v", err)
	}
}

// A value refused by its field's pattern says the same when only a hidden character breaks it.
func TestHiddenDifferenceInAPatternIsNamed(t *testing.T) {
	f := alibabaPAI().FieldAt("region")
	for value, want := range map[string]string{
		"cn-hangzhou\u200b": "contains U+200B ZERO WIDTH SPACE at 12",
		"cn-hangzhou ":      "contains U+0020 SPACE at 12",
		"сn-hangzhou":       "contains U+0441 CYRILLIC SMALL LETTER ES at 1",
		"cn_hangzhou":       "",
	} {
		ps := CheckValue(f, Ctx{Path: "region"}, value)
		if len(ps) != 1 {
			t.Fatalf("%q: %v", value, ps)
		}
		en := ps[0].Msg.In(i18n.EN)
		if want == "" && strings.Contains(en, "U+") || want != "" && !strings.Contains(en, want) {
			t.Errorf("%q: %s", value, en)
		}
	}
}
