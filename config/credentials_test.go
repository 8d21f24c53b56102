package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Every aliyun CLI mode is planned, in any letter case, with what its provider needs, and
// without any network call (the plan only reads the file).
func TestAlibabaPlanEveryModeCaseInsensitive(t *testing.T) {
	future := time.Now().Add(time.Hour).Unix()
	profiles := map[string]string{
		"AK":                  `"mode":"ak","access_key_id":"LTAIak00","access_key_secret":"s"`,
		"StsToken":            `"mode":"ststoken","access_key_id":"STS.tok0","access_key_secret":"s","sts_token":"t"`,
		"RamRoleArn":          `"mode":"RAMROLEARN","access_key_id":"LTAIbase","access_key_secret":"s","ram_role_arn":"acs:ram::1:role/r","ram_session_name":"n"`,
		"ChainableRamRoleArn": `"mode":"chainableramrolearn","source_profile":"AK","ram_role_arn":"acs:ram::1:role/r"`,
		"EcsRamRole":          `"mode":"ecsramrole","ram_role_name":"jump"`,
		"OIDC":                `"mode":"oidc","oidc_provider_arn":"acs:ram::1:oidc-provider/p","oidc_token_file":"/t","ram_role_arn":"acs:ram::1:role/r"`,
		"CloudSSO": `"mode":"cloudsso","cloud_sso_sign_in_url":"https://signin","cloud_sso_account_id":"1","cloud_sso_access_config":"ac",` +
			`"access_key_id":"STS.sso0","access_key_secret":"s","sts_token":"t","sts_expiration":` + fmt.Sprint(future),
		"OAuth":    `"mode":"OAUTH","oauth_site_type":"CN","oauth_refresh_token":"r"`,
		"External": `"mode":"external","process_command":"vault-helper aliyun"`,
	}
	var list []string
	for name, fields := range profiles {
		list = append(list, `{"name":"`+name+`","region_id":"cn-hangzhou",`+fields+`}`)
	}
	home := t.TempDir()
	write(t, filepath.Join(home, ".aliyun", "config.json"), `{"current":"AK","profiles":[`+strings.Join(list, ",")+`]}`)
	for name := range profiles {
		p, err := AlibabaCredentialPlan(envOf(map[string]string{"HOME": home}), name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if p.Mode != name || p.Region != "cn-hangzhou" || p.Source != "~/.aliyun/config.json profile "+name {
			t.Errorf("%s: mode %q region %q source %q", name, p.Mode, p.Region, p.Source)
		}
		static := name == "AK" || name == "StsToken" || name == "CloudSSO" // CloudSSO: its cached STS key is still good
		if p.Network() == static {
			t.Errorf("%s: Network() = %v", name, p.Network())
		}
		if strings.Contains(fmt.Sprintf("%v %+v", p, p), `"s"`) || strings.Contains(fmt.Sprintf("%+v", p.Key), "secret:s") {
			t.Errorf("%s: a secret in %+v", name, p)
		}
	}
	p, _ := AlibabaCredentialPlan(envOf(map[string]string{"HOME": home}), "ChainableRamRoleArn")
	if p.Base == nil || p.Base.Mode != ModeAK || p.MaskedKey() != "LTAI****" {
		t.Errorf("chain base %+v, key %q", p.Base, p.MaskedKey())
	}
}

// ALIBABA_CLOUD_PROFILE and its two other spellings pick the CLI profile; ALIBABA_CLOUD_CONFIG_FILE
// moves the file; an unknown mode and a source_profile loop are errors that name the profile.
func TestAlibabaPlanProfileVariablesAndFile(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "aliyun.json")
	write(t, cfg, `{"current":"a","profiles":[{"name":"a","mode":"AK","access_key_id":"LTAIaaaa","access_key_secret":"x"},
		{"name":"b","mode":"AK","access_key_id":"LTAIbbbb","access_key_secret":"y","region_id":"cn-beijing"},
		{"name":"loop1","mode":"ChainableRamRoleArn","source_profile":"loop2","ram_role_arn":"r"},
		{"name":"loop2","mode":"ChainableRamRoleArn","source_profile":"loop1","ram_role_arn":"r"},
		{"name":"odd","mode":"Magic"}]}`)
	for _, v := range []string{"ALIBABA_CLOUD_PROFILE", "ALIBABACLOUD_PROFILE", "ALICLOUD_PROFILE"} {
		p, err := AlibabaCredentialPlan(envOf(map[string]string{"HOME": dir, "ALIBABA_CLOUD_CONFIG_FILE": cfg, v: "b"}), "")
		if err != nil || p.Key.AccessKeyID != "LTAIbbbb" || p.Region != "cn-beijing" || !strings.Contains(p.Source, "("+v+")") || !strings.Contains(p.Source, "ALIBABA_CLOUD_CONFIG_FILE") {
			t.Errorf("%s: %+v %v", v, p, err)
		}
	}
	if p, err := AlibabaCredentialPlan(envOf(map[string]string{"HOME": dir, "ALIBABA_CLOUD_CONFIG_FILE": cfg}), ""); err != nil || p.Key.AccessKeyID != "LTAIaaaa" {
		t.Errorf("current: %+v %v", p, err)
	}
	if _, err := AlibabaCredentialPlan(envOf(map[string]string{"HOME": dir, "ALIBABA_CLOUD_CONFIG_FILE": cfg}), "loop1"); err == nil || !strings.Contains(err.Error(), "leads back to itself") {
		t.Errorf("loop: %v", err)
	}
	if _, err := AlibabaCredentialPlan(envOf(map[string]string{"HOME": dir, "ALIBABA_CLOUD_CONFIG_FILE": cfg}), "odd"); err == nil || !strings.Contains(err.Error(), `mode "Magic" is not an aliyun CLI mode`) {
		t.Errorf("odd mode: %v", err)
	}
}

