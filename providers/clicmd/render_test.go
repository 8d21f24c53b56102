package clicmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"cloudorder/catalog"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

// stub is a fake aliyun/hcloud: it records its arguments (NUL-separated, so any byte survives)
// and a copy of the JSON input file it is given, and does nothing else.
const stub = `#!/bin/sh
: > "$REC/args"
for a in "$@"; do
  printf '%s\0' "$a" >> "$REC/args"
  case $a in --cli-jsonInput=*) cp -- "${a#--cli-jsonInput=}" "$REC/input.json" ;; esac
done
`

// recorded is what a stub saw.
type recorded struct {
	tool  string
	args  []string
	input []byte
}

// runSnippet runs a printed snippet under shell (argv[0]…) in a fresh directory with the stubs
// first on PATH, and returns what the stub recorded.
func runSnippet(t *testing.T, shell []string, snippet string) recorded {
	t.Helper()
	dir := t.TempDir()
	bin, rec, work := filepath.Join(dir, "bin"), filepath.Join(dir, "rec"), filepath.Join(dir, "work")
	for _, d := range []string{bin, rec, work} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	for _, tool := range []string{"aliyun", "hcloud"} {
		if err := os.WriteFile(filepath.Join(bin, tool), []byte(strings.Replace(stub, `"$REC/args"`, `"$REC/`+tool+`"`, 2)), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(shell[0], append(shell[1:], snippet)...)
	cmd.Dir = work
	cmd.Env = []string{"PATH=" + bin + ":/usr/bin:/bin", "REC=" + rec, "HOME=" + dir, "LANG=C.UTF-8"}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s failed: %v\n%s\nsnippet:\n%s", shell[0], err, out, snippet)
	}
	var r recorded
	for _, tool := range []string{"aliyun", "hcloud"} {
		data, err := os.ReadFile(filepath.Join(rec, tool))
		if err != nil {
			continue
		}
		if r.tool != "" {
			t.Fatalf("both CLIs were called")
		}
		r.tool = tool
		r.args = strings.Split(strings.TrimSuffix(string(data), "\x00"), "\x00")
	}
	if r.tool == "" {
		t.Fatalf("no CLI was called; snippet:\n%s", snippet)
	}
	r.input, _ = os.ReadFile(filepath.Join(rec, "input.json"))
	return r
}

// orders are every example order plus bodies with the characters shells treat specially.
func orders(t *testing.T) map[string]flows.Order {
	t.Helper()
	out := map[string]flows.Order{}
	files, err := filepath.Glob("../../testdata/orders/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example orders: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var o flows.Order
		if err := json.Unmarshal(data, &o); err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = o
	}
	nasty := `it's "quoted" $HOME $(id) ` + "`id`" + ` \ back\\slash \"esc\" 中文 ‘typographic’ ’quotes‚‛ @' '@ CLOUDORDER_JSON & | < > ^ ( ) ; #`
	s, _ := json.Marshal(nasty)
	nl, _ := json.Marshal("line one\nline two\r\n\ttab 订单")
	out["alibaba-nasty"] = flows.Order{API: flows.AlibabaPAI, Region: "cn-shanghai",
		Body: json.RawMessage(`{"AutoPay":true,"Products":[{"ProductCode":` + string(s) + `,"Note":` + string(nl) + `}]}`)}
	out["huawei-nasty"] = flows.Order{API: flows.HuaweiDSC, Region: "cn-north-4", ProjectID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
		Body: json.RawMessage(`{"zone":` + string(s) + `,"product_infos":[{"resource_spec_code":` + string(nl) + `}]}`)}
	out["workspaceapp-nasty"] = flows.Order{API: flows.HuaweiWorkspaceApp, Region: "cn-north-4", ProjectID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
		Body: json.RawMessage(`{"type":"createApps","resources":[{"cloud_service_console_url":` + string(s) + `}]}`)}
	return out
}

// at is the target an order goes to at endpoint, with its catalog entry's CLI mapping.
func at(o flows.Order, endpoint string) providers.Target {
	return providers.Target{Endpoint: endpoint, CLI: cliOf(o.API)}
}

// cliOf is api's CLI mapping in the catalog.
func cliOf(api flows.APIID) providers.CLI {
	a, _ := catalog.Find(api)
	return a.CLI
}

func endpointOf(o flows.Order) string {
	switch o.API {
	case flows.AlibabaPAI:
		return "https://aiworkspace." + o.Region + ".aliyuncs.com"
	case flows.HuaweiDSC:
		return "https://sdg." + o.Region + ".myhuaweicloud.com"
	}
	return "https://appstream." + o.Region + ".myhuaweicloud.com"
}

// checkRecorded asserts that the CLI got exactly the order: the Alibaba body byte for byte,
// the Huawei input file JSON-equal to {"path":{"project_id":…},"body":…}.
func checkRecorded(t *testing.T, o flows.Order, endpoint string, r recorded) {
	t.Helper()
	m, _ := For(cliOf(o.API))
	if r.tool != m.Tool {
		t.Fatalf("called %s, want %s", r.tool, m.Tool)
	}
	for _, a := range r.args {
		if a == "--version" || a == "--force" || strings.HasPrefix(a, "--body-file") {
			t.Errorf("argument %q must never be sent", a)
		}
	}
	switch m.style {
	case bodyArg:
		host := strings.TrimPrefix(strings.TrimPrefix(endpoint, "https://"), "http://")
		want := []string{m.Service, m.Operation, "--region", o.Region, "--endpoint", host}
		if strings.HasPrefix(endpoint, "http://") {
			want = append(want, "--insecure")
		}
		want = append(want, "--body", string(o.CompactBody()))
		if !reflect.DeepEqual(r.args, want) {
			t.Fatalf("aliyun arguments differ\n got: %q\nwant: %q", r.args, want)
		}
	case jsonInput:
		want := []string{m.Service, m.Operation, "--cli-region=" + o.Region, "--cli-endpoint=" + endpoint, "--cli-jsonInput=" + m.File}
		if !reflect.DeepEqual(r.args, want) {
			t.Fatalf("hcloud arguments differ\n got: %q\nwant: %q", r.args, want)
		}
		var got struct {
			Path map[string]any `json:"path"`
			Body any            `json:"body"`
		}
		dec := json.NewDecoder(bytes.NewReader(r.input))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("input file: %v\n%s", err, r.input)
		}
		var body any
		if err := json.Unmarshal(o.Body, &body); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Path, map[string]any{"project_id": o.ProjectID}) || !reflect.DeepEqual(got.Body, body) {
			t.Fatalf("input file differs from the order:\n%s", r.input)
		}
	}
}

