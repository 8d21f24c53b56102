package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"gopkg.in/ini.v1"

	"cloudorder/i18n"
)

// The Alibaba Cloud credential modes, spelled as the aliyun CLI spells them
// (aliyun-cli config/profile.go); a profile's mode matches them case-insensitively, as the CLI
// does. CredentialsURI is the environment's ALIBABA_CLOUD_CREDENTIALS_URI.
const (
	ModeAK                  = "AK"
	ModeStsToken            = "StsToken"
	ModeRamRoleArn          = "RamRoleArn"
	ModeChainableRamRoleArn = "ChainableRamRoleArn"
	ModeEcsRamRole          = "EcsRamRole"
	ModeOIDC                = "OIDC"
	ModeCloudSSO            = "CloudSSO"
	ModeOAuth               = "OAuth"
	ModeExternal            = "External"
	ModeCredentialsURI      = "CredentialsURI"
)

var aliyunModes = []string{ModeAK, ModeStsToken, ModeRamRoleArn, ModeChainableRamRoleArn, ModeEcsRamRole,
	ModeOIDC, ModeCloudSSO, ModeOAuth, ModeExternal}

// canonicalMode is mode as the CLI spells it ("" = AK, the CLI's default), ok false when the
// CLI knows no such mode.
func canonicalMode(mode string) (string, bool) {
	if strings.TrimSpace(mode) == "" {
		return ModeAK, true
	}
	for _, m := range aliyunModes {
		if strings.EqualFold(strings.TrimSpace(mode), m) {
			return m, true
		}
	}
	return mode, false
}

// AliyunProfile is one profile of the aliyun CLI's config.json, with the fields the official
// credential providers read (credentials-go credentials/providers/cli_profile.go, same JSON
// names). The providers themselves resolve it (providers/alibaba.Chain); this is only what they
// are given.
type AliyunProfile struct {
	Name                   string `json:"name"`
	Mode                   string `json:"mode"`
	AccessKeyID            string `json:"access_key_id"`
	AccessKeySecret        string `json:"access_key_secret"`
	StsToken               string `json:"sts_token"`
	StsExpiration          int64  `json:"sts_expiration"`
	RegionID               string `json:"region_id"`
	RamRoleArn             string `json:"ram_role_arn"`
	RamSessionName         string `json:"ram_session_name"`
	ExpiredSeconds         int    `json:"expired_seconds"`
	StsRegion              string `json:"sts_region"`
	EnableVpc              bool   `json:"enable_vpc"`
	SourceProfile          string `json:"source_profile"`
	RamRoleName            string `json:"ram_role_name"`
	OIDCTokenFile          string `json:"oidc_token_file"`
	OIDCProviderArn        string `json:"oidc_provider_arn"`
	Policy                 string `json:"policy"`
	ExternalID             string `json:"external_id"`
	CloudSSOSignInURL      string `json:"cloud_sso_sign_in_url"`
	CloudSSOAccountID      string `json:"cloud_sso_account_id"`
	CloudSSOAccessConfig   string `json:"cloud_sso_access_config"`
	AccessToken            string `json:"access_token"`
	CloudSSOAccessExpire   int64  `json:"cloud_sso_access_token_expire"`
	OAuthSiteType          string `json:"oauth_site_type"`
	OAuthRefreshToken      string `json:"oauth_refresh_token"`
	OAuthAccessToken       string `json:"oauth_access_token"`
	OAuthAccessTokenExpire int64  `json:"oauth_access_token_expire"`
	ProcessCommand         string `json:"process_command"`
}

type aliyunConfig struct {
	Current  string          `json:"current"`
	Profiles []AliyunProfile `json:"profiles"`
}

// AlibabaPlan is which Alibaba credential orders would be signed with, found without any
// network call: where it is, its mode, and what the official provider for that mode needs.
// Modes that need STS, the instance metadata service or a sign-in service are resolved later
// (providers/alibaba.Chain), when an order or --check needs the key.
type AlibabaPlan struct {
	Source string // e.g. "env ALIBABA_CLOUD_ACCESS_KEY_ID", "~/.aliyun/config.json profile prod (ALIBABA_CLOUD_PROFILE)"
	Mode   string // one of the Mode constants
	// Key is the long-term or cached key: the credential itself for AK and StsToken, the key
	// that assumes the role for RamRoleArn (ChainableRamRoleArn: Base's). Zero for the others.
	Key    AlibabaCredential
	Region string // the profile's region_id: the wizard's default region, never the order's
	// Profile is the CLI profile (or the fields the environment or the INI file gave) the
	// provider is built from; Base is a ChainableRamRoleArn profile's source_profile.
	Profile AliyunProfile
	Base    *AlibabaPlan
	// ConfigFile is the CLI config the profile came from (OAuth writes refreshed tokens back
	// to it); URI is ALIBABA_CLOUD_CREDENTIALS_URI.
	ConfigFile, URI string
	// Looked lists the places looked at before this one, for `credentials`.
	Looked []i18n.Text
}

