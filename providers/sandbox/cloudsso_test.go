package sandbox

import (
	"testing"
)

// The CloudSSO portal's cloud-credentials call refuses a missing or wrong access token, another
// account and a body that is not JSON, each with its code and nothing issued; the right call
// gets a temporary key that the sandbox knows. No answer names the tool.
func TestCloudSSOIssuesOnlyForTheSignedInUsersAccessConfiguration(t *testing.T) {
	s := startSandbox(t, Options{})
	call := func(token, ctype, body string) (int, map[string]any) {
		return postBearer(t, s, "/cloud-credentials", ctype, token, body)
	}
	good := `{"AccountId":"` + AlibabaAccountID + `","AccessConfigurationId":"` + AlibabaCloudSSOAccessConfig + `"}`
	for _, c := range []struct {
		token, ctype, body, code string
		status                   int
	}{
		{"", "application/json", good, "InvalidAccessToken", 401},
		{"SomeoneElsesToken", "application/json", good, "InvalidAccessToken", 401},
		{AlibabaCloudSSOAccessToken, "text/plain", good, "InvalidParameter.ContentType", 400},
		{AlibabaCloudSSOAccessToken, "application/json", `[1]`, "InvalidParameter", 400},
		{AlibabaCloudSSOAccessToken, "application/json", `{"AccountId":"1"}`, "MissingParameter", 400},
		{AlibabaCloudSSOAccessToken, "application/json", `{"AccountId":"1","AccessConfigurationId":"` + AlibabaCloudSSOAccessConfig + `"}`, "NoPermission.Account", 403},
	} {
		status, out := call(c.token, c.ctype, c.body)
		if status != c.status || out["Code"] != c.code || out["RequestId"] == "" {
			t.Errorf("%+v: %d %v", c, status, out)
		}
	}
	if len(s.IssuedAlibabaKeys()) != 0 {
		t.Fatal("a refused call issued a key")
	}
	status, out := call(AlibabaCloudSSOAccessToken, "application/json", good)
	cred, _ := out["CloudCredential"].(map[string]any)
	keys := s.IssuedAlibabaKeys()
	if status != 200 || cred == nil || len(keys) != 1 || cred["AccessKeyId"] != keys[0].AccessKeyID || cred["SecurityToken"] == "" || cred["Expiration"] == "" {
		t.Fatalf("%d %v, issued %+v", status, out, keys)
	}
}
