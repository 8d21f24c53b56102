package providers

import "testing"

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"CS2612011200abcde":            "CS2612011200abcde",
		"订单号 正常":                       "订单号 正常",
		"a\x1b[2Jb":                    `a\x1b[2Jb`,
		"x\nrequest_id: FORGED":        `x\nrequest_id: FORGED`,
		"\u009b31m \u202eevil\x7f\t\r": `\u009b31m \u202eevil\x7f\t\r`,
		"bad\xffutf8":                  `bad\xffutf8`,
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}