// Network reports whether resolving the plan contacts a service (STS, instance metadata, a
// sign-in service, a credentials URI) or runs a command: never done at start-up or for help.
func (p AlibabaPlan) Network() bool {
	switch p.Mode {
	case ModeAK, ModeStsToken:
		return false
	case ModeCloudSSO:
		return p.Key.SecurityToken.IsZero() // a cached STS key that is still good needs no sign-in
	}
	return true
}

// MaskedKey is the key the plan shows: its access key id masked, or "" when the key only
// exists once resolved.
func (p AlibabaPlan) MaskedKey() string {
	if p.Key.AccessKeyID == "" {
		return ""
	}
	return p.Key.MaskedKey()
}

// aliyunProfileEnv are the variables naming the profile, in the order the SDKs read them.
var aliyunProfileEnv = []string{"ALIBABA_CLOUD_PROFILE", "ALIBABACLOUD_PROFILE", "ALICLOUD_PROFILE"}

// AlibabaCredentialPlan finds the Alibaba credential the way credentials-go's default chain
// does (credentials/providers/default.go), without contacting anything: the environment's key,
// the environment's OIDC role, the aliyun CLI profile, the ~/.alibabacloud/credentials
// profile, ALIBABA_CLOUD_ECS_METADATA, ALIBABA_CLOUD_CREDENTIALS_URI. The chain's own last
// resort, asking the instance metadata service for a role when nothing else is set, is left
// out: on a laptop it would wait for an address that never answers. profile (--profile) picks
// a CLI profile, used instead of the environment's key.
func AlibabaCredentialPlan(getenv func(string) string, profile string) (AlibabaPlan, error) {
	miss := &MissingError{Cloud: "Alibaba Cloud", Set: []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"},
		Todo: i18n.T("set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or configure an aliyun CLI profile",
			"请设置 ALIBABA_CLOUD_ACCESS_KEY_ID 与 ALIBABA_CLOUD_ACCESS_KEY_SECRET,或配置 aliyun CLI 的配置文件(profile)")}
	found := func(p AlibabaPlan) (AlibabaPlan, error) {
		p.Looked = miss.LookedText
		return p, nil
	}
	name, nameFrom := profile, "--profile"
	if profile == "" {
		id, secret := getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"), getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
		switch {
		case id != "" && secret != "":
			p := AlibabaPlan{Source: "env ALIBABA_CLOUD_ACCESS_KEY_ID", Mode: ModeAK,
				Key: AlibabaCredential{AccessKeyID: id, AccessKeySecret: NewSecret(secret), SecurityToken: NewSecret(getenv("ALIBABA_CLOUD_SECURITY_TOKEN"))}}
			if !p.Key.SecurityToken.IsZero() {
				p.Mode = ModeStsToken
			}
			p.Key.Source, p.Key.Mode = p.Source, p.Mode
			return found(p)
		case id != "" || secret != "":
			// Half a key is a mistake worth naming, not a reason to silently use another account.
			miss.look(i18n.T("env ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (only one is set: both must be)",
				"环境变量 ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET(只设置了其中一个:两者都必须设置)"))
			miss.Todo = i18n.T("set both ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
				"请同时设置 ALIBABA_CLOUD_ACCESS_KEY_ID 与 ALIBABA_CLOUD_ACCESS_KEY_SECRET")
			return AlibabaPlan{}, miss
		}
		miss.look(i18n.T("env ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (unset)", "环境变量 ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET(未设置)"))
		role, oidcArn, tokenFile := getenv("ALIBABA_CLOUD_ROLE_ARN"), getenv("ALIBABA_CLOUD_OIDC_PROVIDER_ARN"), getenv("ALIBABA_CLOUD_OIDC_TOKEN_FILE")
		if role != "" && oidcArn != "" && tokenFile != "" {
			return found(AlibabaPlan{Source: "env ALIBABA_CLOUD_ROLE_ARN + ALIBABA_CLOUD_OIDC_PROVIDER_ARN", Mode: ModeOIDC,
				Profile: AliyunProfile{Mode: ModeOIDC, RamRoleArn: role, OIDCProviderArn: oidcArn, OIDCTokenFile: tokenFile,
					RamSessionName: getenv("ALIBABA_CLOUD_ROLE_SESSION_NAME"), StsRegion: getenv("ALIBABA_CLOUD_STS_REGION")}})
		}
		miss.look(i18n.T("env ALIBABA_CLOUD_ROLE_ARN + ALIBABA_CLOUD_OIDC_PROVIDER_ARN + ALIBABA_CLOUD_OIDC_TOKEN_FILE (not all set)",
			"环境变量 ALIBABA_CLOUD_ROLE_ARN + ALIBABA_CLOUD_OIDC_PROVIDER_ARN + ALIBABA_CLOUD_OIDC_TOKEN_FILE(未全部设置)"))
		name, nameFrom = "", ""
		for _, v := range aliyunProfileEnv {
			if n := getenv(v); n != "" {
				name, nameFrom = n, v
				break
			}
		}
	}
	if p, why, err := aliyunCLIPlan(getenv, name, nameFrom); err != nil {
		return AlibabaPlan{}, err
	} else if why.IsZero() {
		return found(p)
	} else {
		miss.look(why)
	}
	if profile != "" {
		miss.Set = []string{"access_key_id and access_key_secret in ~/.aliyun/config.json profile " + profile}
		miss.Todo = i18n.Tf("add profile %s to ~/.aliyun/config.json (aliyun configure --profile %s)",
			"请在 ~/.aliyun/config.json 中添加配置 %s(aliyun configure --profile %s)", profile, profile)
	}
	if p, why, err := alibabaINIPlan(getenv, name); err != nil {
		return AlibabaPlan{}, err
	} else if why.IsZero() {
		return found(p)
	} else {
		miss.look(why)
	}
	if profile != "" {
		return AlibabaPlan{}, miss
	}
	if role := getenv("ALIBABA_CLOUD_ECS_METADATA"); role != "" {
		return found(AlibabaPlan{Source: "env ALIBABA_CLOUD_ECS_METADATA", Mode: ModeEcsRamRole,
			Profile: AliyunProfile{Mode: ModeEcsRamRole, RamRoleName: role}})
	}
	miss.look(i18n.T("env ALIBABA_CLOUD_ECS_METADATA (unset: the instance's RAM role is asked for only when it names one)",
		"环境变量 ALIBABA_CLOUD_ECS_METADATA(未设置:只有设置了角色名才会向实例元数据服务获取 RAM 角色凭证)"))
	if uri := getenv("ALIBABA_CLOUD_CREDENTIALS_URI"); uri != "" {
		return found(AlibabaPlan{Source: "env ALIBABA_CLOUD_CREDENTIALS_URI", Mode: ModeCredentialsURI, URI: uri})
	}
	miss.look(i18n.T("env ALIBABA_CLOUD_CREDENTIALS_URI (unset)", "环境变量 ALIBABA_CLOUD_CREDENTIALS_URI(未设置)"))
	return AlibabaPlan{}, miss
}

