package main

import (
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/providers/sandbox"
)

func TestPlainSwitches(t *testing.T) {
	cases := []struct {
		flag bool
		env  map[string]string
		want bool
	}{
		{false, map[string]string{}, false},
		{true, map[string]string{}, true},
		{false, map[string]string{"TERM": "dumb"}, true},
		{false, map[string]string{"TERM": "xterm-256color"}, false},
		{false, map[string]string{"ACCESSIBLE": "1"}, true},
		{false, map[string]string{"ACCESSIBLE": "0"}, true}, // huh: any non-empty value
		{false, map[string]string{"CLOUDORDER_ACCESSIBLE": "1"}, true},
		{false, map[string]string{"CLOUDORDER_ACCESSIBLE": "enabled"}, true},
		{false, map[string]string{"CLOUDORDER_ACCESSIBLE": "false"}, false}, // gh's truthy rule
		{false, map[string]string{"CLOUDORDER_ACCESSIBLE": "NO"}, false},
		{false, map[string]string{"CLOUDORDER_ACCESSIBLE": "0"}, false},
	}
	for _, tc := range cases {
		if got := plainWanted(tc.flag, func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("flag %v env %v: %v, want %v", tc.flag, tc.env, got, tc.want)
		}
	}
}

// The plain wizard needs no terminal: a piped transcript places the order, and one that ends
// before the confirmation places nothing and exits 130.
func TestPlainWizardFromATranscript(t *testing.T) {
	defaults := string(flows.AlibabaPAI) + "\n" + strings.Repeat("\n", 10) // PAI, by its id, then every documented default
	env := submitEnv(t)
	out, errOut, code := runForTest(t, env, defaults+"yes\n", "--sandbox", "--plain", "--lang", "en")
	if code != exitOK || !strings.Contains(out, "order_id: ") || !strings.Contains(out, "request_id: ") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	env["TERM"] = "dumb"
	out, _, code = runForTest(t, env, defaults, "--sandbox")
	if code != exitCanceled || strings.Contains(out, "order_id: ") || !strings.Contains(out, "cancelled — nothing was sent") {
		t.Fatalf("end of input: exit %d\n%s", code, out)
	}
	out, _, code = runForTest(t, submitEnv(t), defaults+"no\n", "--sandbox", "--plain")
	if code != exitOK || !strings.Contains(out, "Not placed.") {
		t.Fatalf("no: exit %d\n%s", code, out)
	}
}

// Through the binary: at plain mode's API question, a word that names no API, or "-", is
// refused and asked again (it used to panic); with --from the file names its API, which is
// said and not asked, so the first line typed answers the next question.
func TestPlainAPIQuestionRefusesUnknownWordsAndFromSkipsIt(t *testing.T) {
	cmd, out, errOut := command(t, submitEnv(t), "--sandbox", "--plain", "--lang", "en")
	cmd.Stdin = strings.NewReader("p\n-\n")
	code := exitCode(t, cmd.Run())
	if code != exitCanceled || strings.Contains(errOut.String(), "panic") ||
		!strings.Contains(out.String(), `error: API: no API is named "p"`) || !strings.Contains(out.String(), "error: API: the API cannot be left out") {
		t.Fatalf("exit %d (want %d):\n%s%s", code, exitCanceled, out, errOut)
	}

	cmd, out, errOut = command(t, submitEnv(t), "--sandbox", "--plain", "--lang", "en", "--from", "testdata/orders/alibaba-oss.json")
	cmd.Stdin = strings.NewReader("p\n")
	code = exitCode(t, cmd.Run())
	if code != exitCanceled || strings.Contains(errOut.String(), "panic") ||
		!strings.Contains(out.String(), "API = Alibaba Cloud PAI — CreateProductOrders ("+string(flows.AlibabaPAI)+")") ||
		strings.Contains(out.String(), "API (default:") || !strings.Contains(out.String(), "Region (default:") {
		t.Fatalf("--from: exit %d (want %d):\n%s%s", code, exitCanceled, out, errOut)
	}
}

