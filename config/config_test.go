package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/i18n"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestAlibabaFromEnv(t *testing.T) {
	c, err := Alibaba(envOf(map[string]string{"HOME": t.TempDir(), "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAI5tEnv", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "s3cret-env", "ALIBABA_CLOUD_SECURITY_TOKEN": "tok"}))
	if err != nil || c.AccessKeyID != "LTAI5tEnv" || c.AccessKeySecret.Reveal() != "s3cret-env" || c.SecurityToken.Reveal() != "tok" || c.Source != "env ALIBABA_CLOUD_ACCESS_KEY_ID" {
		t.Fatalf("got %+v, %v", c, err)
	}
	if c.MaskedKey() != "LTAI*****" {
		t.Errorf("masked key %q", c.MaskedKey())
	}
}

func TestAlibabaFromCLIProfile(t *testing.T) {
	home := t.TempDir()
	write(t, filepath.Join(home, ".aliyun", "config.json"), `{"current":"work","profiles":[
		{"name":"default","mode":"AK","access_key_id":"LTAIdefault","access_key_secret":"d"},
		{"name":"work","mode":"AK","access_key_id":"LTAIwork","access_key_secret":"w","region_id":"cn-shanghai"}]}`)
	c, err := Alibaba(envOf(map[string]string{"HOME": home}))
	if err != nil || c.AccessKeyID != "LTAIwork" || c.AccessKeySecret.Reveal() != "w" || c.Region != "cn-shanghai" || c.Source != "~/.aliyun/config.json profile work" {
		t.Fatalf("got %+v, %v", c, err)
	}
}

func TestAlibabaMissingSaysWhereItLooked(t *testing.T) {
	home := t.TempDir()
	_, err := Alibaba(envOf(map[string]string{"HOME": home}))
	var miss *MissingError
	if !errors.As(err, &miss) || !errors.Is(err, ErrNoCredential) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "~/.aliyun/config.json (no such file)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
	if miss.Hint() != "missing: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET" {
		t.Errorf("hint %q", miss.Hint())
	}
	write(t, filepath.Join(home, ".aliyun", "config.json"), `{"current":"sso","profiles":[{"name":"sso","mode":"CloudSSO"}]}`)
	if _, err := Alibaba(envOf(map[string]string{"HOME": home})); err == nil || !strings.Contains(err.Error(), "cloud_sso_sign_in_url, cloud_sso_account_id, cloud_sso_access_config must be set") {
		t.Errorf("incomplete CloudSSO profile: %v", err)
	}
	if _, err := Alibaba(envOf(map[string]string{"HOME": home, "ALIBABA_CLOUD_ACCESS_KEY_ID": "x"})); err == nil || !strings.Contains(err.Error(), "only one is set") || !errors.Is(err, ErrNoCredential) || !strings.Contains(i18n.TextOf(err).ZH, "只设置了其中一个") {
		t.Errorf("half a key: %v", err)
	}
}

func TestHuaweiFromEnv(t *testing.T) {
	c, err := Huawei(envOf(map[string]string{"HOME": t.TempDir(), "HUAWEICLOUD_SDK_AK": "AKENV", "HUAWEICLOUD_SDK_SK": "skenv", "HUAWEICLOUD_SDK_PROJECT_ID": "p1"}))
	if err != nil || c.AK != "AKENV" || c.SK.Reveal() != "skenv" || c.ProjectID != "p1" || c.Source != "env HUAWEICLOUD_SDK_AK" {
		t.Fatalf("got %+v, %v", c, err)
	}
}

