package cloud

import (
	"testing"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
)

// Every API of the registry has a cloud whose provider serves it — live and in the sandbox —
// and a CLI mapping registered with it.
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
	for _, a := range flows.APIs() {
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
		if _, ok := providers.CLIFor(a.ID); !ok {
			t.Errorf("%s: no CLI mapping registered", a.ID)
		}
	}
}
