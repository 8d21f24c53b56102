package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/providers/sandbox"
)

// writeSettings writes config.toml under env's XDG_CONFIG_HOME.
func writeSettings(t *testing.T, env map[string]string, text string) {
	t.Helper()
	dir := filepath.Join(env["XDG_CONFIG_HOME"], "cloudorder")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// config.toml's lang sets the language when neither --lang nor LC_ALL/LC_MESSAGES/LANG do.
func TestSettingsLangApplies(t *testing.T) {
	env := map[string]string{"XDG_CONFIG_HOME": t.TempDir(), "XDG_STATE_HOME": t.TempDir()}
	writeSettings(t, env, "lang = \"zh\"\n")
	if out, _, _ := runForTest(t, env, "", "--help"); !strings.Contains(out, "用法") {
		t.Errorf("lang = zh without LANG: usage not in Chinese:\n%s", out)
	}
	env["LANG"] = "en_US.UTF-8"
	if out, _, _ := runForTest(t, env, "", "--help"); !strings.Contains(out, "Usage:") {
		t.Errorf("LANG=en_US wins over config.toml:\n%s", out)
	}
}

// config.toml's [regions] gives the plain wizard its default region per cloud.
func TestSettingsRegionsApplyToPlainWizard(t *testing.T) {
	env := submitEnv(t)
	writeSettings(t, env, "[regions]\nalibaba = \"cn-shanghai\"\n")
	out, errOut, code := runForTest(t, env, string(flows.AlibabaPAI)+"\n"+strings.Repeat("\n", 10)+"yes\n", "--sandbox", "--plain", "--lang", "en")
	if code != exitOK || !strings.Contains(out, "Region (default: cn-shanghai)") || !strings.Contains(out, "Region: cn-shanghai") {
		t.Fatalf("exit %d: the configured region cn-shanghai is not the default\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}

// config.toml decides where orders go, so the real binary honours all of it — an [endpoints]
// after a 70 KB comment line included — and refuses a live order while the file is broken;
// the sandbox goes on with a warning naming file, line and column.
func TestSettingsFileDecidesOrRefuses(t *testing.T) {
	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	endpoint := "[endpoints]\n\"alibaba/pai/CreateProductOrders\" = \"" + s.URL() + "\"\n"
	writeSettings(t, env, "# "+strings.Repeat("long comment ", 70_000/13)+"\n"+endpoint)
	out, errOut, code := runMain(t, env, "submit", "testdata/orders/alibaba-dataworks.json", "--yes")
	if code != exitOK || !strings.Contains(out, "order_id: ") || s.Hits(sandbox.PAIOrders) != 1 {
		t.Fatalf("after a long comment: exit %d, hits %d\n%s%s", code, s.Hits(sandbox.PAIOrders), out, errOut)
	}

	for name, broken := range map[string]string{
		"unknown key":   endpoint + "colour = \"no\"\n",
		"duplicate":     endpoint + "[endpoints]\n",
		"invalid TOML":  endpoint + "lang = en\n",
		"not a regular": "",
	} {
		t.Run(name, func(t *testing.T) {
			env := withSandboxKeys(submitEnv(t))
			path := filepath.Join(env["XDG_CONFIG_HOME"], "cloudorder", "config.toml")
			if broken == "" {
				symlink(t, "/dev/zero", path)
			} else {
				writeSettings(t, env, broken)
			}
			before := s.Hits(sandbox.PAIOrders)
			_, errOut, code := runMain(t, env, "submit", "testdata/orders/alibaba-dataworks.json", "--yes", "--allow-duplicate")
			if code != exitUsage || !strings.Contains(errOut, "config.toml cannot be used, and nothing is sent to a cloud until it is fixed") ||
				!strings.Contains(errOut, path) || s.Hits(sandbox.PAIOrders) != before {
				t.Errorf("live: exit %d: %s", code, errOut)
			}
			if broken != "" && !strings.Contains(errOut, path+":") {
				t.Errorf("live: no line and column: %s", errOut)
			}
			env["LANG"] = "zh_CN.UTF-8"
			if _, errOut, _ := runMain(t, env, "submit", "testdata/orders/alibaba-dataworks.json", "--yes"); !strings.Contains(errOut, "config.toml 无法使用,修正之前不会向云端发送任何请求") {
				t.Errorf("live (zh): %s", errOut)
			}
			env["LANG"] = "en_US.UTF-8"
			out, errOut, code := runMain(t, env, "submit", "testdata/orders/alibaba-dataworks.json", "--yes", "--sandbox")
			if code != exitOK || !strings.Contains(errOut, "warning: config.toml is not used (sandbox):") || !strings.Contains(out, "order_id: ") {
				t.Errorf("sandbox: exit %d: %s%s", code, out, errOut)
			}
			if out, _, code := runMain(t, env, "--version"); code != exitOK || out == "" {
				t.Errorf("--version: exit %d", code)
			}
		})
	}
}

func symlink(t *testing.T, to, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(to, path); err != nil {
		t.Fatal(err)
	}
}

// The aliyun CLI profile's region_id is the region the wizard starts from, as in the aliyun
// CLI; config.toml's [regions] wins over it. (A loopback endpoint that is not the sandbox
// signs with the person's credential, so their region applies; nothing answers there.)
func TestProfileRegionIsTheDefaultRegion(t *testing.T) {
	addr, _ := connectionCounter(t)
	env := submitEnv(t)
	writeTestFile(t, filepath.Join(env["HOME"], ".aliyun", "config.json"),
		`{"current":"p","profiles":[{"name":"p","mode":"ak","access_key_id":"LTAIprof0000","access_key_secret":"s3cr3t","region_id":"cn-shenzhen"}]}`)
	run := func() string {
		out, errOut, _ := runForTest(t, env, string(flows.AlibabaPAI)+"\n", "--plain", "--endpoint", "http://"+addr, "--lang", "en")
		return out + errOut
	}
	if out := run(); !strings.Contains(out, "Region (default: cn-shenzhen)") {
		t.Fatalf("the profile's region_id cn-shenzhen is not the default:\n%s", out)
	}
	writeSettings(t, env, "[regions]\nalibaba = \"cn-shanghai\"\n")
	if out := run(); !strings.Contains(out, "Region (default: cn-shanghai)") {
		t.Fatalf("config.toml's region does not win over the profile's:\n%s", out)
	}
}