func TestHuaweiFromCredentialsFile(t *testing.T) {
	home := t.TempDir()
	write(t, filepath.Join(home, ".huaweicloud", "credentials"), "# SDK profile\n[global]\nak = GLOBAL\nsk = g\n\n[basic]\nak = BASICAK\nsk = \"basic sk\"\nproject_id = p2\n")
	c, err := Huawei(envOf(map[string]string{"HOME": home}))
	if err != nil || c.AK != "BASICAK" || c.SK.Reveal() != "basic sk" || c.ProjectID != "p2" || c.Source != "~/.huaweicloud/credentials [basic]" {
		t.Fatalf("got %+v, %v", c, err)
	}
	// HUAWEICLOUD_SDK_CREDENTIALS_FILE moves the file, as in the SDK.
	other := filepath.Join(t.TempDir(), "creds.ini")
	write(t, other, "[basic]\nak=MOVED\nsk=m\n")
	c, err = Huawei(envOf(map[string]string{"HOME": home, "HUAWEICLOUD_SDK_CREDENTIALS_FILE": other, "HUAWEICLOUD_SDK_PROJECT_ID": "p3"}))
	if err != nil || c.AK != "MOVED" || c.ProjectID != "p3" || !strings.Contains(c.Source, "HUAWEICLOUD_SDK_CREDENTIALS_FILE") {
		t.Fatalf("moved file: %+v, %v", c, err)
	}
}

