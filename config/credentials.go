package config

import (
	"errors"
	"fmt"
	"strings"

	"cloudorder/i18n"
)

// AlibabaCredential is an Alibaba Cloud access key, with where it came from.
type AlibabaCredential struct {
	AccessKeyID     string
	AccessKeySecret Secret
	SecurityToken   Secret // STS token; zero for a long-term key
	Region          string // the CLI profile's region_id, if any (a default, never the order's)
	Source          string // e.g. "env ALIBABA_CLOUD_ACCESS_KEY_ID", "~/.aliyun/config.json profile default"
}

// MaskedKey is the access key id with all but its first 4 characters hidden.
func (c AlibabaCredential) MaskedKey() string { return Mask(c.AccessKeyID) }

// HuaweiCredential is a Huawei Cloud AK/SK, with where it came from.
type HuaweiCredential struct {
	AK            string
	SK            Secret
	SecurityToken Secret // temporary credentials; zero for a permanent AK/SK
	ProjectID     string // default project id (the order's project_id always wins)
	// DomainID is the account id BSS (price inquiry, payment) needs; "" = ask IAM for it.
	DomainID string
	Source   string
}

// MaskedKey is the AK with all but its first 4 characters hidden.
func (c HuaweiCredential) MaskedKey() string { return Mask(c.AK) }

// ErrNoCredential marks a missing credential; MissingError says where it looked.
var ErrNoCredential = errors.New("no credential")

// MissingError is a credential that was found nowhere. Looked lists every place, in order, so
// the person knows what to set.
type MissingError struct {
	Cloud  string   // "Alibaba Cloud" or "Huawei Cloud"
	Set    []string // the environment variables to set
	Looked []string // everything that was looked at, with why it did not count
	// LookedText is Looked, and Todo what to set, in both languages, for screens.
	LookedText []i18n.Text
	Todo       i18n.Text
}

func (e *MissingError) look(why i18n.Text) {
	e.Looked = append(e.Looked, why.EN)
	e.LookedText = append(e.LookedText, why)
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("no %s credential: set %s; looked at: %s",
		e.Cloud, strings.Join(e.Set, " and "), strings.Join(e.Looked, "; "))
}

// Text is Error in both languages, for screens (what to set, and every place looked at).
func (e *MissingError) Text() i18n.Text {
	looked := i18n.Text{}
	for i, l := range e.LookedText {
		sep := i18n.T("; ", ";")
		if i == 0 {
			sep = i18n.Text{}
		}
		looked = i18n.Tf("%s%s%s", "%s%s%s", looked, sep, l)
	}
	return i18n.Tf("no %s credential: %s; looked at: %s", "没有%s凭证:%s;已查找:%s", i18n.T(e.Cloud, cloudZH[e.Cloud]), e.Todo, looked)
}

// cloudZH names the clouds in Chinese.
var cloudZH = map[string]string{"Alibaba Cloud": "阿里云", "Huawei Cloud": "华为云"}

// Hint is the short form the review screen shows: "missing: set X and Y".
func (e *MissingError) Hint() string { return "missing: set " + strings.Join(e.Set, " and ") }

func (e *MissingError) Is(target error) bool { return target == ErrNoCredential }

// Alibaba resolves the Alibaba credential the way the SDK and the aliyun CLI do: the
// environment first, then the CLI's current profile.
func Alibaba(getenv func(string) string) (AlibabaCredential, error) {
	return AlibabaProfile(getenv, "")
}