func TestPrintedCommandsRunUnderSh(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	for name, o := range orders(t) {
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
			t.Run(name+"/"+string(lang), func(t *testing.T) {
				ep := endpointOf(o)
				text, err := Render(catalog.Flow(o.API), o, at(o, ep), SH, lang)
				if err != nil {
					t.Fatal(err)
				}
				checkRecorded(t, o, ep, runSnippet(t, []string{"sh", "-c"}, text))
			})
		}
	}
}

// The same under PowerShell, where it is installed (Debian does not package it).
func TestPrintedCommandsRunUnderPwsh(t *testing.T) {
	if _, err := exec.LookPath("pwsh"); err != nil {
		t.Skip("pwsh is not installed: the PowerShell snippets are checked only where it is")
	}
	for name, o := range orders(t) {
		t.Run(name, func(t *testing.T) {
			ep := endpointOf(o)
			text, err := Render(catalog.Flow(o.API), o, at(o, ep), PWSH, i18n.EN)
			if err != nil {
				t.Fatal(err)
			}
			checkRecorded(t, o, ep, runSnippet(t, []string{"pwsh", "-NoProfile", "-NonInteractive", "-Command"}, text))
		})
	}
}

// A loopback endpoint override (a sandbox) is the target too, with --insecure for plain http,
// and a port kept.
func TestEndpointOverrideIsTheTarget(t *testing.T) {
	o := orders(t)["alibaba-dataworks.json"]
	text, err := Render(catalog.Flow(o.API), o, at(o, "http://127.0.0.1:8790"), SH, i18n.EN)
	if err != nil {
		t.Fatal(err)
	}
	checkRecorded(t, o, "http://127.0.0.1:8790", runSnippet(t, []string{"sh", "-c"}, text))
	h := orders(t)["huawei-dsc.json"]
	text, err = Render(catalog.Flow(h.API), h, at(h, "https://dsc.example.com:8443"), SH, i18n.EN)
	if err != nil {
		t.Fatal(err)
	}
	checkRecorded(t, h, "https://dsc.example.com:8443", runSnippet(t, []string{"sh", "-c"}, text))
	if _, err := Render(catalog.Flow(o.API), o, at(o, "http://example.com"), SH, i18n.EN); err == nil {
		t.Error("plain http to a remote host must be refused, as everywhere else")
	}
}