func TestHuaweiMissingSaysWhereItLooked(t *testing.T) {
	home := t.TempDir()
	write(t, filepath.Join(home, ".huaweicloud", "credentials"), "[global]\nak=A\n[other]\nak=A\nsk=B\n")
	_, err := Huawei(envOf(map[string]string{"HOME": home}))
	if !errors.Is(err, ErrNoCredential) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{"HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "~/.huaweicloud/credentials (no [basic] section)", "~/.huaweicloud/credentials [global] (no ak/sk"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
}

func TestSecretNeverPrints(t *testing.T) {
	s := NewSecret("TopSecretValue123")
	c := AlibabaCredential{AccessKeyID: "LTAI5t", AccessKeySecret: s}
	js, _ := json.Marshal(c)
	for _, out := range []string{fmt.Sprint(s), fmt.Sprintf("%v %s %q %x %X %#v %+v %d", s, s, s, s, s, s, s, s),
		fmt.Sprintf("%v %+v %#v", c, c, c), string(js), s.String(), s.GoString()} {
		if strings.Contains(out, "Secret") && strings.Contains(out, "Value123") || strings.Contains(out, "Value123") {
			t.Errorf("secret printed: %s", out)
		}
		if !strings.Contains(out, "TopS") {
			t.Errorf("mask missing: %s", out)
		}
	}
	if s.Reveal() != "TopSecretValue123" {
		t.Error("Reveal must return the value")
	}
}

func TestParseEndpoint(t *testing.T) {
	for in, want := range map[string]string{
		"https://aiworkspace.cn-hangzhou.aliyuncs.com": "https://aiworkspace.cn-hangzhou.aliyuncs.com",
		"https://example.com:8443/":                    "https://example.com:8443",
		"http://127.0.0.1:8790":                        "http://127.0.0.1:8790",
		"http://127.9.9.9":                             "http://127.9.9.9",
		"http://localhost:1":                           "http://localhost:1",
		"http://[::1]:8790":                            "http://[::1]:8790",
	} {
		e, err := ParseEndpoint(in)
		if err != nil || e.String() != want {
			t.Errorf("%s: %v, %v; want %s", in, e, err, want)
		}
	}
	for in, why := range map[string]string{
		"http://example.com":           "loopback",
		"http://10.0.0.1:80":           "loopback",
		"ftp://127.0.0.1":              "scheme",
		"example.com":                  "scheme",
		"https://example.com/api":      "no path",
		"https://example.com?x=1":      "no path",
		"https://user:pw@example.com":  "user info",
		"https://example.com:99999":    "port",
		"https://":                     "no host",
		"http://localhost.example.com": "loopback",
	} {
		if _, err := ParseEndpoint(in); err == nil || !strings.Contains(err.Error(), why) {
			t.Errorf("%s: err %v, want it to mention %q", in, err, why)
		}
	}
}

// testAPIs are the APIs config.toml's [regions] and [endpoints] may name in these tests
// (cloudorder's are package catalog's).
var testAPIs = flows.Registry{flows.PAI, flows.DSC, flows.WorkspaceApp}

// settingsProblems parses text as config.toml and returns its problems ("line:column: rule",
// English), failing the test when the file is refused without a *SettingsError.
func settingsProblems(t *testing.T, text string) (Settings, []string) {
	t.Helper()
	s, err := ParseSettings("config.toml", []byte(text), testAPIs)
	if err == nil {
		return s, nil
	}
	var se *SettingsError
	if !errors.As(err, &se) {
		t.Fatalf("%v is not a SettingsError", err)
	}
	var out []string
	for _, p := range se.Problems {
		if !strings.HasPrefix(p.String(), "config.toml:") || p.Text().ZH == p.Text().EN {
			t.Errorf("problem %q / %q", p.String(), p.Text().ZH)
		}
		out = append(out, strings.TrimPrefix(p.String(), "config.toml:"))
	}
	if s.Lang != "" || len(s.Endpoints) != 0 || len(s.Regions) != 0 {
		t.Errorf("a refused file applied settings: %+v", s)
	}
	return s, out
}

func TestSettings(t *testing.T) {
	s, problems := settingsProblems(t, `# cloudorder settings
lang = "zh"   # interface language

[regions]
alibaba = "cn-shanghai"
huawei = 'cn-north-4'

[endpoints]
"huawei/dsc/CreateProductOrder" = "http://127.0.0.1:8790"
"alibaba/pai/CreateProductOrders" = "http://example.com"

[huawei]
site = "intl"
`)
	if problems != nil || s.Lang != "zh" || s.Regions["alibaba"] != "cn-shanghai" || s.Regions["huawei"] != "cn-north-4" ||
		s.Endpoints["huawei/dsc/CreateProductOrder"] != "http://127.0.0.1:8790" || s.HuaweiSite != "intl" {
		t.Errorf("settings = %+v %v", s, problems)
	}
	// An endpoint is kept as written: the endpoint gate refuses it where it would be used
	// (ParseEndpoint, called by providers/cloud), rather than the order silently going to the
	// default endpoint instead.
	if s.Endpoints["alibaba/pai/CreateProductOrders"] != "http://example.com" {
		t.Errorf("endpoints = %v", s.Endpoints)
	}
}

// Any valid TOML spelling of the same settings is the same settings.
func TestSettingsValidTOMLForms(t *testing.T) {
	for name, text := range map[string]string{
		"multi-line strings": "lang = \"\"\"zh\"\"\"\n[endpoints]\n\"huawei/dsc/CreateProductOrder\" = '''http://127.0.0.1:8790'''\n[regions]\nhuawei = \"\"\"\ncn-north-4\"\"\"\n",
		"dotted keys":        "lang = \"zh\"\nregions.huawei = \"cn-north-4\"\nendpoints.\"huawei/dsc/CreateProductOrder\" = \"http://127.0.0.1:8790\"\n",
		"inline tables":      "lang = \"zh\"\nregions = { huawei = \"cn-north-4\" }\nendpoints = { \"huawei/dsc/CreateProductOrder\" = \"http://127.0.0.1:8790\" }\n",
		"escapes, CRLF":      "lang = \"\\u007Ah\"\r\n[regions]\r\nhuawei = \"cn-north-\\u0034\" # comment \"quoted\"\r\n[endpoints]\r\n\"huawei/dsc/CreateProductOrder\" = \"http://127.0.0.1:8790\"\r\n",
	} {
		s, problems := settingsProblems(t, text)
		if problems != nil || s.Lang != "zh" || s.Regions["huawei"] != "cn-north-4" || s.Endpoints["huawei/dsc/CreateProductOrder"] != "http://127.0.0.1:8790" {
			t.Errorf("%s: %+v %v", name, s, problems)
		}
	}
}

// What is not valid TOML, or not a setting, is refused with its line and column.
func TestSettingsProblemsNameLineAndColumn(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"unknown key":             {"lang = \"en\"\ncolour = \"no\"\n", `2:1: unknown key colour at the top level: known keys are lang, [regions], [endpoints], [huawei]`},
		"key in other case":       {"LANG = \"en\"\n", `1:1: unknown key LANG at the top level`},
		"unknown table":           {"[proxy]\nurl = \"http://proxy\"\n", `1:2: unknown key proxy at the top level`},
		"unknown region cloud":    {"[regions]\naws = \"us-east-1\"\n", `2:1: unknown key aws in [regions]: known keys are alibaba, huawei`},
		"unknown endpoint":        {"[endpoints]\n\"huawei/dsc/CreateOrder\" = \"http://x\"\n", `2:1: unknown key "huawei/dsc/CreateOrder" in [endpoints]`},
		"unknown in inline table": {"endpoints = { \"alibaba/pai/CreateProductOrders\" = \"https://a\", \"x/y\" = \"https://b\" }\n", `1:64: unknown key "x/y" in [endpoints]`},
		"unknown dotted key":      {"regions.mars = \"m-1\"\n", `1:9: unknown key mars in [regions]`},
		"unknown huawei key":      {"[huawei]\nsit = \"intl\"\n", `2:1: unknown key sit in [huawei]: known keys are site`},
		"duplicate key":           {"lang = \"en\"\nlang = \"zh\"\n", `2:1: lang is given twice`},
		"duplicate table":         {"[regions]\nhuawei = \"a\"\n[regions]\nalibaba = \"b\"\n", `3:2: regions is given twice`},
		"bare value":              {"[regions]\nhuawei = cn-east-3\n", `2:10: not valid TOML: `},
		"not a string":            {"lang = 1\n", `1:8: lang must be a quoted string`},
		"not a table":             {"regions = \"cn\"\n", `1:11: regions must be a table`},
		"array table":             {"[[regions]]\n", `1:3: regions must be a table`},
		"malformed header":        {"[regions\n", `1:9: not valid TOML: expected ']'`},
		"bad lang":                {"\nlang = \"fr\"\n", `2:1: lang must be "en" or "zh"`},
		"bad site":                {"[huawei]\n  site = \"mars\"\n", `2:3: site must be "china", "intl" or "eu"`},
		"byte order mark":         {"\uFEFFlang = \"en\"\n", `1:1: the file starts with a byte order mark (U+FEFF)`},
	} {
		_, problems := settingsProblems(t, tc.text)
		if len(problems) == 0 || !strings.HasPrefix(problems[0], tc.want) {
			t.Errorf("%s: problems %q, want the first to start %q", name, problems, tc.want)
		}
	}
}

// A comment line longer than any line buffer does not hide what follows it: the [endpoints]
// after a 70 KB comment is read (the hand-written reader stopped there and the order went to
// the real endpoint).
func TestSettingsLongLineKeepsWhatFollows(t *testing.T) {
	text := "# " + strings.Repeat("x", 70_000) + "\n[endpoints]\n\"alibaba/pai/CreateProductOrders\" = \"http://127.0.0.1:1\"\n"
	s, problems := settingsProblems(t, text)
	if problems != nil || s.Endpoints["alibaba/pai/CreateProductOrders"] != "http://127.0.0.1:1" {
		t.Fatalf("%+v %v", s, problems)
	}
	// A long line that is not valid is a problem with its place, not silence.
	_, problems = settingsProblems(t, "lang = \"en\"\n# ok\nx"+strings.Repeat("y", 70_000)+" = \n")
	if len(problems) == 0 || !strings.HasPrefix(problems[0], "3:") {
		t.Fatalf("%v", problems)
	}
}

// A problem names the line and the rule, never the value: a value may be a secret pasted in
// the wrong place, or a URL with a password.
func TestSettingsWarningsDoNotEchoValues(t *testing.T) {
	const secret = "SuperSecretValue0000"
	for _, text := range []string{
		"lang = \"" + secret + "\"\n",
		"[regions]\nhuawei = " + secret + "\n",
		"[regions]\nalibaba = \"bad\\q" + secret + "\"\n",
		"[" + secret + "\n",
		"[huawei]\nsite = \"" + secret + "\"\n",
		"lang = [\"" + secret + "\"]\n",
	} {
		_, problems := settingsProblems(t, text)
		if len(problems) == 0 {
			t.Errorf("%q: no problem", text)
		}
		for _, p := range problems {
			if strings.Contains(p, secret) || strings.Contains(p, secret[1:8]) {
				t.Errorf("problem repeats the value: %s", p)
			}
		}
	}
	if _, err := ParseEndpoint("https://user:" + secret + "@example.com"); err == nil || strings.Contains(err.Error(), secret) {
		t.Errorf("endpoint error %v", err)
	}
	if _, err := CheckEndpoint("--endpoint", "http://10.0.0.1"); err == nil || !strings.Contains(err.Error(), "--endpoint") ||
		!strings.Contains(err.Error(), "loopback") || strings.Contains(err.Error(), "10.0.0.1") {
		t.Errorf("gate error %v", err)
	}
	// A key that would act on a terminal is not repeated.
	_, problems := settingsProblems(t, "\"a\\u001b[2Jb\" = \"x\"\n")
	if len(problems) != 1 || !strings.Contains(problems[0], "(a name with control characters)") {
		t.Errorf("%q", problems)
	}
}

func TestPaths(t *testing.T) {
	env := envOf(map[string]string{"HOME": "/home/a"})
	if p := SettingsPath(env); p != "/home/a/.config/cloudorder/config.toml" {
		t.Error(p)
	}
	if p := HistoryPath(env); p != "/home/a/.local/state/cloudorder/orders.jsonl" {
		t.Error(p)
	}
	env = envOf(map[string]string{"HOME": "/home/a", "XDG_CONFIG_HOME": "/x/c", "XDG_STATE_HOME": "relative/ignored"})
	if p := SettingsPath(env); p != "/x/c/cloudorder/config.toml" {
		t.Error(p)
	}
	if p := HistoryPath(env); p != "/home/a/.local/state/cloudorder/orders.jsonl" {
		t.Error(p)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "cloudorder", "config.toml"), "[regions]\nhuawei = \"cn-east-3\"\n")
	s, err := LoadSettings(envOf(map[string]string{"XDG_CONFIG_HOME": dir}), testAPIs)
	if err != nil || s.Regions["huawei"] != "cn-east-3" {
		t.Errorf("LoadSettings = %+v %v", s, err)
	}
}