// aliyunCLIPlan reads the aliyun CLI's config: the file named by ALIBABA_CLOUD_CONFIG_FILE,
// else ~/.aliyun/config.json. name "" is the file's current profile, else "default". It
// returns why when there is no usable profile there (for the "looked at" list) and err when
// the file or the profile exists but cannot be used as is.
func aliyunCLIPlan(getenv func(string) string, name, nameFrom string) (p AlibabaPlan, why i18n.Text, err error) {
	path, shown := getenv("ALIBABA_CLOUD_CONFIG_FILE"), ""
	if path != "" {
		shown = path + " (ALIBABA_CLOUD_CONFIG_FILE)"
	} else {
		path, shown = filepath.Join(home(getenv), ".aliyun", "config.json"), "~/.aliyun/config.json"
	}
	for _, off := range []string{"ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "ALIBABA_CLOUD_IGNORE_PROFILE"} {
		if strings.EqualFold(getenv(off), "true") {
			return p, i18n.Tf("%s (not read: %s=true)", "%s(未读取:%s=true)", shown, off), nil
		}
	}
	data, err := ReadPersonFile(path, CredentialsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return p, i18n.T(shown+" (no such file)", shown+"(文件不存在)"), nil
	}
	if err != nil {
		return p, i18n.Text{}, fileError(i18n.T("read the aliyun CLI config", "读取 aliyun CLI 配置"), shown, err)
	}
	var cfg aliyunConfig
	if err := json.Unmarshal(data, &cfg); err != nil {
		return p, i18n.Text{}, fileError(i18n.T("read the aliyun CLI config", "读取 aliyun CLI 配置"), shown, err)
	}
	if name == "" {
		name, nameFrom = cfg.Current, "current"
	}
	if name == "" {
		name, nameFrom = "default", ""
	}
	where := shown + " profile " + name
	if strings.HasPrefix(nameFrom, "ALI") { // named by the environment: say which variable
		where += " (" + nameFrom + ")"
	}
	find := func(n string) *AliyunProfile {
		for i := range cfg.Profiles {
			if cfg.Profiles[i].Name == n {
				return &cfg.Profiles[i]
			}
		}
		return nil
	}
	prof := find(name)
	if prof == nil {
		return p, i18n.Tf("%s (no profile %q)", "%s(没有名为 %q 的配置)", shown, name), nil
	}
	p, err = aliyunProfilePlan(*prof, where, find, map[string]bool{})
	if err != nil {
		return p, i18n.Text{}, err
	}
	p.ConfigFile = path
	return p, i18n.Text{}, nil
}

