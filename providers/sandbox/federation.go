package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"
)

// The sandbox account's identity provider for Huawei IAM federation (published, not secret).
const HuaweiIdpID = "corporate-idp"

// federationEmulation is IAM's federation token exchange paths, answered by federation.
var federationEmulation = emulation{name: "huawei/iam-federation", routes: []route{
	{method: http.MethodPost, path: "/v3.0/OS-AUTH/id-token/tokens", serve: serveFederation},
	{method: http.MethodPost, path: "/v3.0/OS-CREDENTIAL/securitytokens", serve: serveFederation},
}}

func serveFederation(s *Server, w http.ResponseWriter, r *http.Request, _ map[string]string) {
	s.federation(w, r)
}

// federation answers Huawei IAM's federation token exchange as the SDK's federal accessor
// calls it (core/auth/internal/federal_accessor.go): an OpenID Connect ID token for an IdP
// gives an unscoped token (POST /v3.0/OS-AUTH/id-token/tokens, X-Idp-Id, answered in
// X-Subject-Token), which gives a temporary AK/SK with a security token (POST
// /v3.0/OS-CREDENTIAL/securitytokens). Orders then must carry that token (huawei.go).
func (s *Server) federation(w http.ResponseWriter, r *http.Request) {
	reqID := newRequestID()
	w.Header().Set("X-Request-Id", reqID)
	w.Header().Set("X-IAM-Trace-Id", reqID)
	fail := func(status int, msg string) {
		writeJSON(w, status, map[string]any{"error": map[string]any{"code": status, "message": msg, "title": http.StatusText(status)}})
	}
	if r.Method != http.MethodPost {
		fail(http.StatusMethodNotAllowed, "The method is not allowed for the requested URL.")
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	switch r.URL.Path {
	case "/v3.0/OS-AUTH/id-token/tokens":
		if idp := r.Header.Get("X-Idp-Id"); idp != HuaweiIdpID {
			fail(http.StatusNotFound, "The identity provider "+quoteOrMissing(idp)+" could not be found.")
			return
		}
		var in struct {
			Auth struct {
				IDToken struct {
					ID string `json:"id"`
				} `json:"id_token"`
			} `json:"auth"`
		}
		if json.Unmarshal(body, &in) != nil || strings.Count(in.Auth.IDToken.ID, ".") != 2 {
			fail(http.StatusBadRequest, "The request body must be {\"auth\":{\"id_token\":{\"id\":\"<JWT>\"}}} with an ID token (header.payload.signature).")
			return
		}
		tok := "MIIFederatedSandbox" + randomHex(16)
		exp := s.now().Add(time.Hour)
		s.creds.mu.Lock()
		s.creds.init()
		s.creds.huawei["subject:"+tok] = &temporaryKey{expires: exp}
		s.creds.mu.Unlock()
		w.Header().Set("X-Subject-Token", tok)
		writeJSON(w, http.StatusCreated, map[string]any{"token": map[string]any{"expires_at": exp.UTC().Format("2006-01-02T15:04:05.000000Z"),
			"methods": []string{"mapped"}, "issued_at": s.now().UTC().Format("2006-01-02T15:04:05.000000Z")}})
	case "/v3.0/OS-CREDENTIAL/securitytokens":
		var in struct {
			Auth struct {
				Identity struct {
					Methods []string `json:"methods"`
					Token   struct {
						ID string `json:"id"`
					} `json:"token"`
				} `json:"identity"`
			} `json:"auth"`
		}
		_ = json.Unmarshal(body, &in)
		tok := r.Header.Get("X-Auth-Token")
		if tok == "" {
			tok = in.Auth.Identity.Token.ID
		}
		s.creds.mu.Lock()
		sub, ok := s.creds.huawei["subject:"+tok]
		s.creds.mu.Unlock()
		if !ok || !s.now().Before(sub.expires) {
			fail(http.StatusUnauthorized, "The request you have made requires authentication: the token is not valid.")
			return
		}
		ak := "HST" + strings.ToUpper(randomHex(8))
		k := &temporaryKey{secret: "SandboxFederated" + randomHex(12), token: "gQpjbi1ub3J0aC00Sandbox" + randomHex(24),
			expires: s.now().Add(15 * time.Minute), arn: "federated-user@" + HuaweiIdpID}
		s.creds.mu.Lock()
		s.creds.huawei[ak] = k
		s.creds.mu.Unlock()
		writeJSON(w, http.StatusCreated, map[string]any{"credential": map[string]string{"access": ak, "secret": k.secret,
			"securitytoken": k.token, "expires_at": k.expires.UTC().Format("2006-01-02T15:04:05.000000Z")}})
	default:
		fail(http.StatusNotFound, "The resource could not be found.")
	}
}

// huaweiSecret is the SK of the key that signed a Huawei request: the sandbox's published AK,
// or a temporary AK the federation issued, with its X-Security-Token.
func (s *Server) huaweiSecret(ak, token string) (string, bool) {
	if ak == HuaweiAK {
		return HuaweiSK, true
	}
	s.creds.mu.Lock()
	defer s.creds.mu.Unlock()
	k, ok := s.creds.huawei[ak]
	if !ok || k.secret == "" || token != k.token || !s.now().Before(k.expires) {
		return "", false
	}
	k.used++
	return k.secret, true
}

// IssuedHuaweiKeys lists the temporary Huawei keys the federation issued and how often each
// signed a request.
func (s *Server) IssuedHuaweiKeys() []IssuedKey {
	s.creds.mu.Lock()
	defer s.creds.mu.Unlock()
	var out []IssuedKey
	for id, k := range s.creds.huawei {
		if !strings.HasPrefix(id, "subject:") {
			out = append(out, IssuedKey{AccessKeyID: id, Arn: k.arn, Used: k.used})
		}
	}
	return out
}