func TestProfileFlagPicksANamedProfile(t *testing.T) {
	home := t.TempDir()
	write(t, filepath.Join(home, ".aliyun", "config.json"), `{"current":"default","profiles":[
		{"name":"default","mode":"AK","access_key_id":"LTAIdefault","access_key_secret":"d"},
		{"name":"prod","mode":"AK","access_key_id":"LTAIprod","access_key_secret":"p"}]}`)
	write(t, filepath.Join(home, ".huaweicloud", "credentials"), "[basic]\nak=BASICAK\nsk=b\n\n[prod]\nak=PRODAK\nsk=p\nproject_id=pp\ndomain_id=dd\n")
	env := envOf(map[string]string{"HOME": home, "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIenv", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "e",
		"HUAWEICLOUD_SDK_AK": "ENVAK", "HUAWEICLOUD_SDK_SK": "e"})
	// Without --profile the environment wins, as in the SDKs.
	if c, err := Alibaba(env); err != nil || c.AccessKeyID != "LTAIenv" {
		t.Fatalf("no profile: %+v %v", c, err)
	}
	// With --profile the named profile is an explicit choice and wins over the environment.
	a, err := AlibabaProfile(env, "prod")
	if err != nil || a.AccessKeyID != "LTAIprod" || a.Source != "~/.aliyun/config.json profile prod" {
		t.Fatalf("alibaba prod: %+v %v", a, err)
	}
	h, err := HuaweiProfile(env, "prod")
	if err != nil || h.AK != "PRODAK" || h.ProjectID != "pp" || h.DomainID != "dd" || h.Source != "~/.huaweicloud/credentials [prod]" {
		t.Fatalf("huawei prod: %+v %v", h, err)
	}
	_, err = AlibabaProfile(env, "staging")
	var miss *MissingError
	if !errors.As(err, &miss) || !strings.Contains(err.Error(), `no profile "staging"`) || strings.Contains(err.Error(), "ALIBABA_CLOUD_ACCESS_KEY_ID") {
		t.Errorf("missing profile: %v", err)
	}
	if _, err := HuaweiProfile(env, "staging"); err == nil || !strings.Contains(err.Error(), "no [staging] section") {
		t.Errorf("missing section: %v", err)
	}
}

