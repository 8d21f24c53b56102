package config

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strconv"

	"gopkg.in/ini.v1"

	"cloudorder/i18n"
)

// The Huawei Cloud credential modes cloudorder names.
const (
	HuaweiModeAKSK       = "AK/SK"
	HuaweiModeTemporary  = "temporary AK/SK" // with a security token
	HuaweiModeFederation = "IdP federation"  // idp_id + id_token_file, exchanged with IAM
	HuaweiModeMetadata   = "ECS agency"      // the instance's agency keys from the metadata service
)

// HuaweiMetadataEnv turns on the Huawei SDK chain's last provider, the ECS instance's agency
// keys from the metadata service. The SDK asks the service whenever nothing else is set; off
// an ECS instance that waits for an address that never answers, and "no credential" could not
// be said before an order, so cloudorder asks it only when this is true (as credentials-go
// asks Alibaba's only when ALIBABA_CLOUD_ECS_METADATA names a role).
const HuaweiMetadataEnv = "CLOUDORDER_HUAWEI_ECS_AGENCY"

// HuaweiPlan is which Huawei credential orders would be signed with, found without any
// network call. Federation and the ECS agency are resolved later (providers/huawei.Chain).
type HuaweiPlan struct {
	Source string // e.g. "env HUAWEICLOUD_SDK_AK", "~/.huaweicloud/credentials [global]"
	Mode   string // one of the HuaweiMode constants
	// Key is the AK/SK (and security token), with the default project and domain ids; for
	// federation only ProjectID and DomainID are set.
	Key HuaweiCredential
	// IdpID, IDTokenFile and IAMEndpoint are the federation's settings.
	IdpID, IDTokenFile, IAMEndpoint string
	Looked                          []i18n.Text
}

// Network reports whether resolving the plan asks IAM.
func (p HuaweiPlan) Network() bool {
	return p.Mode == HuaweiModeFederation || p.Mode == HuaweiModeMetadata
}

// MaskedKey is the AK masked, "" for federation and the ECS agency (the key exists only once
// resolved).
func (p HuaweiPlan) MaskedKey() string {
	if p.Key.AK == "" {
		return ""
	}
	return p.Key.MaskedKey()
}

// huaweiAttrs are the settings huaweicloud-sdk-go-v3 reads from the environment and the
// credentials file (core/auth/provider: env_provider.go, profile_provider.go), and fills in
// its way: an IdP id with a token file wins over an AK/SK (credential_provider.go
// fillCommonAttrs). The SDK's providers read the process environment and the file by path
// with no bound; cloudorder passes its environment in (--profile, tests) and reads the file
// through its bounded reader, then builds the SDK's credentials from these.
type huaweiAttrs struct{ ak, sk, token, project, domain, idp, tokenFile, iam string }

func (a huaweiAttrs) plan(source string) (HuaweiPlan, bool) {
	p := HuaweiPlan{Source: source, Key: HuaweiCredential{ProjectID: a.project, DomainID: a.domain, Source: source}}
	switch {
	case a.idp != "" && a.tokenFile != "":
		p.Mode, p.IdpID, p.IDTokenFile, p.IAMEndpoint = HuaweiModeFederation, a.idp, a.tokenFile, a.iam
	case a.ak != "" && a.sk != "":
		p.Mode = HuaweiModeAKSK
		p.Key.AK, p.Key.SK, p.Key.SecurityToken = a.ak, NewSecret(a.sk), NewSecret(a.token)
		if a.token != "" {
			p.Mode = HuaweiModeTemporary
		}
	default:
		return p, false
	}
	p.Key.Mode = p.Mode
	return p, true
}

