package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cloudorder/providers/sandbox"
)

func writeTestFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

// `credentials` names source, mode, masked key and default region for each aliyun CLI mode
// (the profile picked by ALIBABA_CLOUD_PROFILE), with no network call and no secret printed.
func TestCredentialsCommandEveryAlibabaMode(t *testing.T) {
	home := t.TempDir()
	profiles := []string{
		`{"name":"ak","mode":"AK","access_key_id":"LTAIakak0000","access_key_secret":"s3cr3t-ak"}`,
		`{"name":"sts","mode":"StsToken","access_key_id":"STS.tok00000","access_key_secret":"s3cr3t-sts","sts_token":"s3cr3t-token"}`,
		`{"name":"role","mode":"ramrolearn","access_key_id":"LTAIbase0000","access_key_secret":"s3cr3t-role","ram_role_arn":"acs:ram::1:role/r","region_id":"cn-shanghai"}`,
		`{"name":"chain","mode":"ChainableRamRoleArn","source_profile":"ak","ram_role_arn":"acs:ram::1:role/r"}`,
		`{"name":"ecs","mode":"EcsRamRole","ram_role_name":"jump"}`,
		`{"name":"oidc","mode":"OIDC","oidc_provider_arn":"p","oidc_token_file":"/t","ram_role_arn":"r"}`,
		`{"name":"sso","mode":"CloudSSO","cloud_sso_sign_in_url":"https://signin.example","cloud_sso_account_id":"1","cloud_sso_access_config":"ac","access_token":"s3cr3t-sso","cloud_sso_access_token_expire":99999999999}`,
		`{"name":"oauth","mode":"OAuth","oauth_site_type":"CN","oauth_refresh_token":"s3cr3t-refresh"}`,
		`{"name":"ext","mode":"External","process_command":"vault-helper"}`,
	}
	writeTestFile(t, filepath.Join(home, ".aliyun", "config.json"), `{"current":"ak","profiles":[`+strings.Join(profiles, ",")+`]}`)
	want := map[string]string{"ak": "AK", "sts": "StsToken", "role": "RamRoleArn", "chain": "ChainableRamRoleArn", "ecs": "EcsRamRole",
		"oidc": "OIDC", "sso": "CloudSSO", "oauth": "OAuth", "ext": "External"}
	for name, mode := range want {
		out, errOut, code := runForTest(t, map[string]string{"HOME": home, "ALIBABA_CLOUD_PROFILE": name, "HUAWEICLOUD_SDK_AK": "HWAK0000", "HUAWEICLOUD_SDK_SK": "s3cr3t-hw"},
			"", "credentials", "--output", "json")
		if code != 0 {
			t.Errorf("%s: exit %d: %s", name, code, errOut)
			continue
		}
		if strings.Contains(out, "s3cr3t") {
			t.Errorf("%s: a secret in %s", name, out)
		}
		var r struct{ Clouds []credentialReport }
		if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Clouds) != 2 {
			t.Fatalf("%s: %v %s", name, err, out)
		}
		a := r.Clouds[0]
		if a.Mode != mode || a.Source != "~/.aliyun/config.json profile "+name+" (ALIBABA_CLOUD_PROFILE)" || a.Network == (mode == "AK" || mode == "StsToken") {
			t.Errorf("%s: %+v", name, a)
		}
	}
	out, _, _ := runForTest(t, map[string]string{"HOME": home, "ALIBABA_CLOUD_PROFILE": "role"}, "", "credentials")
	for _, w := range []string{"mode:      RamRoleArn (resolved when an order needs it", "key:       LTAI********", "region:    cn-shanghai"} {
		if !strings.Contains(out, w) {
			t.Errorf("text lacks %q:\n%s", w, out)
		}
	}
}