// The environment's OIDC role, the ~/.alibabacloud/credentials INI file, ALIBABA_CLOUD_ECS_METADATA
// and ALIBABA_CLOUD_CREDENTIALS_URI are found in credentials-go's order, and each place looked
// at before is listed.
func TestAlibabaPlanOtherSources(t *testing.T) {
	home := t.TempDir()
	p, err := AlibabaCredentialPlan(envOf(map[string]string{"HOME": home, "ALIBABA_CLOUD_ROLE_ARN": "acs:ram::1:role/ci",
		"ALIBABA_CLOUD_OIDC_PROVIDER_ARN": "acs:ram::1:oidc-provider/gh", "ALIBABA_CLOUD_OIDC_TOKEN_FILE": "/var/run/token"}), "")
	if err != nil || p.Mode != ModeOIDC || p.Profile.OIDCTokenFile != "/var/run/token" || len(p.Looked) != 1 {
		t.Errorf("oidc env: %+v %v", p, err)
	}
	write(t, filepath.Join(home, ".alibabacloud", "credentials"), "[default]\ntype = ram_role_arn\naccess_key_id = LTAIini0\naccess_key_secret = s\nrole_arn = acs:ram::1:role/ini\nrole_session_name = x\n")
	p, err = AlibabaCredentialPlan(envOf(map[string]string{"HOME": home}), "")
	if err != nil || p.Mode != ModeRamRoleArn || p.Source != "~/.alibabacloud/credentials [default]" || p.Profile.RamRoleArn != "acs:ram::1:role/ini" || len(p.Looked) != 3 {
		t.Errorf("ini: %+v %v", p, err)
	}
	home = t.TempDir()
	p, err = AlibabaCredentialPlan(envOf(map[string]string{"HOME": home, "ALIBABA_CLOUD_ECS_METADATA": "jump"}), "")
	if err != nil || p.Mode != ModeEcsRamRole || p.Profile.RamRoleName != "jump" {
		t.Errorf("ecs: %+v %v", p, err)
	}
	p, err = AlibabaCredentialPlan(envOf(map[string]string{"HOME": home, "ALIBABA_CLOUD_CREDENTIALS_URI": "http://127.0.0.1:9/creds"}), "")
	if err != nil || p.Mode != ModeCredentialsURI || p.URI != "http://127.0.0.1:9/creds" || len(p.Looked) != 5 {
		t.Errorf("uri: %+v %v", p, err)
	}
}