// HuaweiCredentialPlan finds the Huawei credential the way the SDK's provider chain does
// (core/auth/provider/provider_chain.go), provider by provider, without contacting anything:
// the environment, then the credentials file's [basic] section and its [global] one (the
// same account's keys, which the SDK gives global services such as IAM and BSS), then — only
// when HuaweiMetadataEnv is true — the ECS agency's keys from the instance metadata service.
// profile (--profile) picks the file's [profile] section instead of all of these.
func HuaweiCredentialPlan(getenv func(string) string, profile string) (HuaweiPlan, error) {
	miss := &MissingError{Cloud: "Huawei Cloud", Set: []string{"HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK"},
		Todo: i18n.T("set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK", "请设置 HUAWEICLOUD_SDK_AK 与 HUAWEICLOUD_SDK_SK")}
	found := func(p HuaweiPlan) (HuaweiPlan, error) {
		if p.Key.ProjectID == "" {
			p.Key.ProjectID = getenv("HUAWEICLOUD_SDK_PROJECT_ID")
		}
		if p.Key.DomainID == "" {
			p.Key.DomainID = getenv("HUAWEICLOUD_SDK_DOMAIN_ID")
		}
		p.Looked = miss.LookedText
		return p, nil
	}
	sections := []string{"basic", "global"}
	if profile == "" {
		env := huaweiAttrs{ak: getenv("HUAWEICLOUD_SDK_AK"), sk: getenv("HUAWEICLOUD_SDK_SK"), token: getenv("HUAWEICLOUD_SDK_SECURITY_TOKEN"),
			project: getenv("HUAWEICLOUD_SDK_PROJECT_ID"), domain: getenv("HUAWEICLOUD_SDK_DOMAIN_ID"),
			idp: getenv("HUAWEICLOUD_SDK_IDP_ID"), tokenFile: getenv("HUAWEICLOUD_SDK_ID_TOKEN_FILE"), iam: getenv("HUAWEICLOUD_SDK_IAM_ENDPOINT")}
		source := "env HUAWEICLOUD_SDK_AK"
		if env.idp != "" && env.tokenFile != "" {
			source = "env HUAWEICLOUD_SDK_IDP_ID + HUAWEICLOUD_SDK_ID_TOKEN_FILE"
		}
		if p, ok := env.plan(source); ok {
			return found(p)
		}
		switch {
		case (env.ak != "") != (env.sk != ""):
			miss.look(i18n.T("env HUAWEICLOUD_SDK_AK/_SK (only one is set: both must be)",
				"环境变量 HUAWEICLOUD_SDK_AK/_SK(只设置了其中一个:两者都必须设置)"))
			miss.Todo = i18n.T("set both HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK", "请同时设置 HUAWEICLOUD_SDK_AK 与 HUAWEICLOUD_SDK_SK")
			return HuaweiPlan{}, miss
		case (env.idp != "") != (env.tokenFile != ""):
			miss.look(i18n.T("env HUAWEICLOUD_SDK_IDP_ID/_ID_TOKEN_FILE (only one is set: both must be)",
				"环境变量 HUAWEICLOUD_SDK_IDP_ID/_ID_TOKEN_FILE(只设置了其中一个:两者都必须设置)"))
			miss.Todo = i18n.T("set both HUAWEICLOUD_SDK_IDP_ID and HUAWEICLOUD_SDK_ID_TOKEN_FILE",
				"请同时设置 HUAWEICLOUD_SDK_IDP_ID 与 HUAWEICLOUD_SDK_ID_TOKEN_FILE")
			return HuaweiPlan{}, miss
		}
		miss.look(i18n.T("env HUAWEICLOUD_SDK_AK/_SK and HUAWEICLOUD_SDK_IDP_ID/_ID_TOKEN_FILE (unset)",
			"环境变量 HUAWEICLOUD_SDK_AK/_SK 与 HUAWEICLOUD_SDK_IDP_ID/_ID_TOKEN_FILE(未设置)"))
	} else {
		sections = []string{profile}
		miss.Set = []string{"ak and sk in section [" + profile + "] of the Huawei Cloud credentials file"}
		miss.Todo = i18n.Tf("set ak and sk in section [%s] of the Huawei Cloud credentials file", "请在华为云凭证文件的 [%s] 段中设置 ak 与 sk", profile)
	}
	path, shown := getenv("HUAWEICLOUD_SDK_CREDENTIALS_FILE"), ""
	if path != "" {
		shown = path + " (HUAWEICLOUD_SDK_CREDENTIALS_FILE)"
	} else {
		path, shown = filepath.Join(home(getenv), ".huaweicloud", "credentials"), "~/.huaweicloud/credentials"
	}
	// metadata is the chain's last provider, when it is turned on and no --profile was named.
	metadata := func() (HuaweiPlan, error) {
		if profile != "" {
			return HuaweiPlan{}, miss
		}
		v := getenv(HuaweiMetadataEnv)
		on, perr := strconv.ParseBool(v)
		switch {
		case on:
			return found(HuaweiPlan{Source: "instance metadata service (" + HuaweiMetadataEnv + ")", Mode: HuaweiModeMetadata,
				Key: HuaweiCredential{Source: "instance metadata service", Mode: HuaweiModeMetadata}})
		case v != "" && perr != nil: // "yes", "on": set, but not a value it takes
			miss.look(i18n.Tf("env %s=%q (not true or false: the ECS agency's keys are asked for only when it is true)",
				"环境变量 %s=%q(既不是 true 也不是 false:只有其为 true 时才向实例元数据服务获取 ECS 委托的密钥)", HuaweiMetadataEnv, v))
			return HuaweiPlan{}, miss
		}
		miss.look(i18n.T("env "+HuaweiMetadataEnv+" (unset: the ECS agency's keys are asked for only when it is true)",
			"环境变量 "+HuaweiMetadataEnv+"(未设置:只有其为 true 时才向实例元数据服务获取 ECS 委托的密钥)"))
		return HuaweiPlan{}, miss
	}
	data, err := ReadPersonFile(path, CredentialsFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		miss.look(i18n.T(shown+" (no such file)", shown+"(文件不存在)"))
		return metadata()
	case err != nil:
		return HuaweiPlan{}, fileError(i18n.T("read the Huawei Cloud credentials file", "读取华为云凭证文件"), shown, err)
	}
	f, err := ini.Load(data)
	if err != nil {
		return HuaweiPlan{}, fileError(i18n.T("read the Huawei Cloud credentials file", "读取华为云凭证文件"), shown, err)
	}
	for _, name := range sections {
		sec, err := f.GetSection(name)
		if err != nil {
			miss.look(i18n.Tf("%s (no [%s] section)", "%s(没有 [%s] 段)", shown, name))
			continue
		}
		k := func(key string) string { return sec.Key(key).String() }
		a := huaweiAttrs{ak: k("ak"), sk: k("sk"), token: k("security_token"), project: k("project_id"), domain: k("domain_id"),
			idp: k("idp_id"), tokenFile: k("id_token_file"), iam: k("iam_endpoint")}
		if p, ok := a.plan(shown + " [" + name + "]"); ok {
			return found(p)
		}
		miss.look(i18n.Tf("%s [%s] (no ak/sk, no idp_id/id_token_file)", "%s [%s](缺少 ak/sk,也没有 idp_id/id_token_file)", shown, name))
	}
	return metadata()
}

// Huawei resolves a Huawei AK/SK the way huaweicloud-sdk-go-v3 finds it (HuaweiCredentialPlan);
// federation is resolved by providers/huawei.Chain and here answers an error saying so.
func Huawei(getenv func(string) string) (HuaweiCredential, error) { return HuaweiProfile(getenv, "") }

// HuaweiProfile is Huawei with --profile ("" = the usual order).
func HuaweiProfile(getenv func(string) string, profile string) (HuaweiCredential, error) {
	p, err := HuaweiCredentialPlan(getenv, profile)
	if err != nil {
		return HuaweiCredential{}, err
	}
	if p.Network() {
		return HuaweiCredential{}, i18n.Errorf("%s: %s is resolved when an order is sent", "%s:%s 在发送订单时才解析", p.Source, p.Mode)
	}
	return p.Key, nil
}