// aliyunProfilePlan checks that a profile has what its mode needs (the fields aliyun-cli's
// config/profile.go validate asks for) and says what the provider will be given.
func aliyunProfilePlan(prof AliyunProfile, where string, find func(string) *AliyunProfile, seen map[string]bool) (AlibabaPlan, error) {
	mode, ok := canonicalMode(prof.Mode)
	if !ok {
		return AlibabaPlan{}, i18n.Errorf("%s: mode %q is not an aliyun CLI mode (one of %s)", "%s:%q 不是 aliyun CLI 的模式(可用:%s)",
			where, prof.Mode, strings.Join(aliyunModes, ", "))
	}
	prof.Mode = mode
	p := AlibabaPlan{Source: where, Mode: mode, Profile: prof, Region: prof.RegionID}
	need := func(fields ...string) error {
		var missing []string
		for i := 0; i+1 < len(fields); i += 2 {
			if strings.TrimSpace(fields[i+1]) == "" {
				missing = append(missing, fields[i])
			}
		}
		if len(missing) == 0 {
			return nil
		}
		return i18n.Errorf("%s (mode %s): %s must be set", "%s(模式 %s):必须设置 %s", where, mode, strings.Join(missing, ", "))
	}
	key := func() {
		p.Key = AlibabaCredential{AccessKeyID: prof.AccessKeyID, AccessKeySecret: NewSecret(prof.AccessKeySecret),
			Region: prof.RegionID, Source: where, Mode: mode}
	}
	var err error
	switch mode {
	case ModeAK:
		err = need("access_key_id", prof.AccessKeyID, "access_key_secret", prof.AccessKeySecret)
		key()
	case ModeStsToken:
		err = need("access_key_id", prof.AccessKeyID, "access_key_secret", prof.AccessKeySecret, "sts_token", prof.StsToken)
		key()
		p.Key.SecurityToken = NewSecret(prof.StsToken)
	case ModeRamRoleArn:
		err = need("access_key_id", prof.AccessKeyID, "access_key_secret", prof.AccessKeySecret, "ram_role_arn", prof.RamRoleArn)
		key()
	case ModeChainableRamRoleArn:
		if err = need("source_profile", prof.SourceProfile, "ram_role_arn", prof.RamRoleArn); err != nil {
			break
		}
		seen[prof.Name] = true
		if seen[prof.SourceProfile] {
			return p, i18n.Errorf("%s: source_profile %q leads back to itself", "%s:source_profile %q 形成循环", where, prof.SourceProfile)
		}
		src := find(prof.SourceProfile)
		if src == nil {
			return p, i18n.Errorf("%s: source_profile %q is not in the file", "%s:文件中没有 source_profile %q", where, prof.SourceProfile)
		}
		base, berr := aliyunProfilePlan(*src, strings.TrimSuffix(where, prof.Name)+prof.SourceProfile, find, seen)
		if berr != nil {
			return p, berr
		}
		p.Base, p.Key = &base, base.Key
	case ModeEcsRamRole:
		// ram_role_name may be empty: the provider then asks the metadata service for it.
	case ModeOIDC:
		err = need("oidc_provider_arn", prof.OIDCProviderArn, "oidc_token_file", prof.OIDCTokenFile, "ram_role_arn", prof.RamRoleArn)
	case ModeCloudSSO:
		err = need("cloud_sso_sign_in_url", prof.CloudSSOSignInURL, "cloud_sso_account_id", prof.CloudSSOAccountID,
			"cloud_sso_access_config", prof.CloudSSOAccessConfig)
		if err == nil && p.CachedSTSValid(time.Now()) {
			key()
			p.Key.SecurityToken = NewSecret(prof.StsToken)
		} else if err == nil && (prof.AccessToken == "" || prof.CloudSSOAccessExpire <= time.Now().Unix()) {
			err = i18n.Errorf("%s (mode CloudSSO): the sign-in has expired: run aliyun configure --profile %s --mode CloudSSO again",
				"%s(模式 CloudSSO):登录已过期:请重新运行 aliyun configure --profile %s --mode CloudSSO", where, prof.Name, prof.Name)
		}
	case ModeOAuth:
		err = need("oauth_site_type", prof.OAuthSiteType, "oauth_refresh_token", prof.OAuthRefreshToken)
	case ModeExternal:
		err = need("process_command", prof.ProcessCommand)
	}
	return p, err
}

