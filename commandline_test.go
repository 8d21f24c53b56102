package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// --help of every command, in both languages, is the golden file's text (go test -run
// TestHelpGolden -update . rewrites them), fits 80 columns and shows an example.
func TestHelpGolden(t *testing.T) {
	env := map[string]string{"XDG_STATE_HOME": t.TempDir(), "XDG_CONFIG_HOME": t.TempDir(), "HOME": t.TempDir()}
	for _, lang := range []string{"en", "zh"} {
		for _, path := range commandPaths(t) {
			name := strings.Join(append([]string{"cloudorder"}, path...), "_")
			t.Run(lang+"/"+name, func(t *testing.T) {
				out, errOut, code := runForTest(t, env, "", append(slices.Clone(path), "--help", "--lang", lang)...)
				if code != exitOK || errOut != "" {
					t.Fatalf("exit %d, stderr %q", code, errOut)
				}
				for i, line := range strings.Split(out, "\n") {
					if w := ansi.StringWidth(line); w > 80 {
						t.Errorf("line %d is %d columns wide:\n%s", i+1, w, line)
					}
					if strings.TrimRight(line, " ") != line {
						t.Errorf("line %d ends in spaces: %q", i+1, line)
					}
				}
				examples := map[string]string{"en": "\nExamples:\n  ", "zh": "\n示例:\n  "}[lang]
				if !strings.Contains(out, examples) {
					t.Errorf("no example:\n%s", out)
				}
				if lang == "zh" && regexp.MustCompile(`\((default|show this help|interface language)`).MatchString(out) {
					t.Errorf("English left in the Chinese help:\n%s", out)
				}
				golden.RequireEqual(t, out)
			})
		}
	}
}

// `cloudorder help CMD` is CMD's --help; the language comes from --lang, else the environment.
func TestHelpCommandAndLanguageSources(t *testing.T) {
	a, _, c1 := runForTest(t, nil, "", "help", "submit")
	b, _, c2 := runForTest(t, nil, "", "submit", "--help")
	if c1 != exitOK || c2 != exitOK || a != b {
		t.Errorf("help submit (exit %d) and submit --help (exit %d) differ:\n%s\n---\n%s", c1, c2, a, b)
	}
	zh, _, _ := runForTest(t, map[string]string{"LANG": "zh_CN.UTF-8"}, "", "submit", "--help")
	flagZh, _, _ := runForTest(t, nil, "", "--lang=zh", "submit", "-h")
	if !strings.Contains(zh, "用法:") || zh != flagZh {
		t.Errorf("LANG=zh and --lang=zh differ:\n%s\n---\n%s", zh, flagZh)
	}
	en, _, _ := runForTest(t, map[string]string{"LANG": "zh_CN.UTF-8"}, "", "submit", "--help", "--lang", "en")
	if en != b {
		t.Errorf("--lang en does not win over LANG:\n%s", en)
	}
}

