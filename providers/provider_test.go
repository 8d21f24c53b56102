package providers

import (
	"strings"
	"testing"
)

// Every mode has a banner in both languages, longest first; a local endpoint is named; a mode
// the table does not know is announced as LIVE, never as safe.
func TestModeBanner(t *testing.T) {
	for _, m := range []Mode{Live, Sandbox, DryRun, LocalEndpoint, "from-a-newer-version"} {
		b := m.Banner("http://127.0.0.1:8790")
		if len(b) == 0 {
			t.Fatalf("%s: no banner", m)
		}
		for i, txt := range b {
			if txt.EN == "" || txt.ZH == "" {
				t.Errorf("%s: banner %d lacks a language: %+v", m, i, txt)
			}
			if i > 0 && len([]rune(txt.EN)) > len([]rune(b[i-1].EN)) {
				t.Errorf("%s: banner %d is longer than the one before it", m, i)
			}
		}
	}
	if got := LocalEndpoint.Banner("http://127.0.0.1:8790")[0].EN; !strings.HasPrefix(got, "LOCAL ENDPOINT http://127.0.0.1:8790 · ") {
		t.Errorf("local endpoint banner %q does not name it", got)
	}
	if got := LocalEndpoint.Banner("")[0].EN; strings.Contains(got, "  ") {
		t.Errorf("local endpoint banner without an endpoint %q", got)
	}
	if got := Mode("from-a-newer-version").Banner("")[0].EN; !strings.Contains(got, "LIVE") {
		t.Errorf("an unknown mode is announced as %q", got)
	}
}