// AlibabaProfile is Alibaba with --profile: a named aliyun CLI profile is an explicit choice,
// so it is used instead of the environment ("" = the usual order).
func AlibabaProfile(getenv func(string) string, profile string) (AlibabaCredential, error) {
	miss := &MissingError{Cloud: "Alibaba Cloud", Set: []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"}}
	if profile == "" {
		id, secret := getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"), getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
		switch {
		case id != "" && secret != "":
			return AlibabaCredential{AccessKeyID: id, AccessKeySecret: NewSecret(secret),
				SecurityToken: NewSecret(getenv("ALIBABA_CLOUD_SECURITY_TOKEN")),
				Source:        "env ALIBABA_CLOUD_ACCESS_KEY_ID"}, nil
		case id != "" || secret != "":
			// Half a key is a mistake worth naming, not a reason to silently use another account.
			miss.look(i18n.T("env ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (only one is set: both must be)",
				"环境变量 ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET(只设置了其中一个:两者都必须设置)"))
			miss.Todo = i18n.T("set both ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
				"请同时设置 ALIBABA_CLOUD_ACCESS_KEY_ID 与 ALIBABA_CLOUD_ACCESS_KEY_SECRET")
			return AlibabaCredential{}, miss
		}
		miss.look(i18n.T("env ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (unset)", "环境变量 ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET(未设置)"))
		miss.Todo = i18n.T("set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
			"请设置 ALIBABA_CLOUD_ACCESS_KEY_ID 与 ALIBABA_CLOUD_ACCESS_KEY_SECRET")
	} else {
		miss.Set = []string{"access_key_id and access_key_secret in ~/.aliyun/config.json profile " + profile}
		miss.Todo = i18n.Tf("set access_key_id and access_key_secret in ~/.aliyun/config.json profile %s",
			"请在 ~/.aliyun/config.json 的配置 %s 中设置 access_key_id 与 access_key_secret", profile)
	}
	c, why, err := aliyunProfile(getenv, profile)
	if err != nil {
		return AlibabaCredential{}, err
	}
	if why.IsZero() {
		return c, nil
	}
	miss.look(why)
	return AlibabaCredential{}, miss
}

// Huawei resolves the Huawei credential the way huaweicloud-sdk-go-v3 does: the environment
// first, then the SDK's credentials file ([basic] section).
func Huawei(getenv func(string) string) (HuaweiCredential, error) { return HuaweiProfile(getenv, "") }

// HuaweiProfile is Huawei with --profile: the credentials file's [profile] section is used
// instead of the environment and [basic] ("" = the usual order).
func HuaweiProfile(getenv func(string) string, profile string) (HuaweiCredential, error) {
	miss := &MissingError{Cloud: "Huawei Cloud", Set: []string{"HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK"}}
	if profile == "" {
		ak, sk := getenv("HUAWEICLOUD_SDK_AK"), getenv("HUAWEICLOUD_SDK_SK")
		switch {
		case ak != "" && sk != "":
			return HuaweiCredential{AK: ak, SK: NewSecret(sk), SecurityToken: NewSecret(getenv("HUAWEICLOUD_SDK_SECURITY_TOKEN")),
				ProjectID: getenv("HUAWEICLOUD_SDK_PROJECT_ID"), DomainID: getenv("HUAWEICLOUD_SDK_DOMAIN_ID"),
				Source: "env HUAWEICLOUD_SDK_AK"}, nil
		case ak != "" || sk != "":
			miss.look(i18n.T("env HUAWEICLOUD_SDK_AK/_SK (only one is set: both must be)",
				"环境变量 HUAWEICLOUD_SDK_AK/_SK(只设置了其中一个:两者都必须设置)"))
			miss.Todo = i18n.T("set both HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK", "请同时设置 HUAWEICLOUD_SDK_AK 与 HUAWEICLOUD_SDK_SK")
			return HuaweiCredential{}, miss
		}
		miss.look(i18n.T("env HUAWEICLOUD_SDK_AK/_SK (unset)", "环境变量 HUAWEICLOUD_SDK_AK/_SK(未设置)"))
		miss.Todo = i18n.T("set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK", "请设置 HUAWEICLOUD_SDK_AK 与 HUAWEICLOUD_SDK_SK")
	} else {
		miss.Set = []string{"ak and sk in section [" + profile + "] of the Huawei Cloud credentials file"}
		miss.Todo = i18n.Tf("set ak and sk in section [%s] of the Huawei Cloud credentials file", "请在华为云凭证文件的 [%s] 段中设置 ak 与 sk", profile)
	}
	c, why, err := huaweiProfile(getenv, profile)
	if err != nil {
		return HuaweiCredential{}, err
	}
	if why.IsZero() {
		if c.ProjectID == "" {
			c.ProjectID = getenv("HUAWEICLOUD_SDK_PROJECT_ID")
		}
		if c.DomainID == "" {
			c.DomainID = getenv("HUAWEICLOUD_SDK_DOMAIN_ID")
		}
		return c, nil
	}
	miss.look(why)
	return HuaweiCredential{}, miss
}
