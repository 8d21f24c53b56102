package catalog

import (
	"os/exec"
	"strings"
	"testing"

	"cloudorder/config"
	"cloudorder/flows"
)

// Each entry is one API of one cloud: its flow is of the cloud whose spec it has (the
// constructor of that cloud), its id is listed once, it has a CLI mapping, and the provider
// tables hold every entry. A part missing does not compile; these are what the compiler cannot
// say.
func TestEveryEntryIsOneAPIOfOneCloud(t *testing.T) {
	seen := map[flows.APIID]bool{}
	for _, a := range All() {
		if seen[a.Flow.ID] {
			t.Errorf("%s listed twice", a.Flow.ID)
		}
		seen[a.Flow.ID] = true
		if (a.alibaba != nil) == (a.huawei != nil) || (a.alibaba != nil) != (a.Flow.Cloud == "alibaba") || (a.huawei != nil) != (a.Flow.Cloud == "huawei") {
			t.Errorf("%s: flow of cloud %q with spec alibaba=%v huawei=%v", a.Flow.ID, a.Flow.Cloud, a.alibaba != nil, a.huawei != nil)
		}
		if a.CLI.Tool == "" {
			t.Errorf("%s: no CLI mapping", a.Flow.ID)
		}
		if f, ok := Find(a.Flow.ID); !ok || f.Flow != a.Flow || Flows().Find(a.Flow.ID) != a.Flow {
			t.Errorf("%s: not found by its id", a.Flow.ID)
		}
	}
	if len(Alibaba())+len(Huawei()) != len(all) || len(Flows()) != len(all) {
		t.Fatalf("provider tables hold %d+%d APIs, flows %d, want %d", len(Alibaba()), len(Huawei()), len(Flows()), len(all))
	}
	if !CreatesUnpaid(flows.HuaweiDSC) || CreatesUnpaid(flows.HuaweiWorkspaceApp) || CreatesUnpaid(flows.AlibabaPAI) || CreatesUnpaid("x") {
		t.Fatal("CreatesUnpaid: only DSC creates its orders unpaid")
	}
}

// Every cloud an API belongs to has its credential status, named by the same id.
func TestCredentialStatusNamesEveryAPIsCloud(t *testing.T) {
	ids := map[string]bool{}
	env := map[string]string{"HOME": t.TempDir()}
	for _, st := range config.Credentials(func(k string) string { return env[k] }, "") {
		ids[st.CloudID] = true
	}
	for _, a := range All() {
		if !ids[a.Flow.Cloud] {
			t.Errorf("no credential status for %s's cloud %q (have %v)", a.Flow.ID, a.Flow.Cloud, ids)
		}
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
