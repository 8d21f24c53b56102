package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"cloudorder/placement"
	"cloudorder/providers"
)

// commandPaths are the argument prefixes naming every command of the tree ("" = the wizard),
// as a person would type them.
func commandPaths(t *testing.T) [][]string {
	t.Helper()
	c := &cli{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
	var paths [][]string
	visit(newRoot(c), func(cmd *cobra.Command) {
		if cmd.Hidden {
			return
		}
		paths = append(paths, strings.Fields(cmd.CommandPath())[1:])
	})
	if len(paths) < 8 {
		t.Fatalf("the tree has %d commands", len(paths))
	}
	return paths
}

// Every command answers --help and -h with its own usage on stdout and exit 0, and an unknown
// flag with the problem and its usage on stderr and exit 2.
func TestCommandTableHelpAndUnknownFlags(t *testing.T) {
	env := map[string]string{"XDG_STATE_HOME": t.TempDir(), "XDG_CONFIG_HOME": t.TempDir()}
	for _, path := range commandPaths(t) {
		want := "cloudorder " + strings.Join(path, " ")
		for _, help := range []string{"--help", "-h"} {
			out, errOut, code := runForTest(t, env, "", append(slices.Clone(path), help)...)
			if code != exitOK || !strings.Contains(out, "Usage:\n  "+want) || errOut != "" {
				t.Errorf("%q %s: exit %d, stdout %q, stderr %q; want 0 and the usage %q on stdout", path, help, code, out, errOut, want)
			}
		}
		out, errOut, code := runForTest(t, env, "", append(slices.Clone(path), "--bogus")...)
		if code != exitUsage || !strings.Contains(errOut, "unknown flag --bogus") || !strings.Contains(errOut, "usage: "+want) ||
			!strings.Contains(errOut, "--help' for more") || out != "" {
			t.Errorf("%q --bogus: exit %d, stdout %q, stderr %q; want 2 and the usage on stderr", path, code, out, errOut)
		}
	}
}

// `cloudorder --help` names every sub-command and every API, and every exit code.
func TestToolUsageListsCommandsAndAPIs(t *testing.T) {
	help, _, c1 := runForTest(t, nil, "", "help")
	for _, path := range commandPaths(t) {
		if len(path) == 1 && !strings.Contains(help, "\n  "+path[0]+" ") {
			t.Errorf("--help does not list %q:\n%s", path[0], help)
		}
	}
	for _, s := range []string{"alibaba/pai/CreateProductOrders", "POST /v1/{project_id}/period/order"} {
		if !strings.Contains(help, s) {
			t.Errorf("usage lacks %q", s)
		}
	}
	dashed, _, c2 := runForTest(t, nil, "", "--help")
	if c1 != exitOK || c2 != exitOK || help != dashed || !strings.Contains(help, "-sandbox") {
		t.Errorf("help (exit %d) and --help (exit %d) differ or lack the wizard's flags:\n%s\n---\n%s", c1, c2, help, dashed)
	}
	zh, _, _ := runForTest(t, map[string]string{"LANG": "zh_CN.UTF-8"}, "", "--help")
	if !strings.Contains(zh, "用法") || !strings.Contains(zh, "退出码") {
		t.Errorf("--help in Chinese:\n%s", zh)
	}
	// Every exit code the command can end with is listed, failed orders' in the outcome
	// table's words, in both languages.
	for _, k := range []providers.Kind{0, providers.Invalid, providers.Rejected, providers.Unknown, providers.NotSent} {
		o := placement.WordingOf(k)
		if o.Meaning.EN == "" || o.Meaning.ZH == "" ||
			!strings.Contains(help, fmt.Sprintf("%3d   %s\n", o.Exit, o.Meaning.EN)) || !strings.Contains(zh, fmt.Sprintf("%3d   %s\n", o.Exit, o.Meaning.ZH)) {
			t.Errorf("--help lacks exit %d (%q / %q)", o.Exit, o.Meaning.EN, o.Meaning.ZH)
		}
	}
	for _, code := range []int{exitUsage, exitCanceled} {
		if !strings.Contains(help, fmt.Sprintf("\n  %3d   ", code)) || !strings.Contains(zh, fmt.Sprintf("\n  %3d   ", code)) {
			t.Errorf("--help lacks exit %d", code)
		}
	}
}

// `cloudorder version` and `cloudorder --version` print the same line.
func TestVersionCommandsAgree(t *testing.T) {
	a, _, c1 := runForTest(t, nil, "", "version")
	b, _, c2 := runForTest(t, nil, "", "--version")
	if c1 != exitOK || c2 != exitOK || a != b || !strings.HasPrefix(a, "cloudorder ") {
		t.Errorf("version %q (exit %d) vs --version %q (exit %d)", a, c1, b, c2)
	}
	old := version
	version = "1.2.3"
	defer func() { version = old }()
	if a, _, _ := runForTest(t, nil, "", "--version"); a != "cloudorder 1.2.3\n" {
		t.Errorf("-ldflags version: %q", a)
	}
}

// A flag given a value it does not take is named with the rule, in either language, on every
// command that has it.
func TestFlagValuesNameTheRule(t *testing.T) {
	env := map[string]string{"XDG_STATE_HOME": t.TempDir(), "XDG_CONFIG_HOME": t.TempDir()}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"history", "--output", "xml"}, `--output must be one of text, json, not "xml"`},
		{[]string{"submit", "testdata/orders/huawei-dsc.json", "--output", "xml"}, `--output must be one of text, json, not "xml"`},
		{[]string{"command", "--shell", "fish", "testdata/orders/huawei-dsc.json"}, `--shell must be one of sh, pwsh, cmd, not "fish"`},
		{[]string{"submit", "testdata/orders/huawei-dsc.json", "--timeout", "0s"}, "--timeout must be positive"},
		{[]string{"--timeout", "-1s"}, "--timeout must be positive"},
	}
	for _, tc := range cases {
		_, errOut, code := runForTest(t, env, "", tc.args...)
		if code != exitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, want %q in:\n%s", tc.args, code, tc.want, errOut)
		}
	}
	zh := map[string]string{"XDG_STATE_HOME": env["XDG_STATE_HOME"], "LANG": "zh_CN.UTF-8"}
	if _, errOut, _ := runForTest(t, zh, "", "history", "--output", "xml"); !strings.Contains(errOut, "--output 只能是 text、json 之一") {
		t.Errorf("in Chinese:\n%s", errOut)
	}
}
