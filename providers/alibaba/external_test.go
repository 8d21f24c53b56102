package alibaba

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cloudorder/config"
	"cloudorder/providers"
	"cloudorder/providers/sandbox"
)

// An External profile's process_command prints the key (here the sandbox's published one): the
// order is signed with it. A helper that prints a warning before its JSON is refused without
// its output being shown anywhere.
func TestExternalModeSignsTheOrderAndNeverEchoesTheOutput(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good helper.sh")
	writeFile(t, good, fmt.Sprintf("#!/bin/sh\nprintf '%%s' '{\"mode\":\"AK\",\"access_key_id\":\"%s\",\"access_key_secret\":\"%s\"}'\n",
		sandbox.AlibabaAccessKeyID, sandbox.AlibabaAccessKeySecret))
	bad := filepath.Join(dir, "bad.sh")
	writeFile(t, bad, "#!/bin/sh\necho 'WARNING: token renewed'\necho '{\"mode\":\"AK\",\"access_key_id\":\"LTAIleak\",\"access_key_secret\":\"LeakedSecret000\"}'\n")
	for _, f := range []string{good, bad} {
		if err := os.Chmod(f, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	home := t.TempDir()
	writeFile(t, filepath.Join(home, ".aliyun", "config.json"), fmt.Sprintf(`{"current":"ext","profiles":[`+
		`{"name":"ext","mode":"external","process_command":%q},{"name":"bad","mode":"External","process_command":%q}]}`,
		"'"+good+"' --role orders", bad))
	s, ep, gate := credSandbox(t)
	for _, name := range []string{"ext", "bad"} {
		plan := func() (config.AlibabaPlan, error) {
			return config.AlibabaCredentialPlan(envMap(map[string]string{"HOME": home}), name)
		}
		p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, Chain: &Chain{Plan: plan, Gate: gate}})
		_, err := p.Submit(context.Background(), order)
		switch name {
		case "ext":
			if err != nil || len(s.Orders()) != 1 {
				t.Fatalf("ext: %v, orders %d", err, len(s.Orders()))
			}
		case "bad":
			if err == nil || strings.Contains(err.Error(), "LeakedSecret") || !strings.Contains(err.Error(), "not shown") || len(s.Orders()) != 1 {
				t.Fatalf("bad: %v, orders %d", err, len(s.Orders()))
			}
		}
	}
}

func TestSplitCommandLikeAShell(t *testing.T) {
	for in, want := range map[string]string{
		`vault read -field=x a/b`:           `[vault read -field=x a/b]`,
		`'/opt/my tools/h' --x "a \"b\" c"`: `[/opt/my tools/h --x a "b" c]`,
		`h a\ b ""`:                         `[h a b ]`,
	} {
		got, err := splitCommand(in)
		if err != nil || fmt.Sprint(got) != want {
			t.Errorf("%s: %q %v, want %s", in, got, err, want)
		}
	}
	if _, err := splitCommand(`h 'open`); err == nil {
		t.Error("an unclosed quote is accepted")
	}
}

// A helper that leaves a child holding its output open (a daemon it starts, a `sleep &`) does
// not hold cloudorder past the timeout, and one that printed its key before exiting is heard.
func TestExternalHelperLeavingAChildEndsWithinItsTimeout(t *testing.T) {
	dir := t.TempDir()
	for i, script := range []string{
		"sleep 15 & sleep 15", // hangs: killed at the timeout, its child keeps the pipe
		`sleep 15 & printf '{"mode":"AK","access_key_id":"a","access_key_secret":"b"}'`, // answers, then its child keeps the pipe
	} {
		helper := filepath.Join(dir, fmt.Sprintf("h%d.sh", i))
		writeFile(t, helper, "#!/bin/sh\n"+script+"\n")
		if err := os.Chmod(helper, 0o700); err != nil {
			t.Fatal(err)
		}
		p := externalProvider{command: helper, timeout: 2 * time.Second}
		start := time.Now()
		c, err := p.GetCredentials()
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: returned after %s", script, d)
		}
		if answered := i == 1; answered != (err == nil && c != nil && c.AccessKeyId == "a") {
			t.Errorf("%s: %+v, %v", script, c, err)
		}
	}
}