// CachedSTSValid reports whether a CloudSSO profile's cached STS key (written by the aliyun
// CLI at sign-in) is still good for at least five minutes, so no sign-in service is asked.
func (p AlibabaPlan) CachedSTSValid(now time.Time) bool {
	pr := p.Profile
	return pr.AccessKeyID != "" && pr.AccessKeySecret != "" && pr.StsToken != "" && pr.StsExpiration > now.Add(5*time.Minute).Unix()
}

// alibabaINIPlan reads the credentials-go INI file: ALIBABA_CLOUD_CREDENTIALS_FILE, else
// ~/.alibabacloud/credentials; section name, else "default" (credentials/providers/profile.go).
func alibabaINIPlan(getenv func(string) string, name string) (p AlibabaPlan, why i18n.Text, err error) {
	path, shown := getenv("ALIBABA_CLOUD_CREDENTIALS_FILE"), ""
	if path != "" {
		shown = path + " (ALIBABA_CLOUD_CREDENTIALS_FILE)"
	} else {
		path, shown = filepath.Join(home(getenv), ".alibabacloud", "credentials"), "~/.alibabacloud/credentials"
	}
	if name == "" {
		name = "default"
	}
	data, err := ReadPersonFile(path, CredentialsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return p, i18n.T(shown+" (no such file)", shown+"(文件不存在)"), nil
	}
	if err != nil {
		return p, i18n.Text{}, fileError(i18n.T("read the Alibaba Cloud credentials file", "读取阿里云凭证文件"), shown, err)
	}
	f, err := ini.Load(data)
	if err != nil {
		return p, i18n.Text{}, fileError(i18n.T("read the Alibaba Cloud credentials file", "读取阿里云凭证文件"), shown, err)
	}
	sec, err := f.GetSection(name)
	if err != nil {
		return p, i18n.Tf("%s (no [%s] section)", "%s(没有 [%s] 段)", shown, name), nil
	}
	where := shown + " [" + name + "]"
	prof := AliyunProfile{Name: name, AccessKeyID: sec.Key("access_key_id").String(), AccessKeySecret: sec.Key("access_key_secret").String(),
		RamRoleArn: sec.Key("role_arn").String(), RamSessionName: sec.Key("role_session_name").String(),
		RamRoleName: sec.Key("role_name").String(), Policy: sec.Key("policy").String()}
	switch t := sec.Key("type").String(); t {
	case "access_key":
		prof.Mode = ModeAK
	case "ram_role_arn":
		prof.Mode = ModeRamRoleArn
	case "ecs_ram_role":
		prof.Mode = ModeEcsRamRole
	default:
		return p, i18n.Text{}, i18n.Errorf("%s: type %q is not supported (access_key, ram_role_arn or ecs_ram_role)",
			"%s:不支持 type %q(可用 access_key、ram_role_arn 或 ecs_ram_role)", where, t)
	}
	p, err = aliyunProfilePlan(prof, where, func(string) *AliyunProfile { return nil }, map[string]bool{})
	return p, i18n.Text{}, err
}

// Alibaba resolves a static Alibaba credential (AK or StsToken) the way the SDK and the aliyun
// CLI find it; a mode that needs STS, metadata or a sign-in service is resolved by
// providers/alibaba.Chain, and here answers an error saying so.
func Alibaba(getenv func(string) string) (AlibabaCredential, error) {
	return AlibabaProfile(getenv, "")
}

// AlibabaProfile is Alibaba with --profile ("" = the usual order).
func AlibabaProfile(getenv func(string) string, profile string) (AlibabaCredential, error) {
	p, err := AlibabaCredentialPlan(getenv, profile)
	if err != nil {
		return AlibabaCredential{}, err
	}
	if p.Network() {
		return AlibabaCredential{}, fmt.Errorf("%s: mode %s is resolved when an order is sent", p.Source, p.Mode)
	}
	c := p.Key
	c.Region = p.Region
	return c, nil
}