func TestSnippetsSayWhatIsUnverifiedAndHowToPreview(t *testing.T) {
	all := orders(t)
	for _, sh := range Shells {
		for _, name := range []string{"alibaba-oss.json", "huawei-dsc.json", "huawei-workspaceapp.json"} {
			o := all[name]
			for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
				text, err := Render(catalog.Flow(o.API), o, at(o, endpointOf(o)), sh, lang)
				if err != nil {
					t.Fatalf("%s %s: %v", sh, name, err)
				}
				lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
				last := lines[len(lines)-1]
				m, _ := For(cliOf(o.API))
				if !strings.Contains(last, m.Preview) || !(strings.HasPrefix(last, "# ") || strings.HasPrefix(last, "REM ")) {
					t.Errorf("%s %s: the last line must be a comment naming %s: %q", sh, name, m.Preview, last)
				}
				unverified := map[i18n.Lang]string{i18n.EN: "Unverified: hcloud was not run", i18n.ZH: "未经验证:构建 cloudorder 时未运行过 hcloud"}[lang]
				if m.Tool == "hcloud" && !strings.Contains(text, unverified) {
					t.Errorf("%s %s: no line says hcloud was not run:\n%s", sh, name, text)
				}
				if strings.ContainsRune(text, 0x1b) {
					t.Errorf("%s %s: escape byte in the snippet", sh, name)
				}
			}
		}
	}
}

func TestCmdSnippets(t *testing.T) {
	o := orders(t)["alibaba-oss.json"]
	text, err := Render(catalog.Flow(o.API), o, at(o, endpointOf(o)), CMD, i18n.EN)
	if err != nil {
		t.Fatal(err)
	}
	// The argument aliyun.exe receives: " around, \" inside; cmd.exe sees only balanced quotes
	// here, so nothing else is added.
	want := `--body "{\"AutoPay\":true,`
	if !strings.Contains(text, want) || strings.Contains(text, "--version") {
		t.Errorf("cmd snippet:\n%s", text)
	}
	if !strings.Contains(text, "\nchcp 65001 >NUL\naliyun ") {
		t.Errorf("a body with Chinese text needs the UTF-8 code page first:\n%s", text)
	}
	plain, _ := Render(flows.PAI, orders(t)["alibaba-dataworks.json"], at(orders(t)["alibaba-dataworks.json"], endpointOf(o)), CMD, i18n.EN)
	if strings.Contains(plain, "chcp") {
		t.Errorf("an ASCII order needs no code page change:\n%s", plain)
	}
	pct := flows.Order{API: flows.AlibabaPAI, Region: "cn-hangzhou", Body: json.RawMessage(`{"Products":[{"ProductCode":"100%"}]}`)}
	if _, err := Render(catalog.Flow(pct.API), pct, at(pct, endpointOf(pct)), CMD, i18n.EN); err == nil || !strings.Contains(err.Error(), "--shell pwsh") {
		t.Errorf("a %% in a cmd.exe body must be refused with the way out, got %v", err)
	}
	// cmd.exe toggles at every double quote, \" included: the & after x\" is outside its
	// quotes and gets a caret; the &< after the next quote is inside and does not.
	if got := escapeCmd(`{"a":"x\"&y"}&<`); got != `{"a":"x\"^&y"}&<` {
		t.Errorf("escapeCmd = %s", got)
	}
	if got := quoteArgv(`a\"b\`); got != `"a\\\"b\\"` {
		t.Errorf("quoteArgv = %s", got)
	}
}

// PowerShell ends a single-quoted string at typographic quotes too; each is doubled. (pwsh is
// not installed here, so this is the one check of the PowerShell quoting that always runs.)
func TestPowerShellQuoting(t *testing.T) {
	for in, want := range map[string]string{
		`it's`:                        `'it''s'`,
		"\u2018a\u2019 \u201ab\u201b": "'\u2018\u2018a\u2019\u2019 \u201a\u201ab\u201b\u201b'",
		`{"a":"$x ` + "`" + `y"}`:     `'{"a":"$x ` + "`" + `y"}'`, // $ and backtick are literal in single quotes
		"--cli-jsonInput=DSC.json":    "'--cli-jsonInput=DSC.json'",
	} {
		if got := quotePS(in); got != want {
			t.Errorf("quotePS(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSaveBesideTheOrderFile(t *testing.T) {
	dir := t.TempDir()
	order := filepath.Join(dir, "order-dsc.json")
	m := cliOf(flows.HuaweiDSC)
	p, err := Save(order, m, SH, "hcloud x\n", false)
	if err != nil || p != filepath.Join(dir, "order-dsc.hcloud.sh") {
		t.Fatalf("Save = %q, %v", p, err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	if _, err := Save(order, m, SH, "other\n", false); !errors.Is(err, fs.ErrExist) {
		t.Errorf("an existing script must not be replaced silently: %v", err)
	}
	if _, err := Save(order, m, SH, "other\n", true); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(p); string(data) != "other\n" {
		t.Errorf("overwrite wrote %q", data)
	}
	p, _ = Save(order, m, CMD, "REM a\nhcloud b\n", false)
	if data, _ := os.ReadFile(p); string(data) != "REM a\r\nhcloud b\r\n" || !strings.HasSuffix(p, ".hcloud.cmd") {
		t.Errorf("cmd script %s: %q", p, data)
	}
}
