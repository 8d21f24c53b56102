package transport

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"

	"cloudorder/providers"
)

// Every form a server can echo a secret in is removed from errors and from a successful
// answer's ids and fields alike.
func TestScrubEveryForm(t *testing.T) {
	const token = "STS.Tok+en/with=chars&\"quotes\"0123456789"
	const secret = "SecretKeyValue0123456789abcdef"
	b64 := func(enc *base64.Encoding, prefix string, s string) string {
		return enc.EncodeToString([]byte(prefix + s + "tail"))
	}
	jsonOf := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	forms := map[string]string{
		"raw":               token,
		"query escaped":     "x-acs-security-token=" + url.QueryEscape(token) + "&a=b",
		"path escaped":      "/v1/" + url.PathEscape(token) + "/x",
		"%20 for spaces":    strings.ReplaceAll(url.QueryEscape(token), "+", "%20"),
		"json escaped":      `{"token":` + jsonOf(token) + `}`,
		"json in json":      jsonOf(`{"token":` + jsonOf(token) + `}`),
		"base64 std":        base64.StdEncoding.EncodeToString([]byte(token)),
		"base64 raw url":    base64.RawURLEncoding.EncodeToString([]byte(token)),
		"base64 inside, +0": b64(base64.StdEncoding, "Authorization: ", token),
		"base64 inside, +1": b64(base64.StdEncoding, "a:", token),
		"base64 inside, +2": b64(base64.URLEncoding, "ab:", token),
		"secret base64":     b64(base64.StdEncoding, "k", secret),
		"secret query":      url.QueryEscape(secret),
	}
	for name, text := range forms {
		for what, out := range map[string]string{
			"error":      Scrub(errors.New("server said: "+text), token, secret).Error(),
			"Error":      Scrub(&providers.Error{Kind: providers.Rejected, Message: text, Code: text, RequestID: text}, token, secret).(*providers.Error).Message,
			"order id":   ScrubResult(providers.Result{OrderID: text}, token, secret).OrderID,
			"request id": ScrubResult(providers.Result{RequestID: text}, token, secret).RequestID,
			"response":   ScrubResult(providers.Result{Response: map[string]any{"Data": []any{map[string]any{"Id": text}}}}, token, secret).Response["Data"].([]any)[0].(map[string]any)["Id"].(string),
		} {
			if !strings.Contains(out, "****") || strings.Contains(out, "0123456789") && !strings.HasPrefix(name, "base64") {
				t.Errorf("%s in %s: %q", name, what, out)
			}
			for _, f := range secretForms(token) {
				if strings.Contains(out, f) {
					t.Errorf("%s in %s: still holds %q: %q", name, what, f, out)
				}
			}
		}
	}
	// Short values and ordinary text are left alone.
	if got := ScrubText("order CS123 placed", "CS123"); got != "order CS123 placed" {
		t.Errorf("%q", got)
	}
}
