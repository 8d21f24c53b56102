package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// The sandbox's CloudSSO directory, as an aliyun CLI CloudSSO profile names it after
// `aliyun configure --mode CloudSSO`: the user portal's sign-in host, the access configuration
// the user may use in AlibabaAccountID, and the portal access token the device sign-in left in
// the profile. Not secrets: the sandbox only accepts these.
const (
	AlibabaCloudSSOSignInHost    = "signin-cn-shanghai.alibabacloudsso.com"
	AlibabaCloudSSOSignInURL     = "https://" + AlibabaCloudSSOSignInHost + "/d-sandbox/login"
	AlibabaCloudSSOAccessConfig  = "ac-sandboxorders0000"
	AlibabaCloudSSOAccessToken   = "SandboxSSOAccessToken000000000000000"
	alibabaCloudSSOAccessCfgName = "OrderPlacer"
)

// cloudSSOEmulation is the CloudSSO user portal's cloud-credentials call, answered by cloudSSO.
var cloudSSOEmulation = emulation{name: "alibaba/cloudsso", routes: []route{{method: http.MethodPost, path: "/cloud-credentials",
	serve: func(s *Server, w http.ResponseWriter, r *http.Request, _ map[string]string) { s.cloudSSO(w, r) }}}}

// cloudSSO answers the CloudSSO user portal's POST /cloud-credentials as credentials-go's
// CloudSSO provider calls it (github.com/aliyun/credentials-go credentials/providers/cloud_sso.go):
// a JSON body {AccountId, AccessConfigurationId}, the portal access token as a Bearer token, and
// an answer {"CloudCredential": {AccessKeyId, AccessKeySecret, SecurityToken, Expiration},
// "RequestId"}. The key is a temporary key of the access configuration's role in the account,
// which the sandbox then accepts on orders with its security token. The portal's error body is
// not published: refusals use Alibaba Cloud's common error fields (RequestId, Code, Message).
func (s *Server) cloudSSO(w http.ResponseWriter, r *http.Request) {
	reqID := strings.ToUpper(newRequestID())
	fail := func(status int, code, msg string) {
		writeJSON(w, status, map[string]string{"RequestId": reqID, "Code": code, "Message": msg})
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		fail(http.StatusBadRequest, "InvalidParameter.ContentType", "The request body must be JSON (Content-Type: application/json).")
		return
	}
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || token != AlibabaCloudSSOAccessToken {
		fail(http.StatusUnauthorized, "InvalidAccessToken", "The access token is invalid or expired; sign in to the user portal again.")
		return
	}
	var body struct {
		AccountId, AccessConfigurationId string
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil || json.Unmarshal(raw, &body) != nil {
		fail(http.StatusBadRequest, "InvalidParameter", "The request body is not a JSON object.")
		return
	}
	switch {
	case body.AccountId == "" || body.AccessConfigurationId == "":
		fail(http.StatusBadRequest, "MissingParameter", "AccountId and AccessConfigurationId are required.")
		return
	case body.AccountId != AlibabaAccountID:
		fail(http.StatusForbidden, "NoPermission.Account", "The user has no access to account "+body.AccountId+".")
		return
	case body.AccessConfigurationId != AlibabaCloudSSOAccessConfig:
		fail(http.StatusForbidden, "NoPermission.AccessConfiguration", "The user has no access configuration "+body.AccessConfigurationId+" in account "+body.AccountId+".")
		return
	}
	id, k := s.issueAlibaba("acs:ram::" + AlibabaAccountID + ":assumed-role/AliyunReservedSSO_" + alibabaCloudSSOAccessCfgName + "/sso-user")
	writeJSON(w, http.StatusOK, map[string]any{"RequestId": reqID, "CloudCredential": map[string]string{
		"AccessKeyId": id, "AccessKeySecret": k.secret, "SecurityToken": k.token,
		"Expiration": k.expires.UTC().Format("2006-01-02T15:04:05Z")}})
}
