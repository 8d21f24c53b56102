package sandbox

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The sandbox account's credential services, as published for the credential modes: a RAM
// user key that may only assume roles (an order signed with it is refused, as RAM refuses a
// user without AIWorkSpace permissions), the role it may assume, the OIDC provider for
// AssumeRoleWithOIDC and the ECS instance's RAM role. Not secrets: the sandbox only accepts
// these.
const (
	AlibabaAccountID        = "1234567890123456"
	AlibabaRoleBaseKeyID    = "LTAI5tSandboxRoleBase00"
	AlibabaRoleBaseSecret   = "SandboxRoleBaseSecret00000000000"
	AlibabaRoleArn          = "acs:ram::" + AlibabaAccountID + ":role/order-placer"
	AlibabaOIDCProviderArn  = "acs:ram::" + AlibabaAccountID + ":oidc-provider/ci-oidc"
	AlibabaECSRoleName      = "jump-host-role"
	alibabaTemporaryKeyLife = time.Hour
)

// temporaryKey is a key the sandbox's STS or metadata service issued.
type temporaryKey struct {
	secret, token string
	expires       time.Time
	arn           string // acs:ram::…:assumed-role/ROLE/SESSION
	used          int    // orders and calls signed with it
}

// credentialState is what the credential services issued, per Server.
type credentialState struct {
	mu        sync.Mutex
	keys      map[string]*temporaryKey // Alibaba, by AccessKeyId
	imdsToken map[string]time.Time     // ECS metadata IMDSv2 tokens
	huawei    map[string]*temporaryKey // Huawei, by AK (federation.go)
	oauth     map[string]oauthToken    // OAuth access and refresh tokens (oauth.go)
}

func (c *credentialState) init() {
	if c.keys == nil {
		c.keys, c.imdsToken, c.huawei = map[string]*temporaryKey{}, map[string]time.Time{}, map[string]*temporaryKey{}
		c.oauth = map[string]oauthToken{}
	}
}

// IssuedKey is a temporary key as tests see it (never the secret).
type IssuedKey struct {
	AccessKeyID string
	Arn         string
	Used        int
}

// IssuedAlibabaKeys lists the temporary Alibaba keys the sandbox issued and how often each signed
// a request.
func (s *Server) IssuedAlibabaKeys() []IssuedKey {
	c := &s.creds
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []IssuedKey
	for id, k := range c.keys {
		out = append(out, IssuedKey{AccessKeyID: id, Arn: k.arn, Used: k.used})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].AccessKeyID < out[j].AccessKeyID })
	return out
}

// issueAlibaba makes a temporary key for arn.
func (s *Server) issueAlibaba(arn string) (id string, k *temporaryKey) {
	c := &s.creds
	c.mu.Lock()
	defer c.mu.Unlock()
	c.init()
	id = "STS.NSandbox" + randomHex(8)
	k = &temporaryKey{secret: "Sandbox" + randomHex(14), token: "CAISandboxSecurityToken" + randomHex(24),
		expires: s.now().Add(alibabaTemporaryKeyLife), arn: arn}
	c.keys[id] = k
	return id, k
}