func TestCredentialsReport(t *testing.T) {
	home := t.TempDir()
	r := Credentials(envOf(map[string]string{"HOME": home, "HUAWEICLOUD_SDK_AK": "SANDAKVALUE", "HUAWEICLOUD_SDK_SK": "s3cr3t"}), "")
	if len(r) != 2 || r[0].Found || !r[1].Found || r[1].MaskedKey != "SAND*******" || r[1].Source != "env HUAWEICLOUD_SDK_AK" {
		t.Fatalf("report %+v", r)
	}
	ali := r[0].Text()
	for _, want := range []string{"Alibaba Cloud: missing: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (unset)", "~/.aliyun/config.json (no such file)"} {
		if !strings.Contains(ali.EN, want) {
			t.Errorf("%q lacks %q", ali.EN, want)
		}
	}
	if !strings.Contains(ali.ZH, "阿里云:缺少凭证") || !strings.Contains(ali.ZH, "文件不存在") || strings.Contains(ali.ZH, "no such file") {
		t.Errorf("zh %q", ali.ZH)
	}
	if hw := r[1].Text(); hw.EN != "Huawei Cloud: env HUAWEICLOUD_SDK_AK SAND*******" || strings.Contains(hw.EN+hw.ZH, "s3cr3t") {
		t.Errorf("huawei %+v", hw)
	}
}

