package catalog

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"cloudorder/flows"
)

// The catalog names every flow once, in flows' order (the wizard's), each with its own cloud's
// provider spec and a CLI mapping: an API declared in flows but missing here, or listed twice,
// fails here; an entry missing a part does not compile.
func TestCatalogListsEveryFlowInOrder(t *testing.T) {
	var got, want []flows.APIID
	for _, a := range All() {
		got = append(got, a.Flow.ID)
		if (a.alibaba != nil) == (a.huawei != nil) || a.CLI.Tool == "" {
			t.Errorf("%s: spec alibaba=%v huawei=%v, CLI %+v", a.Flow.ID, a.alibaba != nil, a.huawei != nil, a.CLI)
		}
	}
	for _, f := range flows.APIs() {
		want = append(want, f.ID)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("catalog lists %v, flows declares %v", got, want)
	}
	if len(Alibaba())+len(Huawei()) != len(want) {
		t.Fatalf("provider tables hold %d+%d APIs, want %d", len(Alibaba()), len(Huawei()), len(want))
	}
	if !CreatesUnpaid(flows.HuaweiDSC) || CreatesUnpaid(flows.HuaweiWorkspaceApp) || CreatesUnpaid(flows.AlibabaPAI) || CreatesUnpaid("x") {
		t.Fatal("CreatesUnpaid: only DSC creates its orders unpaid")
	}
}

// The wizard and plain mode see flows and the providers.Provider interface only: no package
// under ui/ links a cloud SDK or this catalog (which links them).
func TestUILinksNoCloudSDK(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "cloudorder/ui/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, banned := range []string{"github.com/aliyun/", "github.com/alibabacloud-go/", "github.com/huaweicloud/",
			"cloudorder/catalog", "cloudorder/providers/alibaba", "cloudorder/providers/huawei", "cloudorder/providers/cloud"} {
			if strings.HasPrefix(pkg, banned) {
				t.Errorf("ui/... links %s", pkg)
			}
		}
	}
}
