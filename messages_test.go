//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cloudorder/providers/sandbox"
)

// Messages that show the invisible, through the real binary: a byte order mark is named, a
// documented value with a hidden character says which character and where, in both languages.
func TestValidateNamesWhatTheEyeCannotSee(t *testing.T) {
	src, err := os.ReadFile("testdata/orders/alibaba-oss.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tc := range []struct {
		name, file, en, zh string
	}{
		{"bom", write("bom.json", "\uFEFF"+string(src)), "line 1, column 1: the file starts with a byte order mark (U+FEFF BOM)", "字节顺序标记"},
		{"zero width space", write("zwsp.json", strings.Replace(string(src), `"POSTPAY"`, "\"POST\u200bPAY\"", 1)),
			"only POSTPAY is supported: contains U+200B ZERO WIDTH SPACE at 5", "第 5 个字符是 U+200B ZERO WIDTH SPACE"},
		{"cyrillic", write("cyr.json", strings.Replace(string(src), `"POSTPAY"`, "\"\u0420OSTPAY\"", 1)),
			"contains U+0420 CYRILLIC CAPITAL LETTER ER at 1", "第 1 个字符是 U+0420"},
		{"fullwidth", write("fw.json", strings.Replace(string(src), `"POSTPAY"`, `"ＰＯＳＴＰＡＹ"`, 1)),
			"contains U+FF30 FULLWIDTH LATIN CAPITAL LETTER P at 1", "全角形式的 P"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, en, code := runMain(t, submitEnv(t), "validate", tc.file)
			_, zh, _ := runMain(t, submitEnv(t), "--lang", "zh", "validate", tc.file)
			if code == exitOK || !strings.Contains(en, tc.en) || !strings.Contains(zh, tc.zh) || strings.Contains(en, "'ï'") {
				t.Errorf("exit %d:\n%s\n%s", code, en, zh)
			}
		})
	}
}

// A Huawei credentials file with a line over 64 KiB (a long comment) is read whole: the keys
// after it are found, not reported as missing.
func TestHuaweiCredentialsAfterALongLine(t *testing.T) {
	env := submitEnv(t)
	p := filepath.Join(env["HOME"], ".huaweicloud", "credentials")
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	text := "# " + strings.Repeat("x", 70_000) + "\n[basic]\nak = AKLONGLINE0001\nsk = SKLONGLINESECRET\n"
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, _ := runMain(t, env, "credentials")
	if !strings.Contains(out, "~/.huaweicloud/credentials [basic]") || !strings.Contains(out, "AKLO") ||
		strings.Contains(out+errOut, "SKLONGLINESECRET") {
		t.Fatalf("%s%s", out, errOut)
	}
}

// After kill -9 between writing the intent and hearing an answer, the history holds an intent
// with no outcome. A repeat is refused, and says the earlier attempt was started and never
// recorded — it may not have been sent at all — not that "an identical order was sent".
func TestRepeatAfterKillSaysNeverRecorded(t *testing.T) {
	s := startSandbox(t)
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultHang})
	env := withSandboxKeys(submitEnv(t))
	cmd, _, _ := command(t, env, "submit", "testdata/orders/huawei-dsc.json", "--endpoint", s.URL(), "--yes", "--timeout", "30s")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if data, _ := os.ReadFile(historyFile(env)); strings.Contains(string(data), `"kind":"intent"`) {
			break
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatal("no intent written")
		}
		time.Sleep(5 * time.Millisecond)
	}
	_ = cmd.Process.Kill() // SIGKILL: nothing more is written
	_ = cmd.Wait()
	s.SetFault(sandbox.Fault{})
	for _, lang := range []string{"en", "zh"} {
		_, errOut, code := runMain(t, env, "--lang", lang, "submit", "testdata/orders/huawei-dsc.json", "--endpoint", s.URL(), "--yes")
		want := map[string]string{"en": "was started at", "zh": "开始发送,但结果从未记录"}[lang]
		if code == exitOK || !strings.Contains(errOut, want) || strings.Contains(errOut, "identical order was sent") {
			t.Fatalf("%s: exit %d:\n%s", lang, code, errOut)
		}
	}
	if n := s.Hits(sandbox.DSCOrders); n > 1 {
		t.Fatalf("%d orders reached the sandbox", n)
	}
}

// The pay confirmation shows the PayOrders body inert: a text-direction override or an escape
// sequence in the order id is written as an escape, never sent to the terminal raw.
func TestPayConfirmationIsInert(t *testing.T) {
	env := submitEnv(t)
	id := "CS1\u202e\x1b[31m2\u2028"
	out, errOut, _ := runMain(t, env, "pay", id, "--sandbox", "--region", "cn-north-4")
	all := out + errOut
	if !strings.Contains(all, `PayOrders {"order_id":"CS1\u202e\u001b[31m2`) || strings.ContainsAny(all, "\u202e\x1b\u2028") {
		t.Fatalf("%q", all)
	}
}
