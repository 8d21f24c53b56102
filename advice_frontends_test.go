package main

import (
	"net"
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/providers/sandbox"
)

// One advice table: submit and plain mode print the same headline and hint for a throttled, a
// rejected, an unknown and a not-sent order — the table's words (placement.AdviseError; the
// wizard's screen is held to the same table in ui/flow_test.go).
func TestSameAdviceInSubmitAndPlainMode(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	for name, tc := range map[string]struct {
		fault string // a sandbox fault, or "" for none
		fake  bool   // the person's own (unknown) keys to a look-alike: the sandbox refuses them
		to    string // a fixed endpoint instead of a sandbox
		want  *providers.Error
	}{
		"throttled": {fault: sandbox.FaultThrottle, want: &providers.Error{Kind: providers.Rejected, Code: "Throttling.User"}},
		"rejected":  {fake: true, want: &providers.Error{Kind: providers.Rejected, Code: "InvalidAccessKeyId.NotFound"}},
		"unknown":   {fault: sandbox.FaultHTTP500, want: &providers.Error{Kind: providers.Unknown}},
		"not sent":  {to: closed, want: &providers.Error{Kind: providers.NotSent}},
	} {
		t.Run(name, func(t *testing.T) {
			a := placement.AdviseError(tc.want)
			hint, _, _ := strings.Cut(a.Hint.EN, "%s") // a hint naming the credential: its words up to the name
			endpoint := tc.to
			env := withSandboxKeys(submitEnv(t))
			if endpoint == "" {
				s := startSandbox(t)
				endpoint = lookAlike(t, s) // not probed: signed with the keys in env
				if tc.fault != "" {
					s.SetFault(sandbox.Fault{Kind: tc.fault, API: sandbox.PAIOrders})
				}
			}
			if tc.fake {
				env["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI5tNotAKeyOfTheSandbox"
			}
			_, subErr, _ := runForTest(t, env, "", "submit", "testdata/orders/alibaba-oss.json", "--endpoint", endpoint, "--yes", "--allow-duplicate")
			plainOut, plainErr, _ := runForTest(t, env, string(flows.AlibabaPAI)+"\n"+strings.Repeat("\n", 10)+"yes\n", "--plain", "--endpoint", endpoint, "--lang", "en")
			for who, text := range map[string]string{"submit": subErr, "plain mode": plainOut} {
				flat := strings.Join(strings.Fields(text), " ")
				if !strings.Contains(flat, a.Headline.EN) || !strings.Contains(flat, strings.TrimSpace(hint)) {
					t.Errorf("%s does not say the table's %q / %q:\n%s%s", who, a.Headline.EN, hint, text, plainErr)
				}
			}
		})
	}
}
