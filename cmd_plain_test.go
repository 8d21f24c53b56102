package main

import (
	"strings"
	"testing"

	"cloudorder/flows"
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
		!strings.Contains(out.String(), `error: no API is named "p"`) || !strings.Contains(out.String(), "error: the API cannot be left out") {
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