// Huawei's [global] section and federation (environment and file) are reported as the SDK's
// chain finds them; a missing credential lists every place looked at, in Chinese too.
func TestCredentialsCommandHuawei(t *testing.T) {
	home := t.TempDir()
	writeTestFile(t, filepath.Join(home, ".huaweicloud", "credentials"), "[global]\nak = GLOBAL00\nsk = s3cr3t-g\ndomain_id = d1\n")
	out, _, _ := runForTest(t, map[string]string{"HOME": home}, "", "credentials")
	if !strings.Contains(out, "source:    ~/.huaweicloud/credentials [global]") || !strings.Contains(out, "GLOB****") || strings.Contains(out, "s3cr3t") {
		t.Errorf("global:\n%s", out)
	}
	out, _, _ = runForTest(t, map[string]string{"HOME": home, "HUAWEICLOUD_SDK_IDP_ID": "idp1", "HUAWEICLOUD_SDK_ID_TOKEN_FILE": "/tok"}, "", "credentials")
	if !strings.Contains(out, "source:    env HUAWEICLOUD_SDK_IDP_ID + HUAWEICLOUD_SDK_ID_TOKEN_FILE") || !strings.Contains(out, "IdP federation (resolved when") {
		t.Errorf("federation:\n%s", out)
	}
	out, _, code := runForTest(t, map[string]string{"HOME": t.TempDir()}, "", "credentials", "--lang", "zh")
	if code != exitInvalid || !strings.Contains(out, "华为云\n  缺少凭证") || !strings.Contains(out, "已查找:") || strings.Contains(out, "looked at") {
		t.Errorf("missing, zh (exit %d):\n%s", code, out)
	}
}

// --check resolves an EcsRamRole credential from the sandbox's metadata service and asks the
// sandbox's STS who it is, and exchanges a Huawei IdP token with the sandbox's IAM: all named
// by the variables `cloudorder sandbox` prints, and nothing leaves loopback.
func TestCredentialsCheckAgainstTheSandbox(t *testing.T) {
	s := startSandbox(t)
	token := filepath.Join(t.TempDir(), "id-token")
	writeTestFile(t, token, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln")
	env := map[string]string{"HOME": t.TempDir(), "ALIBABA_CLOUD_ECS_METADATA": sandbox.AlibabaECSRoleName, "CLOUDORDER_CREDENTIAL_SERVICES": s.URL(),
		"HUAWEICLOUD_SDK_IDP_ID": sandbox.HuaweiIdpID, "HUAWEICLOUD_SDK_ID_TOKEN_FILE": token, "HUAWEICLOUD_SDK_IAM_ENDPOINT": s.URL()}
	out, errOut, code := runForTest(t, env, "", "credentials", "--check")
	wantArn := fmt.Sprintf("acs:ram::%s:assumed-role/%s/ecs-instance", sandbox.AlibabaAccountID, sandbox.AlibabaECSRoleName)
	if code != 0 || !strings.Contains(out, "resolved: temporary key STS.****") || !strings.Contains(out, "caller: "+wantArn+" (AssumedRoleUser") ||
		!strings.Contains(out, "resolved: temporary key HST") || len(s.IssuedHuaweiKeys()) != 1 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	env["ALIBABA_CLOUD_ECS_METADATA"] = "not-this-role"
	out, _, code = runForTest(t, env, "", "credentials", "--check", "--output", "json")
	if code == 0 || !strings.Contains(out, `"ok":false`) || !strings.Contains(out, "404") {
		t.Errorf("wrong role: exit %d %s", code, out)
	}
	env["CLOUDORDER_CREDENTIAL_SERVICES"] = "https://sts.aliyuncs.com"
	out, _, code = runForTest(t, env, "", "credentials", "--check")
	if code == 0 || !strings.Contains(out, "must be the loopback sandbox") {
		t.Errorf("a non-loopback services address: exit %d %s", code, out)
	}
}

// The Huawei ECS agency, turned on by CLOUDORDER_HUAWEI_ECS_AGENCY: `credentials` names it
// without asking anything; --check gets the agency's temporary key from the sandbox's metadata
// service (named by CLOUDORDER_CREDENTIAL_SERVICES).
func TestCredentialsHuaweiECSAgency(t *testing.T) {
	s := startSandbox(t)
	env := map[string]string{"HOME": t.TempDir(), "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIakak0000", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "s3cr3t",
		"CLOUDORDER_HUAWEI_ECS_AGENCY": "true"}
	out, _, code := runForTest(t, env, "", "credentials")
	if code != 0 || !strings.Contains(out, "mode:      ECS agency") || len(s.IssuedHuaweiKeys()) != 0 {
		t.Fatalf("plan: exit %d\n%s", code, out)
	}
	env["CLOUDORDER_CREDENTIAL_SERVICES"] = s.URL()
	out, errOut, code := runForTest(t, env, "", "credentials", "--check", "--output", "json")
	keys := s.IssuedHuaweiKeys()
	if len(keys) != 1 || !strings.Contains(out, `"masked_key":"`+keys[0].AccessKeyID[:4]+`****`) || strings.Contains(out, "s3cr3t") {
		t.Fatalf("check: exit %d, issued %+v\n%s\n%s", code, keys, out, errOut)
	}
}