// Huawei: the environment's federation, the file's [global] section when there is no [basic],
// and the file's federation settings, as the SDK's providers read them.
func TestHuaweiPlanGlobalAndFederation(t *testing.T) {
	home := t.TempDir()
	p, err := HuaweiCredentialPlan(envOf(map[string]string{"HOME": home, "HUAWEICLOUD_SDK_IDP_ID": "idp1", "HUAWEICLOUD_SDK_ID_TOKEN_FILE": "/t",
		"HUAWEICLOUD_SDK_PROJECT_ID": "p"}), "")
	if err != nil || p.Mode != HuaweiModeFederation || p.IdpID != "idp1" || p.MaskedKey() != "" || !p.Network() || p.Key.ProjectID != "p" {
		t.Errorf("env federation: %+v %v", p, err)
	}
	write(t, filepath.Join(home, ".huaweicloud", "credentials"), "[global]\nak = GLOBALAK\nsk = g\ndomain_id = d1\n")
	p, err = HuaweiCredentialPlan(envOf(map[string]string{"HOME": home}), "")
	if err != nil || p.Mode != HuaweiModeAKSK || p.Source != "~/.huaweicloud/credentials [global]" || p.Key.DomainID != "d1" || len(p.Looked) != 2 {
		t.Errorf("global: %+v %v", p, err)
	}
	write(t, filepath.Join(home, ".huaweicloud", "credentials"), "[basic]\nidp_id = idp2\nid_token_file = /tok\niam_endpoint = https://iam.example\nak = IGNORED\nsk = x\n")
	p, err = HuaweiCredentialPlan(envOf(map[string]string{"HOME": home}), "")
	if err != nil || p.Mode != HuaweiModeFederation || p.IdpID != "idp2" || p.IAMEndpoint != "https://iam.example" || p.Key.AK != "" {
		t.Errorf("file federation: %+v %v", p, err)
	}
}

// The ECS agency (the chain's last provider) is planned only when CLOUDORDER_HUAWEI_ECS_AGENCY
// is true, after the environment and the file, and never for --profile; otherwise "missing"
// names the variable among the places looked at.
func TestHuaweiPlanECSAgencyOnlyWhenTurnedOn(t *testing.T) {
	home := t.TempDir()
	_, err := HuaweiCredentialPlan(envOf(map[string]string{"HOME": home}), "")
	var miss *MissingError
	if !errors.As(err, &miss) || !strings.Contains(strings.Join(miss.Looked, "\n"), HuaweiMetadataEnv+" (unset") {
		t.Fatalf("off: %v", err)
	}
	_, err = HuaweiCredentialPlan(envOf(map[string]string{"HOME": home, HuaweiMetadataEnv: "yes"}), "")
	if !errors.As(err, &miss) || !strings.Contains(strings.Join(miss.Looked, "\n"), HuaweiMetadataEnv+`="yes" (not true or false`) {
		t.Fatalf("yes: %v", err)
	}
	on := map[string]string{"HOME": home, HuaweiMetadataEnv: "true", "HUAWEICLOUD_SDK_PROJECT_ID": "p"}
	p, err := HuaweiCredentialPlan(envOf(on), "")
	if err != nil || p.Mode != HuaweiModeMetadata || !p.Network() || p.MaskedKey() != "" || p.Key.ProjectID != "p" {
		t.Fatalf("on: %+v %v", p, err)
	}
	write(t, filepath.Join(home, ".huaweicloud", "credentials"), "[basic]\nak = FILEAK00\nsk = s\n")
	if p, err := HuaweiCredentialPlan(envOf(on), ""); err != nil || p.Mode != HuaweiModeAKSK {
		t.Errorf("the file comes before the agency: %+v %v", p, err)
	}
	if _, err := HuaweiCredentialPlan(envOf(on), "prod"); !errors.As(err, &miss) {
		t.Errorf("--profile prod used the agency: %v", err)
	}
}

// ProfileNames lists both files' profiles for completion, without secrets.
func TestProfileNames(t *testing.T) {
	home := t.TempDir()
	write(t, filepath.Join(home, ".aliyun", "config.json"), `{"profiles":[{"name":"prod","access_key_secret":"s3cret"},{"name":"dev"}]}`)
	write(t, filepath.Join(home, ".huaweicloud", "credentials"), "[basic]\nak=a\nsk=s3cret\n[prod]\nak=b\n")
	got := strings.Join(ProfileNames(envOf(map[string]string{"HOME": home})), ",")
	if got != "basic,dev,prod" {
		t.Errorf("names %q", got)
	}
}
