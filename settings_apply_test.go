package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	out, errOut, code := runForTest(t, env, strings.Repeat("\n", 11)+"yes\n", "--sandbox", "--plain", "--lang", "en")
	if code != exitOK || !strings.Contains(out, "Region (default: cn-shanghai)") || !strings.Contains(out, "Region: cn-shanghai") {
		t.Fatalf("exit %d: the configured region cn-shanghai is not the default\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}
