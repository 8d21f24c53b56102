package sandbox

import (
	"os/exec"
	"strings"
	"testing"
)

// The sandbox is a judge of cloudorder's requests, so it links none of cloudorder's own
// packages: its rules come from the clouds' documents (docrules.go and each API's file), never
// from the client's validation or its API declarations.
func TestSandboxLinksNothingOfTheClient(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "cloudorder/providers/sandbox").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "cloudorder") && pkg != "cloudorder/providers/sandbox" {
			t.Errorf("the sandbox links %s", pkg)
		}
	}
}
