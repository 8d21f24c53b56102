package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"cloudorder/providers/huawei"
)

// runWithStub runs a printed sh snippet with a fake `tool` first on PATH that writes its
// arguments NUL-separated (and a copy of any --cli-jsonInput file) and returns them.
func runWithStub(t *testing.T, snippet string) (args []string, input []byte) {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	stub := "#!/bin/sh\n: > \"$REC/args\"\nfor a in \"$@\"; do printf '%s\\0' \"$a\" >> \"$REC/args\"; " +
		"case $a in --cli-jsonInput=*) cp -- \"${a#--cli-jsonInput=}\" \"$REC/input.json\";; esac; done\n"
	for _, tool := range []string{"aliyun", "hcloud"} {
		if err := os.WriteFile(filepath.Join(dir, tool), []byte(stub), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("sh", "-c", snippet)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + dir + ":/usr/bin:/bin", "REC=" + dir}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("snippet failed: %v\n%s\n%s", err, out, snippet)
	}
	data, err := os.ReadFile(filepath.Join(dir, "args"))
	if err != nil {
		t.Fatalf("the CLI was not called: %v\n%s", err, snippet)
	}
	input, _ = os.ReadFile(filepath.Join(dir, "input.json"))
	return strings.Split(strings.TrimSuffix(string(data), "\x00"), "\x00"), input
}

// What the printed command gives the CLI is what `submit` puts on the wire: the same body
// (byte for byte for aliyun, JSON-equal for hcloud, which re-encodes it) to the same endpoint.
func TestCommandSendsWhatSubmitSends(t *testing.T) {
	for _, tc := range submitCases {
		t.Run(string(tc.api), func(t *testing.T) {
			s := startSandbox(t)
			env := withSandboxKeys(submitEnv(t))
			if _, errOut, code := runForTest(t, env, "", "submit", tc.file, "--endpoint", s.URL(), "--yes"); code != exitOK {
				t.Fatalf("submit exit %d: %s", code, errOut)
			}
			wire := s.Orders()[0].Body
			out, errOut, code := runForTest(t, env, "", "command", tc.file, "--endpoint", s.URL())
			if code != exitOK {
				t.Fatalf("command exit %d: %s", code, errOut)
			}
			args, input := runWithStub(t, out)
			host := strings.TrimPrefix(s.URL(), "http://")
			if strings.HasPrefix(tc.file, "testdata/orders/alibaba") {
				if got := args[len(args)-1]; got != string(wire) {
					t.Fatalf("--body differs from the wire body\n cli: %s\nwire: %s", got, wire)
				}
				if !strings.Contains(strings.Join(args, " "), " --endpoint "+host+" --insecure --body ") {
					t.Errorf("aliyun arguments %q do not target %s", args, host)
				}
				return
			}
			if !strings.Contains(strings.Join(args, " "), "--cli-endpoint="+s.URL()) {
				t.Errorf("hcloud arguments %q do not target %s", args, s.URL())
			}
			var file struct {
				Path map[string]string `json:"path"`
				Body json.RawMessage   `json:"body"`
			}
			if err := json.Unmarshal(input, &file); err != nil || file.Path["project_id"] == "" {
				t.Fatalf("input file %s: %v", input, err)
			}
			body := []byte(file.Body)
			if where, same := huawei.SameJSON(body, wire); !same {
				t.Fatalf("input file body differs from the wire at %s\nfile: %s\nwire: %s", where, body, wire)
			}
		})
	}
}

func TestCommandUsesConfigEndpointOverride(t *testing.T) {
	env := submitEnv(t)
	writeSettings(t, env, "[endpoints]\n\"alibaba/pai/CreateProductOrders\" = \"https://pai.internal.example.com:8443\"\n")
	out, errOut, code := runForTest(t, env, "", "command", "testdata/orders/alibaba-dataworks.json")
	if code != exitOK || !strings.Contains(out, "--endpoint pai.internal.example.com:8443") {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	out, _, _ = runForTest(t, env, "", "command", "testdata/orders/alibaba-dataworks.json", "--endpoint", "https://flag.example.com")
	if !strings.Contains(out, "--endpoint flag.example.com") {
		t.Errorf("--endpoint must win over config.toml:\n%s", out)
	}
}

func TestCommandRefusesInvalidOrdersAndBadUsage(t *testing.T) {
	env := submitEnv(t)
	out, errOut, code := runForTest(t, env, "", "command", "testdata/invalid/alibaba-wrong-cycle.json")
	if code != exitInvalid || out != "" || !strings.Contains(errOut, "PricingCycle") {
		t.Errorf("invalid order: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, _, code := runForTest(t, env, "", "command", "--help"); code != exitOK {
		t.Errorf("command --help: exit %d", code)
	}
	for _, args := range [][]string{{"command"}, {"command", "a.json", "b.json"}, {"command", "testdata/orders/huawei-dsc.json", "--shell", "fish"}} {
		if _, _, code := runForTest(t, env, "", args...); code != exitUsage {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	data, _ := os.ReadFile("testdata/orders/huawei-dsc.json")
	out, errOut, code = runForTest(t, env, string(data), "command", "-", "--shell", "pwsh")
	if code != exitOK || !strings.Contains(out, "@'\n{") || !strings.Contains(out, "'--cli-jsonInput=DSC_CreateProductOrder.json'") {
		t.Errorf("stdin order for pwsh: exit %d\n%s\n%s", code, out, errOut)
	}
}