// What cobra refuses — an unknown command, flag or shorthand, a missing or bad flag value, a
// wrong number of arguments, an unknown shell — exits 2 (never cobra's 1), with the problem,
// the usage line and where the help is, in either language; nothing on stdout.
func TestCobraRefusalsExitTwo(t *testing.T) {
	env := map[string]string{"XDG_STATE_HOME": t.TempDir(), "XDG_CONFIG_HOME": t.TempDir()}
	cases := []struct {
		args   []string
		en, zh string
	}{
		{[]string{"sumbit", "order.json", "--yes"}, `unknown command "sumbit" — did you mean submit?`, `未知命令 "sumbit" — 您是不是要输入 submit?`},
		{[]string{"histroy"}, "did you mean history?", "您是不是要输入 history?"},
		{[]string{"frobnicate"}, `unknown command "frobnicate" (commands: validate, submit,`, `未知命令 "frobnicate"(命令:validate、submit、`},
		{[]string{"help", "sumbit"}, "did you mean submit?", "您是不是要输入 submit?"},
		{[]string{"history", "shwo"}, "did you mean show?", "您是不是要输入 show?"},
		{[]string{"submit", "--bogus", "x.json"}, "cloudorder submit: unknown flag --bogus", "cloudorder submit:未知选项 --bogus"},
		// A sub-command's flag before the command is the flag's problem, not the command's.
		{[]string{"--yes", "submit", "x.json"}, "cloudorder: unknown flag --yes", "cloudorder:未知选项 --yes"},
		{[]string{"validate", "-x", "x.json"}, "unknown flag -x", "未知选项 -x"},
		{[]string{"submit", "x.json", "--timeout"}, "flag --timeout needs a value", "选项 --timeout 需要一个值"},
		{[]string{"submit", "x.json", "--timeout", "soon"}, `--timeout: "soon" is not a valid value`, `--timeout:"soon" 不是有效的值`},
		{[]string{"submit"}, "takes one order file, got 0 argument(s)", "需要一个订单文件,实际给出 0 个参数"},
		{[]string{"submit", "a.json", "b.json"}, "got 2 argument(s)", "实际给出 2 个参数"},
		{[]string{"validate"}, "usage: cloudorder validate FILE...", "用法:cloudorder validate 文件..."},
		{[]string{"version", "now"}, `unexpected argument "now"`, `多余的参数 "now"`},
		{[]string{"completion", "tcsh"}, `not "tcsh"`, `而不是 "tcsh"`},
		{[]string{"--lang", "fr"}, `--lang must be en or zh, not "fr"`, `--lang 只能是 en 或 zh,而不是 "fr"`},
	}
	for _, tc := range cases {
		for _, lang := range []string{"en", "zh"} {
			want := map[string]string{"en": tc.en, "zh": tc.zh}[lang]
			args := append([]string{"--lang", lang}, tc.args...)
			if tc.args[0] == "--lang" {
				args = tc.args
				if lang == "zh" {
					continue // --lang fr has no language to say it in but the environment's
				}
			}
			out, errOut, code := runForTest(t, env, "", args...)
			if code != exitUsage || !strings.Contains(errOut, want) || out != "" {
				t.Errorf("%v: exit %d, stdout %q, stderr:\n%s\nwant exit 2 and %q", args, code, out, errOut, want)
			}
		}
	}
}

// --version, -v, -version (the flag package's spelling) and `version` print the same line.
func TestVersionSpellings(t *testing.T) {
	want, _, _ := runForTest(t, nil, "", "version")
	for _, args := range [][]string{{"--version"}, {"-v"}, {"-version"}, {"--version", "--lang", "zh"}} {
		out, errOut, code := runForTest(t, nil, "", args...)
		if code != exitOK || out != want || errOut != "" {
			t.Errorf("%v: exit %d, %q (stderr %q), want %q", args, code, out, errOut, want)
		}
	}
}

// Long flags with one dash, as the standard flag package took them, still work: scripts
// written for earlier versions keep running.
func TestSingleDashLongFlags(t *testing.T) {
	out, errOut, code := runForTest(t, nil, "", "validate", "-output", "json", "testdata/orders/huawei-dsc.json")
	if code != exitOK || !strings.HasPrefix(out, `{"file":"testdata/orders/huawei-dsc.json"`) {
		t.Errorf("validate -output json: exit %d\n%s%s", code, out, errOut)
	}
	_, errOut, code = runForTest(t, nil, "", "validate", "-output=xml", "testdata/orders/huawei-dsc.json")
	if code != exitUsage || !strings.Contains(errOut, `--output must be one of text, json, not "xml"`) {
		t.Errorf("validate -output=xml: exit %d\n%s", code, errOut)
	}
}

