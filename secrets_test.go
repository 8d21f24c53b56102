package main

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/providers/sandbox"
)

// No secret value reaches stdout, stderr, the history, or any file written under HOME or the
// XDG dirs — whatever the outcome, in every mode. The secrets are distinctive fakes.
func TestSecretsNeverLeak(t *testing.T) {
	secrets := []string{
		"LeakAlibabaSecretValue0000000000", "LeakAlibabaStsToken000000000000",
		"LeakHuaweiSecretKeyValue00000000000000000", "LeakHuaweiSecurityToken00000000",
		"LeakProfileSecretValue0000000000",
	}
	env := submitEnv(t)
	env["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI5tLeakTest000000000"
	env["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = secrets[0]
	env["ALIBABA_CLOUD_SECURITY_TOKEN"] = secrets[1]
	env["HUAWEICLOUD_SDK_AK"] = "LEAKTESTHUAWEIAK0000"
	env["HUAWEICLOUD_SDK_SK"] = secrets[2]
	env["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = secrets[3]
	// The SDKs look at the process's HOME themselves (the Huawei SDK would write
	// ~/.huaweicloud/application_id without a User-Agent): keep that inside the test too.
	t.Setenv("HOME", env["HOME"])
	profile := filepath.Join(env["HOME"], ".aliyun", "config.json")
	if err := os.MkdirAll(filepath.Dir(profile), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(profile, []byte(`{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"LTAI5tProfile0000","access_key_secret":"`+secrets[4]+`"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}

	defer func(f func(io.Reader) bool) { isTerminal = f }(isTerminal)
	isTerminal = func(io.Reader) bool { return true }
	defer stepConfirmClock()()

	s := startSandbox(t)
	// The runs with an --endpoint go to a look-alike of the sandbox (no identity probe): a
	// probed sandbox would be signed with its own published keys, never these.
	local := lookAlike(t, s)
	var printed strings.Builder
	runs := [][]string{
		{"submit", "testdata/orders/alibaba-oss.json", "--sandbox"}, // summary shown, then "n"
		{"submit", "testdata/orders/alibaba-oss.json", "--sandbox", "--yes"},
		{"submit", "testdata/orders/huawei-dsc.json", "--sandbox", "--yes", "--output", "json"},
		{"submit", "testdata/orders/alibaba-oss.json", "--endpoint", local},
		{"submit", "testdata/orders/alibaba-oss.json", "--endpoint", local, "--yes"},
		{"submit", "testdata/orders/huawei-workspaceapp.json", "--endpoint", local, "--yes", "--output", "json"},
		{"history"},
		{"history", "--output", "json"},
		{"command", "testdata/orders/alibaba-oss.json", "--endpoint", local},
		{"command", "testdata/orders/huawei-dsc.json", "--shell", "pwsh"},
	}
	for _, args := range runs {
		out, errOut, _ := runForTest(t, env, "n\n", args...)
		printed.WriteString(out + errOut)
	}
	// The plain wizard's review (target, masked key, the CLI command) and placing the order,
	// signed with the fake keys above (so the sandbox rejects it).
	// Piped, as a transcript: on a terminal the answers typed ahead of their questions would
	// not count (placement.Debounce).
	isTerminal = func(io.Reader) bool { return false }
	out, errOut, _ := runForTest(t, env, string(flows.AlibabaPAI)+"\n"+strings.Repeat("\n", 10)+"yes\n", "--plain", "--endpoint", local)
	isTerminal = func(io.Reader) bool { return true }
	if !strings.Contains(out, "Access key: LTAI") || !strings.Contains(out, "nothing was bought") {
		t.Errorf("the plain run did not reach its review and the (wrongly signed) order:\n%s%s", out, errOut)
	}
	printed.WriteString(out + errOut)
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500})
	out, errOut, _ = runForTest(t, env, "", "submit", "testdata/orders/huawei-dsc.json", "--endpoint", local, "--yes")
	printed.WriteString(out + errOut)
	// The sandbox's own key id with a wrong secret and an STS token: SignatureDoesNotMatch,
	// whose message echoes the server's string to sign, x-acs-security-token included.
	env["ALIBABA_CLOUD_ACCESS_KEY_ID"] = sandbox.AlibabaAccessKeyID
	out, errOut, _ = runForTest(t, env, "", "submit", "testdata/orders/alibaba-oss.json", "--endpoint", local, "--yes", "--allow-duplicate")
	if !strings.Contains(out+errOut, "SignatureDoesNotMatch") {
		t.Errorf("the signature mismatch was not reached:\n%s%s", out, errOut)
	}
	printed.WriteString(out + errOut)
	out, errOut, _ = runForTest(t, env, "", "submit", "testdata/orders/alibaba-oss.json", "--endpoint", local, "--yes", "--allow-duplicate", "--output", "json")
	printed.WriteString(out + errOut)
	delete(env, "ALIBABA_CLOUD_ACCESS_KEY_ID") // half a key: the error must not echo the half that is set
	out, errOut, _ = runForTest(t, env, "", "submit", "testdata/orders/alibaba-oss.json", "--yes")
	printed.WriteString(out + errOut)
	delete(env, "ALIBABA_CLOUD_ACCESS_KEY_SECRET") // now from the CLI profile
	out, errOut, _ = runForTest(t, env, "", "submit", "testdata/orders/alibaba-oss.json", "--endpoint", local, "--yes")
	printed.WriteString(out + errOut)

	for _, sec := range secrets {
		if strings.Contains(printed.String(), sec) {
			t.Errorf("secret %s… was printed", sec[:8])
		}
	}
	if !strings.Contains(printed.String(), "LTAI****") {
		t.Error("the summary should show the masked key id")
	}
	scanned := 0
	root := filepath.Dir(env["HOME"])
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == profile {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		scanned++
		for _, sec := range secrets {
			if strings.Contains(string(data), sec) {
				t.Errorf("secret %s… written to %s", sec[:8], p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if scanned == 0 {
		t.Fatal("no files were written: the history should be there")
	}
	if _, err := os.Stat(filepath.Join(env["HOME"], ".huaweicloud", "application_id")); err == nil {
		t.Error("the Huawei SDK wrote ~/.huaweicloud/application_id: the User-Agent is not set")
	}
}