// alibabaSecret is the secret of the key that signed an order or an STS call. An order must be
// signed with the sandbox's published key or a temporary key (with its security token); the
// role base key may only call STS.
func (s *Server) alibabaSecret(ak, token string, forSTS bool) (string, *apiError) {
	switch ak {
	case AlibabaAccessKeyID:
		return AlibabaAccessKeySecret, nil
	case AlibabaRoleBaseKeyID:
		if forSTS {
			return AlibabaRoleBaseSecret, nil
		}
		return "", &apiError{http.StatusForbidden, "Forbidden.RAM",
			"User not authorized to operate on the specified resource, or this API doesn't support RAM: the key " + AlibabaRoleBaseKeyID +
				" may only assume roles; sign with the temporary key STS AssumeRole issued."}
	}
	c := &s.creds
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.keys[ak]
	if !ok {
		return "", &apiError{http.StatusNotFound, "InvalidAccessKeyId.NotFound", "Specified access key is not found."}
	}
	switch {
	case token == "":
		return "", &apiError{http.StatusBadRequest, "InvalidSecurityToken.Missing", "The security token is missing: a temporary key must send its SecurityToken."}
	case token != k.token:
		return "", &apiError{http.StatusBadRequest, "InvalidSecurityToken.Mismatch", "Specified SecurityToken is not matched with the AccessKeyId."}
	case !s.now().Before(k.expires):
		return "", &apiError{http.StatusBadRequest, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired."}
	}
	k.used++
	return k.secret, nil
}

// stsEmulation is STS 2015-04-01's AssumeRole, AssumeRoleWithOIDC and GetCallerIdentity, RPC
// operations on "/" (GET or POST), answered by sts.
var stsEmulation = emulation{name: "alibaba/sts", routes: stsRoutes("AssumeRole", "AssumeRoleWithOIDC", "GetCallerIdentity")}

func stsRoutes(actions ...string) []route {
	var out []route
	for _, a := range actions {
		for _, m := range []string{http.MethodGet, http.MethodPost} {
			out = append(out, route{method: m, path: "/", action: a,
				serve: func(s *Server, w http.ResponseWriter, r *http.Request, _ map[string]string) { s.sts(w, r) }})
		}
	}
	return out
}

// sts answers STS 2015-04-01 RPC calls, signed as RPC requests are (HMAC-SHA1 over the
// sorted, percent-encoded parameters of the query and the form body;
// https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism). AssumeRoleWithOIDC
// is not signed: the OIDC token is the proof.
func (s *Server) sts(w http.ResponseWriter, r *http.Request) {
	reqID := strings.ToUpper(newRequestID())
	fail := func(e apiError) { writeAlibabaError(w, r, reqID, "Sts", e) }
	if r.Method != http.MethodPost && r.Method != http.MethodGet {
		fail(apiError{http.StatusMethodNotAllowed, "UnsupportedHTTPMethod", "This http method is not supported."})
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil {
		fail(apiError{http.StatusBadRequest, "InvalidParameter", "The request body could not be read."})
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		fail(apiError{http.StatusBadRequest, "InvalidParameter", "The request body is not form-encoded."})
		return
	}
	params := r.URL.Query()
	for k, vs := range form {
		params[k] = vs
	}
	if v := params.Get("Version"); v != "2015-04-01" {
		fail(apiError{http.StatusBadRequest, "InvalidVersion", "Specified parameter Version is not valid: must be 2015-04-01, got " + quoteOrMissing(v) + "."})
		return
	}
	action := params.Get("Action")
	var caller *temporaryKey
	callerID := params.Get("AccessKeyId")
	if action != "AssumeRoleWithOIDC" {
		if e := s.checkRPCSignature(r.Method, params); e != nil {
			fail(*e)
			return
		}
		s.creds.mu.Lock()
		caller = s.creds.keys[callerID]
		s.creds.mu.Unlock()
	}
	switch action {
	case "GetCallerIdentity":
		out := map[string]string{"RequestId": reqID, "AccountId": AlibabaAccountID}
		switch {
		case caller != nil:
			out["Arn"], out["IdentityType"] = caller.arn, "AssumedRoleUser"
			out["PrincipalId"] = strings.TrimPrefix(caller.arn, "acs:ram::"+AlibabaAccountID+":assumed-role/")
		case callerID == AlibabaRoleBaseKeyID:
			out["Arn"], out["IdentityType"], out["UserId"] = "acs:ram::"+AlibabaAccountID+":user/deployer", "RAMUser", "200000000000000001"
		default:
			out["Arn"], out["IdentityType"], out["UserId"] = "acs:ram::"+AlibabaAccountID+":root", "Account", AlibabaAccountID
		}
		writeJSON(w, http.StatusOK, out)
		return
	case "AssumeRoleWithOIDC":
		if params.Get("OIDCProviderArn") != AlibabaOIDCProviderArn {
			fail(apiError{http.StatusNotFound, "EntityNotExist.OIDCProvider", "The specified OIDC provider does not exist: " + quoteOrMissing(params.Get("OIDCProviderArn")) + "."})
			return
		}
		if tok := params.Get("OIDCToken"); strings.Count(tok, ".") != 2 {
			fail(apiError{http.StatusBadRequest, "AuthenticationFail.OIDCToken.Invalid", "The OIDC token is not a JWT (header.payload.signature)."})
			return
		}
	}
	role := params.Get("RoleArn")
	if role != AlibabaRoleArn {
		fail(apiError{http.StatusNotFound, "EntityNotExist.Role", "The specified Role not exists: " + quoteOrMissing(role) + "."})
		return
	}
	session := params.Get("RoleSessionName")
	if session == "" {
		fail(apiError{http.StatusBadRequest, "MissingRoleSessionName", "RoleSessionName is mandatory for this action."})
		return
	}
	if d := params.Get("DurationSeconds"); d != "" {
		if n, err := strconv.Atoi(d); err != nil || n < 900 || n > 3600 {
			fail(apiError{http.StatusBadRequest, "InvalidParameter.DurationSeconds", "The parameter DurationSeconds must be between 900 and 3600, got " + quoteOrMissing(d) + "."})
			return
		}
	}
	arn := "acs:ram::" + AlibabaAccountID + ":assumed-role/order-placer/" + session
	id, k := s.issueAlibaba(arn)
	writeJSON(w, http.StatusOK, map[string]any{
		"RequestId":       reqID,
		"AssumedRoleUser": map[string]string{"Arn": arn, "AssumedRoleId": "300000000000000001:" + session},
		"Credentials": map[string]string{"AccessKeyId": id, "AccessKeySecret": k.secret, "SecurityToken": k.token,
			"Expiration": k.expires.UTC().Format("2006-01-02T15:04:05Z")},
	})
}

// checkRPCSignature verifies an RPC request's Signature with the signing key's secret: the
// role base key, the sandbox's key, or a temporary key with its SecurityToken (a chained role).
func (s *Server) checkRPCSignature(method string, params url.Values) *apiError {
	if params.Get("SignatureMethod") != "HMAC-SHA1" || params.Get("SignatureVersion") != "1.0" {
		return &apiError{http.StatusBadRequest, "InvalidParameter.SignatureMethod", "SignatureMethod must be HMAC-SHA1 and SignatureVersion 1.0."}
	}
	ts, err := time.Parse("2006-01-02T15:04:05Z", params.Get("Timestamp"))
	if err != nil {
		return &apiError{http.StatusBadRequest, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted."}
	}
	if skew := s.now().Sub(ts); skew > maxSkew || skew < -maxSkew {
		return &apiError{http.StatusBadRequest, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."}
	}
	secret, e := s.alibabaSecret(params.Get("AccessKeyId"), params.Get("SecurityToken"), true)
	if e != nil {
		return e
	}
	var keys []string
	for k := range params {
		if k != "Signature" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var pairs []string
	for _, k := range keys {
		pairs = append(pairs, rpcEscape(k)+"="+rpcEscape(params.Get(k)))
	}
	toSign := method + "&%2F&" + rpcEscape(strings.Join(pairs, "&"))
	mac := hmac.New(sha1.New, []byte(secret+"&"))
	mac.Write([]byte(toSign))
	want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(want), []byte(params.Get("Signature"))) {
		return &apiError{http.StatusBadRequest, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation. server string to sign is:" + toSign}
	}
	return nil
}

// rpcEscape is the RPC signature's percent-encoding: RFC 3986 unreserved characters kept,
// everything else %XX (a space is %20, never +).
func rpcEscape(v string) string {
	e := url.QueryEscape(v)
	e = strings.ReplaceAll(e, "+", "%20")
	e = strings.ReplaceAll(e, "*", "%2A")
	return strings.ReplaceAll(e, "%7E", "~")
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
