package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidateAcceptsTheDocsExamples(t *testing.T) {
	files, _ := filepath.Glob("testdata/orders/*.json")
	if len(files) == 0 {
		t.Fatal("no example orders")
	}
	stdout, stderr, code := runForTest(t, nil, "", append([]string{"validate"}, files...)...)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, f := range files {
		if !strings.Contains(stdout, f+": ok") {
			t.Errorf("no ok line for %s:\n%s", f, stdout)
		}
	}
	// PAI_share's undocumented PricingCycle is a warning, printed but not fatal.
	if !strings.Contains(stderr, "alibaba-pai-and-oss.json: body.Products[0].PricingCycle: warning: ") {
		t.Errorf("warning missing:\n%s", stderr)
	}
}

// Problems come one per line, in the order of the file.
func TestValidateReportsEveryProblemWithPathAndRule(t *testing.T) {
	f := "testdata/invalid/alibaba-wrong-cycle.json"
	_, stderr, code := runForTest(t, nil, "", "validate", f)
	if code != exitInvalid {
		t.Fatalf("exit %d, want %d", code, exitInvalid)
	}
	want := []string{
		f + `: body.AutoPay: must be a JSON boolean (true or false), not the string "true"`,
		f + `: body.Products[0].PricingCycle: DataWorks_share supports only Month`,
		f + `: body.Products[0].Duration: only 1 is supported`,
		f + `: body.Products[0].Colour: unknown field "Colour": documented fields here are AutoRenew, ProductCode, ChargeType, OrderType, PricingCycle, Duration, InstanceProperties`,
		f + `: body.Products[0].InstanceProperties.ord_time: applies only to OSS_share and MaxCompute_share`,
	}
	if got := strings.Split(strings.TrimSpace(stderr), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("stderr:\n%s\nwant:\n%s", stderr, strings.Join(want, "\n"))
	}
}

func TestValidateSpeaksChinese(t *testing.T) {
	_, stderr, _ := runForTest(t, map[string]string{"LANG": "zh_CN.UTF-8"}, "", "validate", "testdata/invalid/alibaba-wrong-cycle.json")
	if !strings.Contains(stderr, "body.Products[0].PricingCycle: DataWorks_share 只支持 Month") {
		t.Fatalf("stderr:\n%s", stderr)
	}
}

func TestValidateExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{\n  \"api\": \"huawei/dsc/CreateProductOrder\",\n  \"region\" \"cn-north-4\"\n}\n"), 0o600)
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no files", []string{"validate"}, exitUsage, "usage: cloudorder validate FILE..."},
		{"missing file", []string{"validate", filepath.Join(dir, "nope.json")}, exitUsage, "nope.json: cannot read: no such file or directory"},
		{"malformed", []string{"validate", bad}, exitUsage, "bad.json: line 3, column 12: malformed JSON: invalid character"},
		{"invalid and valid", []string{"validate", "testdata/orders/huawei-dsc.json", "testdata/invalid/workspaceapp-doc-example.json"}, exitInvalid, "update_access_agent: must be a JSON boolean"},
		{"unreadable wins", []string{"validate", "testdata/invalid/workspaceapp-doc-example.json", bad}, exitUsage, "malformed JSON"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := runForTest(t, nil, "", tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d (want %d), stderr:\n%s\nwant it to contain %q", code, tc.code, stderr, tc.want)
			}
		})
	}
}

// A file that is not an order says so in the session's language, and valid JSON that is not
// one object is not called malformed.
func TestValidateNotAnOrderInChinese(t *testing.T) {
	arr := filepath.Join(t.TempDir(), "array.json")
	if err := os.WriteFile(arr, []byte("[]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runForTest(t, map[string]string{"LANG": "zh_CN.UTF-8"}, "", "validate", arr)
	if code != exitUsage || !strings.Contains(stderr, "第 1 行第 1 列:订单文件必须是一个 JSON 对象") ||
		strings.Contains(stderr, "JSON 格式错误") || strings.Contains(stderr, "an order file") {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
}

// An order file's strings — keys included — reach the terminal in validate's lines and in the
// review: a key or value carrying an escape sequence or a direction override is refused, and
// the line naming it is inert.
func TestValidateShowsHostileKeysInert(t *testing.T) {
	file := filepath.Join(t.TempDir(), "hostile.json")
	data := `{"api":"alibaba/pai/CreateProductOrders","region":"cn-hangzhou","body":{"AutoPay":true,"Products":[{"ProductCode":"OSS_share","ChargeType":"POSTPAY","OrderType":"BUY","PricingCycle":"Hour","Duration":1,"X\u001b[2J\u202eY":1}]}}`
	if err := os.WriteFile(file, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runForTest(t, nil, "", "validate", file)
	if code != exitInvalid {
		t.Fatalf("exit %d, want %d\n%s", code, exitInvalid, stderr)
	}
	if strings.ContainsAny(stderr, "\x1b\u202e") {
		t.Errorf("raw control characters printed:\n%q", stderr)
	}
	if !strings.Contains(stderr, `body.Products[0]: key "X\x1b[2J\u202eY": contains the control or text-direction character U+001B`) {
		t.Errorf("the key's problem is not named:\n%s", stderr)
	}
}
