package sandbox

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// The sandbox account's OAuth sign-in, as `aliyun configure --mode OAuth` leaves it in an aliyun
// CLI profile: a refresh token (oauth_refresh_token) the sign-in service exchanges for access
// tokens, and the aliyun CLI's public OAuth client ids for the CN and INTL sites (the ones
// credentials-go sends, credentials/providers/cli_profile.go). Not secrets: the sandbox only
// accepts these.
const (
	AlibabaOAuthRefreshToken = "SandboxOAuthRefreshToken0000000000"
	alibabaOAuthClientCN     = "4038181954557748008"
	alibabaOAuthClientINTL   = "4103531455503354461"
	alibabaOAuthTokenLife    = time.Hour
)

// oauthToken is an access or refresh token the sign-in service issued.
type oauthToken struct {
	refresh bool
	expires time.Time
}

// oauthEmulation is the OAuth sign-in service's token refresh and its access-token-for-key
// exchange, answered by oauth.
var oauthEmulation = emulation{name: "alibaba/oauth", routes: []route{
	{method: http.MethodPost, path: "/v1/token", serve: func(s *Server, w http.ResponseWriter, r *http.Request, _ map[string]string) { s.oauthRefresh(w, r) }},
	{method: http.MethodPost, path: "/v1/exchange", serve: func(s *Server, w http.ResponseWriter, r *http.Request, _ map[string]string) { s.oauthExchange(w, r) }},
}}

// oauthRefresh answers POST /v1/token with grant_type=refresh_token (RFC 6749 section 6): a
// form with the refresh token and the client id; the answer is a new access token and a new
// refresh token (the old one is used up), as RFC 6749 section 5.1 words them. Refusals are
// RFC 6749 section 5.2's error and error_description.
func (s *Server) oauthRefresh(w http.ResponseWriter, r *http.Request) {
	fail := func(status int, code, desc string) {
		writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	form, perr := url.ParseQuery(string(raw))
	if err != nil || perr != nil || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		fail(http.StatusBadRequest, "invalid_request", "The body must be an application/x-www-form-urlencoded form.")
		return
	}
	if c := form.Get("client_id"); c != alibabaOAuthClientCN && c != alibabaOAuthClientINTL {
		fail(http.StatusUnauthorized, "invalid_client", "Unknown client_id.")
		return
	}
	if form.Get("grant_type") != "refresh_token" {
		fail(http.StatusBadRequest, "unsupported_grant_type", "Only grant_type=refresh_token is supported here.")
		return
	}
	rt := form.Get("refresh_token")
	c := &s.creds
	c.mu.Lock()
	defer c.mu.Unlock()
	c.init()
	t, issued := c.oauth[rt]
	switch {
	case rt == AlibabaOAuthRefreshToken && !c.oauthUsed(rt):
	case issued && t.refresh && s.now().Before(t.expires):
		delete(c.oauth, rt)
	default:
		fail(http.StatusBadRequest, "invalid_grant", "The refresh token is invalid, expired or already used: sign in again.")
		return
	}
	c.oauth["used:"+rt] = oauthToken{}
	access, refresh := "SandboxOAuthAccess"+randomHex(16), "SandboxOAuthRefresh"+randomHex(16)
	c.oauth[access] = oauthToken{expires: s.now().Add(alibabaOAuthTokenLife)}
	c.oauth[refresh] = oauthToken{refresh: true, expires: s.now().Add(30 * 24 * time.Hour)}
	writeJSON(w, http.StatusOK, map[string]any{"access_token": access, "refresh_token": refresh,
		"expires_in": int64(alibabaOAuthTokenLife / time.Second), "token_type": "Bearer"})
}

// oauthUsed reports whether a refresh token was already exchanged (c.mu held).
func (c *credentialState) oauthUsed(rt string) bool {
	_, ok := c.oauth["used:"+rt]
	return ok
}

// oauthExchange answers POST /v1/exchange: an access token (Bearer) the sign-in service issued
// is exchanged for a temporary key of the signed-in user, in the camel-case fields credentials-go
// reads (accessKeyId, accessKeySecret, securityToken, expiration, requestId;
// credentials/providers/oauth.go). The sandbox then accepts the key on orders with its token.
func (s *Server) oauthExchange(w http.ResponseWriter, r *http.Request) {
	reqID := strings.ToUpper(newRequestID())
	access, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	s.creds.mu.Lock()
	s.creds.init()
	t, issued := s.creds.oauth[access]
	s.creds.mu.Unlock()
	if !ok || !issued || t.refresh || !s.now().Before(t.expires) {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_token", "error_description": "The access token is invalid or expired.", "requestId": reqID})
		return
	}
	id, k := s.issueAlibaba("acs:ram::" + AlibabaAccountID + ":assumed-role/AliyunOAuthUser/oauth-user")
	writeJSON(w, http.StatusOK, map[string]string{"accessKeyId": id, "accessKeySecret": k.secret, "securityToken": k.token,
		"expiration": k.expires.UTC().Format("2006-01-02T15:04:05Z"), "requestId": reqID})
}
