package inert

import "testing"

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"ORDER-1":                      "ORDER-1",
		"订单 1":                         "订单 1",
		"a\x1b]52;c;ZWNobyBoaQ==\x07b": `a\x1b]52;c;ZWNobyBoaQ==\x07b`,
		"line\r\nforged":               `line\r\nforged`,
		"tab\there":                    `tab\there`,
		"del\x7f":                      `del\x7f`,
		"c1\u009b31m":                  `c1\u009b31m`,
		"rlo\u202eexe.txt":             `rlo\u202eexe.txt`,
		"iso\u2066x\u2069":             `iso\u2066x\u2069`,
		"mark\u200e\u200f\u061c":       `mark\u200e\u200f\u061c`,
		"sep\u2028\u2029":              `sep\u2028\u2029`,
		"bad\xffutf8":                  `bad\xffutf8`,
	} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
		if got := Text(in); got != in {
			for _, r := range got {
				if Active(r) {
					t.Errorf("Text(%q) still holds %U", in, r)
				}
			}
		}
	}
}