func TestCredentialsReportWithAMissingProfileIsWholeInChinese(t *testing.T) {
	r := Credentials(envOf(map[string]string{"HOME": t.TempDir()}), "prod")
	for _, s := range r {
		zh := s.Text().ZH
		if s.Found || !strings.Contains(zh, "prod") || strings.Contains(zh, " and ") || strings.Contains(zh, "no such file") {
			t.Errorf("%s: %q", s.Cloud, zh)
		}
	}
	if en := r[1].Text().EN; !strings.Contains(en, "set ak and sk in section [prod]") {
		t.Errorf("huawei %q", en)
	}
}

// [huawei] site names the account's site for BSS (prices and payment); other words are
// problems, and the Chinese site is the default.
func TestSettingsHuaweiSite(t *testing.T) {
	for word, want := range map[string]string{"china": "", "intl": "intl", "eu": "eu"} {
		s, problems := settingsProblems(t, "[huawei]\nsite = \""+word+"\"\n")
		if len(problems) != 0 || s.HuaweiSite != want {
			t.Errorf("site = %q: %q, problems %v", word, s.HuaweiSite, problems)
		}
	}
	if _, problems := settingsProblems(t, "[huawei]\nsite = \"mars\"\n"); len(problems) != 1 || !strings.Contains(problems[0], "site must be") {
		t.Errorf("a wrong site: %v", problems)
	}
}

// A missing credential says itself in Chinese too, for screens: what to set and where it looked.
func TestMissingCredentialInChinese(t *testing.T) {
	_, err := Alibaba(func(string) string { return "" })
	var miss *MissingError
	if !errors.As(err, &miss) {
		t.Fatalf("%v is not a MissingError", err)
	}
	zh := miss.Text().ZH
	if !strings.HasPrefix(zh, "没有阿里云凭证:") || !strings.Contains(zh, "已查找:") || strings.Contains(zh, "looked at") || strings.Contains(zh, "no such file") || strings.Contains(zh, "unset") {
		t.Fatalf("zh: %q", zh)
	}
	if en := miss.Text().EN; !strings.HasPrefix(en, "no Alibaba Cloud credential: set ALIBABA_CLOUD_ACCESS_KEY_ID") {
		t.Fatalf("en: %q", en)
	}
}

// The files cloudorder writes for the person are 0600, never replace a file unless asked, and
// a replaced file is 0600 afterwards too.
func TestWritePrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "order.json")
	if err := WritePrivate(path, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	if err := WritePrivate(path, []byte("two"), false); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("replaced without being asked: %v", err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WritePrivate(path, []byte("three"), true); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(b) != "three" || st.Mode().Perm() != 0o600 {
		t.Fatalf("%q, mode %v", b, st.Mode().Perm())
	}
}
