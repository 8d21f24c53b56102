package providers

import "testing"

// Every kind has its own exit code and a machine word, and the codes and words scripts rely on
// do not move; a kind this version does not know exits and reads as Unknown.
func TestKindExitCodesAndWords(t *testing.T) {
	exits := map[int]Kind{}
	for _, k := range []Kind{0, Invalid, Rejected, Unknown, NotSent} {
		if other, dup := exits[k.Exit()]; dup {
			t.Errorf("kinds %d and %d share exit %d", k, other, k.Exit())
		}
		exits[k.Exit()] = k
		if k != Invalid && KindOfWord(k.Word()) != k {
			t.Errorf("kind %d: word %q reads back as %d", k, k.Word(), KindOfWord(k.Word()))
		}
	}
	want := map[Kind][2]any{0: {0, "ok"}, Invalid: {1, "not_sent"}, Rejected: {3, "rejected"}, Unknown: {4, "unknown"},
		NotSent: {5, "not_sent"}, Kind(99): {4, "unknown"}}
	for k, w := range want {
		if k.Exit() != w[0] || k.Word() != w[1] {
			t.Errorf("kind %d: exit %d word %q, want %v", k, k.Exit(), k.Word(), w)
		}
	}
	if KindOfWord("pending") != Unknown {
		t.Error("a pending record must read as Unknown")
	}
}

// Throttling is one rule: what the cache retries is what the wizard calls "slow down".
func TestThrottledIsOneRule(t *testing.T) {
	for _, tc := range []struct {
		e    Error
		want bool
	}{
		{Error{Kind: Rejected, HTTPStatus: 429, Code: "DSC.42900001"}, true},
		{Error{Kind: Rejected, HTTPStatus: 400, Code: "TooManyRequests"}, true},
		{Error{Kind: Rejected, HTTPStatus: 400, Code: "Throttling.User"}, true},
		{Error{Kind: Rejected, HTTPStatus: 403, Code: "APIGW.0308"}, true},
		{Error{Kind: Rejected, HTTPStatus: 400, Code: "InvalidParameter"}, false},
		{Error{Kind: Unknown, HTTPStatus: 503, Code: "ServiceUnavailable.Throttling"}, false},
	} {
		e := tc.e
		if got := Throttled(&e); got != tc.want {
			t.Errorf("%+v: throttled %v, want %v", tc.e, got, tc.want)
		}
		if e.Kind == Rejected && Retryable(&e) != tc.want {
			t.Errorf("%+v: retryable %v, want %v", tc.e, Retryable(&e), tc.want)
		}
	}
}
