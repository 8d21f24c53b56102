package providers

import (
	"errors"
	"strings"
	"testing"
)

// Every kind has its own exit code and is worded in both languages.
func TestOutcomeTable(t *testing.T) {
	exits := map[int]Kind{}
	for _, k := range []Kind{0, Invalid, Rejected, Unknown, NotSent} {
		o := OutcomeOf(k)
		if o.Headline.EN == "" || o.Headline.ZH == "" || (k != 0 && (o.Advice.EN == "" || o.Advice.ZH == "")) || o.Word == "" {
			t.Errorf("kind %d: %+v", k, o)
		}
		if other, dup := exits[o.Exit]; dup {
			t.Errorf("kinds %d and %d share exit %d", k, other, o.Exit)
		}
		exits[o.Exit] = k
	}
	if OutcomeOf(NotSent).Exit != 5 || OutcomeOf(Unknown).Exit != 4 || OutcomeOf(Kind(99)).Exit != 4 {
		t.Error("exit codes moved: scripts rely on them")
	}
}

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
	d := Recent{Err: errors.New("history x: not \x1b regular")}.Describe()
	if strings.Contains(d.EN, "\x1b") || !strings.Contains(d.ZH, "无法读取") {
		t.Errorf("describe: %+v", d)
	}
}