// validate --output json: one object per file, in the order given, with its problems and
// warnings apart; the exit code is the text mode's.
func TestValidateJSONOneObjectPerFile(t *testing.T) {
	files := []string{"testdata/orders/huawei-dsc.json", "testdata/cases/maxcompute-no-spec-warns.json",
		"testdata/invalid/alibaba-wrong-cycle.json", "testdata/no-such-order.json"}
	out, errOut, code := runForTest(t, nil, "", append([]string{"validate", "--output", "json"}, files...)...)
	if code != exitUsage || errOut != "" {
		t.Fatalf("exit %d (want 2: one file is missing), stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(files) {
		t.Fatalf("%d lines for %d files:\n%s", len(lines), len(files), out)
	}
	var got []validation
	for _, l := range lines {
		var v validation
		dec := json.NewDecoder(strings.NewReader(l))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		got = append(got, v)
		if !strings.Contains(l, `"problems":[`) || !strings.Contains(l, `"warnings":[`) {
			t.Errorf("problems and warnings must be arrays, even empty: %s", l)
		}
	}
	for i, f := range files {
		if got[i].File != f {
			t.Errorf("object %d is for %q, want %q", i, got[i].File, f)
		}
	}
	if v := got[0]; !v.Valid || v.API != "huawei/dsc/CreateProductOrder" || len(v.Problems)+len(v.Warnings) != 0 || v.Error != "" {
		t.Errorf("valid file: %+v", v)
	}
	if v := got[1]; !v.Valid || len(v.Problems) != 0 || len(v.Warnings) != 1 || v.Warnings[0].Path != "body.Products[0].InstanceProperties" {
		t.Errorf("file with a warning: %+v", v)
	}
	if v := got[2]; v.Valid || len(v.Problems) != 5 || v.Problems[1] != (fileProblem{"body.Products[0].PricingCycle", "DataWorks_share supports only Month"}) {
		t.Errorf("invalid file: %+v", v)
	}
	if v := got[3]; v.Valid || v.API != "" || !strings.Contains(v.Error, "no-such-order.json: cannot read") {
		t.Errorf("missing file: %+v", v)
	}
	// Invalid but readable: exit 1, as in text mode; the rules in the run's language.
	out, _, code = runForTest(t, nil, "", "validate", "--output", "json", "--lang", "zh", files[2])
	if code != exitInvalid || !strings.Contains(out, "DataWorks_share 只支持 Month") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// `cloudorder man` is a roff page of every command, with the exit codes, in either language.
func TestManPage(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		out, errOut, code := runForTest(t, nil, "", "man", "--lang", lang)
		if code != exitOK || errOut != "" || !strings.HasPrefix(out, ".TH CLOUDORDER 1 ") {
			t.Fatalf("%s: exit %d, stderr %q\n%s", lang, code, errOut, out)
		}
		for _, path := range commandPaths(t) {
			if len(path) == 1 && !strings.Contains(out, ".SS cloudorder "+path[0]) {
				t.Errorf("%s: no section for %s", lang, path[0])
			}
		}
		exit := map[string]string{"en": ".SH EXIT STATUS", "zh": ".SH 退出码"}[lang]
		if !strings.Contains(out, exit) || !strings.Contains(out, ".B 130\n") || !strings.Contains(out, `\-\-sandbox`) {
			t.Errorf("%s: exit codes or escaped flags missing:\n%s", lang, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, ".") && !regexp.MustCompile(`^\.(TH|SH|SS|B|TP|PP|RS|RE|nf|fi|br)( |$)`).MatchString(line) {
				t.Errorf("%s: a text line reads as a roff request: %q", lang, line)
			}
		}
	}
	for _, lang := range []string{"en", "zh"} { // renders without warnings where groff is installed
		if _, err := exec.LookPath("groff"); err != nil {
			break
		}
		out, _, _ := runForTest(t, nil, "", "man", "--lang", lang)
		cmd := exec.Command("groff", "-k", "-man", "-Tutf8", "-z")
		cmd.Stdin = strings.NewReader(out)
		msg, err := cmd.CombinedOutput()
		// Filling warnings only: a URL or a Chinese sentence has no place to break or stretch.
		filling := regexp.MustCompile(`(?m)^troff: .*warning.*(cannot adjust line|can't break line)\n`)
		if rest := filling.ReplaceAllString(string(msg), ""); err != nil || rest != "" {
			t.Errorf("groff %s: %v\n%s", lang, err, rest)
		}
	}
}

// completionShell puts a `cloudorder` on PATH that is this test binary acting as the command
// (TestMain), and writes the completion script for shell; it returns PATH and the script.
func completionShell(t *testing.T, shell string) (pathEnv, script string) {
	t.Helper()
	if _, err := exec.LookPath(shell); err != nil {
		t.Fatalf("%s is not installed (.ci/run installs it)", shell)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	wrapper := "#!/bin/sh\nCLOUDORDER_TEST_AS_MAIN=1 exec '" + exe + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(dir, "cloudorder"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	out, _, code := runForTest(t, nil, "", "completion", shell)
	if code != exitOK || out == "" {
		t.Fatalf("completion %s: exit %d", shell, code)
	}
	script = filepath.Join(dir, "cloudorder."+shell)
	if err := os.WriteFile(script, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir + string(os.PathListSeparator) + os.Getenv("PATH"), script
}

// orderDir is a directory with an order file, another file and a sub-directory, for file
// completion.
func orderDir(t *testing.T) string {
	dir := t.TempDir()
	for _, f := range []string{"order.json", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "orders"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// The bash script, loaded in bash with bash-completion (which cobra's script needs), registers
// for cloudorder and completes commands, flag values, API ids, profiles (never a secret) and
// order files.
func TestCompletionInBash(t *testing.T) {
	pathEnv, script := completionShell(t, "bash")
	lib := "/usr/share/bash-completion/bash_completion"
	if _, err := os.Stat(lib); err != nil {
		t.Fatalf("bash-completion is not installed (.ci/run installs it): %v", err)
	}
	// Profiles to complete: the aliyun CLI's and Huawei's credentials-file sections.
	home := t.TempDir()
	for name, text := range map[string]string{
		".aliyun/config.json": `{"current":"prod","profiles":[{"name":"prod","mode":"AK","access_key_id":"LTAIxxxx","access_key_secret":"s3cret"},` +
			`{"name":"ci-oidc","mode":"OIDC"}]}`,
		".huaweicloud/credentials": "[default]\nak = AKxxxx\nsk = s3cret\n[global]\nak = AKyyyy\nsk = s3cret\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(home, name)), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(home, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	complete := func(line string) []string {
		t.Helper()
		// COMP_* as bash sets them for a Tab at the end of line.
		prog := `source "$1"; source "$2"; compopt() { :; }
read -ra COMP_WORDS <<< "$3"; [[ "$3" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE="$3"; COMP_POINT=${#COMP_LINE}
__start_cloudorder cloudorder "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"`
		cmd := exec.Command("bash", "--norc", "--noprofile", "-c", prog, "bash", lib, script, line)
		cmd.Dir = orderDir(t)
		cmd.Env = []string{"PATH=" + pathEnv, "HOME=" + home, "XDG_CONFIG_HOME=" + t.TempDir()}
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		if strings.Contains(string(out), "s3cret") || strings.Contains(string(out), "LTAIxxxx") {
			t.Errorf("%q completes to a key or secret: %s", line, out)
		}
		return strings.Fields(string(out))
	}
	out, err := exec.Command("bash", "--norc", "--noprofile", "-c", `source "$1"; source "$2"; complete -p cloudorder`, "bash", lib, script).Output()
	if err != nil || !strings.Contains(string(out), "-F __start_cloudorder cloudorder") {
		t.Fatalf("complete -p cloudorder: %v %q", err, out)
	}
	cases := []struct {
		line string
		want []string
	}{
		{"cloudorder sub", []string{"submit"}},
		{"cloudorder hist", []string{"history"}},
		{"cloudorder history ", []string{"show", "export"}},
		{"cloudorder submit --out", []string{"--output"}},
		{"cloudorder submit --output ", []string{"text", "json"}},
		{"cloudorder command x.json --shell ", []string{"sh", "pwsh", "cmd"}},
		{"cloudorder --lang ", []string{"en", "zh"}},
		{"cloudorder completion ", []string{"bash", "zsh", "fish", "powershell"}},
		{"cloudorder explain huawei/d", []string{"huawei/dsc/CreateProductOrder"}},
		{"cloudorder validate ", []string{"order.json", "orders"}},
		{"cloudorder submit ", []string{"order.json", "orders"}},
		{"cloudorder submit x.json ", nil},
		{"cloudorder --from ", []string{"order.json", "orders"}},
		{"cloudorder submit x.json --profile ", []string{"ci-oidc", "default", "global", "prod"}},
		{"cloudorder credentials --profile p", []string{"prod"}},
	}
	for _, tc := range cases {
		if got := complete(tc.line); !slices.Equal(got, tc.want) {
			t.Errorf("%q completes to %q, want %q", tc.line, got, tc.want)
		}
	}
}

// The zsh script, loaded in zsh after compinit, registers _cloudorder for cloudorder, and its
// function — run with zsh's own words/CURRENT, _describe capturing what it would offer (the
// completion system itself draws only in an interactive shell) — completes `cloudorder sub`
// to submit, with the description.
func TestCompletionInZsh(t *testing.T) {
	pathEnv, script := completionShell(t, "zsh")
	run := func(prog string, args ...string) string {
		t.Helper()
		cmd := exec.Command("zsh", append([]string{"-f", "-c", prog, "zsh", script}, args...)...)
		cmd.Dir = orderDir(t)
		cmd.Env = []string{"PATH=" + pathEnv, "HOME=" + cmd.Dir, "XDG_CONFIG_HOME=" + t.TempDir()}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("zsh: %v\n%s", err, out)
		}
		return string(out)
	}
	if got := run(`autoload -U compinit && compinit -u -D; source "$1"; print -r -- "${_comps[cloudorder]}"`); got != "_cloudorder\n" {
		t.Fatalf("compinit registration: %q", got)
	}
	complete := func(words ...string) []string {
		out := run(`compdef() { :; }; source "$1"; shift
_describe() { local a; for a in "$@"; do if [[ $a == completions ]]; then print -rl -- "${completions[@]}"; return 0; fi; done; return 1 }
compadd() { print -r -- "compadd $*" }
words=("$@"); CURRENT=$#; _cloudorder`, words...)
		return strings.Split(strings.TrimSpace(out), "\n")
	}
	if got := complete("cloudorder", "sub"); !slices.Equal(got, []string{"submit:send one order file"}) {
		t.Errorf("cloudorder sub: %q", got)
	}
	if got := complete("cloudorder", "submit", "--output", ""); !slices.Equal(got, []string{"text", "json"}) {
		t.Errorf("cloudorder submit --output: %q", got)
	}
}

// Fish and PowerShell get their scripts too (not run here: neither shell is on CI's machine).
func TestCompletionScriptsForFishAndPowerShell(t *testing.T) {
	for shell, want := range map[string]string{"fish": "complete -c cloudorder", "powershell": "Register-ArgumentCompleter"} {
		out, _, code := runForTest(t, nil, "", "completion", shell)
		if code != exitOK || !strings.Contains(out, want) || !strings.Contains(out, "__complete") {
			t.Errorf("completion %s: exit %d, lacks %q", shell, code, want)
		}
	}
}

// In a real process too, cobra's refusals end the process with 2 and help with 0 (cobra never
// calls os.Exit itself; main does, with run's code).
func TestCobraExitCodesInAProcess(t *testing.T) {
	env := map[string]string{"HOME": t.TempDir(), "XDG_CONFIG_HOME": t.TempDir(), "XDG_STATE_HOME": t.TempDir()}
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"sumbit"}, exitUsage},
		{[]string{"submit", "--bogus"}, exitUsage},
		{[]string{"history", "--output"}, exitUsage},
		{[]string{"validate"}, exitUsage},
		{[]string{"submit", "--help"}, exitOK},
		{[]string{"-v"}, exitOK},
		{[]string{"validate", "testdata/invalid/alibaba-wrong-cycle.json"}, exitInvalid},
	} {
		if _, errOut, code := runMain(t, env, tc.args...); code != tc.want {
			t.Errorf("%v: exit %d, want %d\n%s", tc.args, code, tc.want, errOut)
		}
	}
}

// --help's exit codes say what docs/design.md's table says: 130 is any command cancelled
// before sending (submit's and pay's ctrl+c too), not only --plain's; 2 includes a "no".
func TestHelpExitCodesMatchTheDesign(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"a question answered no: nothing sent", "cancelled before anything was sent (ctrl+c or SIGTERM"},
		"zh": {"订单被拒绝或确认问题回答", "发送前取消(ctrl+c 或 SIGTERM"},
	} {
		out, _, code := runForTest(t, nil, "", "--help", "--lang", lang)
		for _, w := range want {
			if code != exitOK || !strings.Contains(strings.Join(strings.Fields(out), " "), w) {
				t.Errorf("%s: exit %d, --help lacks %q:\n%s", lang, code, w, out)
			}
		}
	}
}
