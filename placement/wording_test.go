package placement

import (
	"errors"
	"strings"
	"testing"

	"cloudorder/providers"
)

// Every kind is worded in both languages, with advice for each failure, and carries its kind's
// exit code and word; an earlier attempt is described inertly.
func TestWordingTable(t *testing.T) {
	for _, k := range []providers.Kind{0, providers.Invalid, providers.Rejected, providers.Unknown, providers.NotSent} {
		o := WordingOf(k)
		if o.Headline.EN == "" || o.Headline.ZH == "" || (k != 0 && (o.Advice.EN == "" || o.Advice.ZH == "")) ||
			o.Short.EN == "" || o.Meaning.ZH == "" || o.Exit != k.Exit() || o.Word != k.Word() {
			t.Errorf("kind %d: %+v", k, o)
		}
	}
	if WordingOf(providers.Kind(99)) != WordingOf(providers.Unknown) || WordingOfWord("pending").Word != "unknown" {
		t.Error("an unknown kind or a pending record must read as Unknown")
	}
	d := DescribeRecent(providers.Recent{Err: errors.New("history x: not \x1b regular")})
	if strings.Contains(d.EN, "\x1b") || !strings.Contains(d.ZH, "无法读取") {
		t.Errorf("describe: %+v", d)
	}
}
