package sandbox

import (
	"net/url"
	"testing"
)

// The OAuth sign-in service refreshes a refresh token once (a used one is refused), refuses an
// unknown client, and exchanges only an access token it issued for a temporary key the
// sandbox knows. No answer names the tool.
func TestOAuthRefreshesOnceAndExchangesOnlyItsAccessTokens(t *testing.T) {
	s := startSandbox(t, Options{})
	post := func(path, ctype, auth, body string) (int, map[string]any) {
		return postBearer(t, s, path, ctype, auth, body)
	}
	form := func(client, rt string) string {
		return url.Values{"grant_type": {"refresh_token"}, "client_id": {client}, "refresh_token": {rt}}.Encode()
	}
	const formType = "application/x-www-form-urlencoded"
	if st, out := post("/v1/token", formType, "", form("1", AlibabaOAuthRefreshToken)); st != 401 || out["error"] != "invalid_client" {
		t.Errorf("unknown client: %d %v", st, out)
	}
	if st, out := post("/v1/exchange", "application/json", AlibabaOAuthRefreshToken, ""); st != 401 || out["error"] != "invalid_token" {
		t.Errorf("a refresh token as access token: %d %v", st, out)
	}
	st, out := post("/v1/token", formType, "", form(alibabaOAuthClientCN, AlibabaOAuthRefreshToken))
	access, _ := out["access_token"].(string)
	if st != 200 || access == "" || out["refresh_token"] == AlibabaOAuthRefreshToken || out["token_type"] != "Bearer" {
		t.Fatalf("refresh: %d %v", st, out)
	}
	if st, out := post("/v1/token", formType, "", form(alibabaOAuthClientCN, AlibabaOAuthRefreshToken)); st != 400 || out["error"] != "invalid_grant" {
		t.Errorf("a used refresh token: %d %v", st, out)
	}
	if len(s.IssuedAlibabaKeys()) != 0 {
		t.Fatal("a key was issued before an exchange")
	}
	st, out = post("/v1/exchange", "application/json", access, "")
	keys := s.IssuedAlibabaKeys()
	if st != 200 || len(keys) != 1 || out["accessKeyId"] != keys[0].AccessKeyID || out["securityToken"] == "" || out["expiration"] == "" {
		t.Fatalf("exchange: %d %v, issued %+v", st, out, keys)
	}
}