// Through the binary: plain mode with --from and --expect-digest places the reviewed order,
// and refuses another — the file changed since the review — with nothing sent and exit 1, as
// submit --expect-digest does, in either language.
func TestPlainExpectDigestPlacesOnlyTheReviewedOrder(t *testing.T) {
	dir := t.TempDir()
	file := writeOrder(t, dir, "oss.json", "testdata/orders/alibaba-oss.json", func(map[string]any) {})
	env := submitEnv(t)
	reviewed := reviewJSON(t, env, file, "--sandbox").Digest

	// The file changed since the review. Enter keeps each answer the file has; as many as
	// there are questions reach the review, which refuses at once (fewer end the input: 130).
	writeOrder(t, dir, "oss.json", "testdata/orders/alibaba-oss.json", func(o map[string]any) { body(o)["AutoPay"] = false })
	questions := 0
	for l, lang := range []struct{ lang, said string }{{"en", "not sent: this order's digest is"}, {"zh", "未发送:此订单的摘要值为"}} {
		for n := questions; n < 40; n++ {
			out, errOut, code := runForTest(t, env, strings.Repeat("\n", n)+"yes\n", "--sandbox", "--plain", "--lang", lang.lang, "--from", file, "--expect-digest", reviewed)
			if code == exitCanceled && l == 0 {
				continue
			}
			if code != exitInvalid || !strings.Contains(out, lang.said) || !strings.Contains(out, reviewed) || strings.Contains(out, "order_id: ") {
				t.Fatalf("%s: changed file, %d answers: exit %d (want %d)\n%s%s", lang.lang, n, code, exitInvalid, out, errOut)
			}
			questions = n
			break
		}
	}
	if ids := historyIDs(t, env); len(ids) != 0 || questions == 0 {
		t.Fatalf("changed file: %d history entries, want none (%d questions)", len(ids), questions)
	}

	writeOrder(t, dir, "oss.json", "testdata/orders/alibaba-oss.json", func(map[string]any) {})
	out, errOut, code := runForTest(t, env, strings.Repeat("\n", questions)+"yes\n", "--sandbox", "--plain", "--lang", "en", "--from", file, "--expect-digest", reviewed)
	if code != exitOK || !strings.Contains(out, "the reviewed order (--expect-digest)") || !strings.Contains(out, "order_id: ") {
		t.Fatalf("reviewed file: exit %d\n%s%s", code, out, errOut)
	}
	if ids := historyIDs(t, env); len(ids) != 1 {
		t.Fatalf("reviewed file: %d history entries, want 1", len(ids))
	}

	if _, errOut, code := runForTest(t, env, "", "--sandbox", "--plain", "--expect-digest", reviewed); code != exitUsage || !strings.Contains(errOut, "--from") {
		t.Errorf("--expect-digest without --from: exit %d %q", code, errOut)
	}
}

// Plain mode with yes typed twice (a transcript, a held key, an impatient person) buys once:
// after an identical order succeeded, and after one whose outcome is unknown, the second yes
// meets "place it AGAIN?", which only the word again answers. The sandbox's own order book is
// counted.
func TestPlainYesTwiceBuysOnce(t *testing.T) {
	defaults := string(flows.AlibabaPAI) + "\n" + strings.Repeat("\n", 10) // PAI, by its id, then its defaults
	yesTwice := defaults + "yes\nyes\n"
	for _, unknown := range []bool{false, true} {
		s := startSandbox(t)
		env := withSandboxKeys(submitEnv(t))
		want := 0 // the first session: its outcome is placed, or unknown (http500)
		if unknown {
			s.SetFault(sandbox.Fault{Kind: sandbox.FaultHTTP500, Count: 1})
			want = 4
		}
		out, errOut, code := runForTest(t, env, yesTwice, "--endpoint", s.URL(), "--plain", "--lang", "en")
		if code != want || s.Hits(sandbox.API(flows.AlibabaPAI)) != 1 {
			t.Fatalf("unknown=%v, first session: exit %d (want %d), %d orders\n%s%s", unknown, code, want, s.Hits(sandbox.API(flows.AlibabaPAI)), out, errOut)
		}
		for run := 0; run < 2; run++ {
			out, errOut, code = runForTest(t, env, yesTwice, "--endpoint", s.URL(), "--plain", "--lang", "en")
			if s.Hits(sandbox.API(flows.AlibabaPAI)) != 1 || !strings.Contains(out, "Place it AGAIN? Type again") || !strings.Contains(out, "Not placed.") {
				t.Fatalf("unknown=%v, repeat %d: yes twice sent the order again (exit %d, %d orders)\n%s%s",
					unknown, run, code, s.Hits(sandbox.API(flows.AlibabaPAI)), out, errOut)
			}
		}
	}
}
