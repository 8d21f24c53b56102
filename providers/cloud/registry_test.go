package cloud

import (
	"testing"

	"cloudorder/catalog"
	"cloudorder/config"
	"cloudorder/providers"
)

// Every API of the catalog has a cloud whose provider serves it — live and in the sandbox —
// and its targets carry the catalog's CLI mapping (what providers/clicmd renders).
func TestEveryRegisteredAPIHasAProvider(t *testing.T) {
	ep, err := config.ParseEndpoint("http://127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	live, err := openLive(Options{Getenv: func(string) string { return "" }, Mode: providers.DryRun})
	if err != nil {
		t.Fatal(err)
	}
	sb := sandboxRouter(Options{}, ep)
	for _, c := range catalog.All() {
		a := c.Flow
		if _, ok := clouds[a.Cloud]; !ok {
			t.Errorf("%s: no provider for cloud %q", a.ID, a.Cloud)
		}
		region := a.FieldAt("region").Default
		if got := live.Target(a.ID, region).Endpoint; got == "" {
			t.Errorf("%s: the live provider names no endpoint for %s", a.ID, region)
		}
		if got := sb.Target(a.ID, region).Endpoint; got != ep.String() {
			t.Errorf("%s: the sandbox provider sends to %q, want %q", a.ID, got, ep.String())
		}
		if live.Target(a.ID, region).CLI != c.CLI || sb.Target(a.ID, region).CLI != c.CLI || c.CLI.Tool == "" {
			t.Errorf("%s: targets name CLI %+v (live) and %+v (sandbox), want the catalog's %+v",
				a.ID, live.Target(a.ID, region).CLI, sb.Target(a.ID, region).CLI, c.CLI)
		}
	}
}
