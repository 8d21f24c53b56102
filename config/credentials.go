package config

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"sort"

	"fmt"
	"gopkg.in/ini.v1"
	"io/fs"
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
	Mode            string // how it was obtained: ModeAK, ModeRamRoleArn, … (AlibabaPlan.Mode)
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
	Mode     string // HuaweiModeAKSK, HuaweiModeTemporary or HuaweiModeFederation
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

// CredentialLabel is how a provider's Target names the credential its requests are signed
// with: where it comes from and its masked key id, or, when it cannot be described (err), what
// is missing — never a secret.
func CredentialLabel(source, masked string, err error) (label, maskedKey string) {
	var miss *MissingError
	switch {
	case errors.As(err, &miss):
		return miss.Hint(), ""
	case err != nil:
		return "missing: " + err.Error(), ""
	}
	return source, masked
}

// CheckCredentialFile applies ReadPersonFile's guard to a file an SDK reads by path itself (an
// OIDC or IdP token file): nil when it is a regular file within the credentials bound.
func CheckCredentialFile(path string) error {
	_, err := ReadPersonFile(path, CredentialsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: no such file", path)
	}
	return err
}

// fileError says a credentials file could not be used, in both languages (a *FileRefusal and
// an i18n error keep their Chinese).
func fileError(what i18n.Text, shown string, err error) error {
	e := i18n.TextOf(err)
	return i18n.Errorf("%s %s: %s", "%s %s 失败:%s", what, shown, e)
}

// ProfileNames lists the profile names --profile accepts, for completion: the aliyun CLI
// config's profiles and the Huawei credentials file's sections, sorted, each once. Files are
// read through ReadPersonFile; one that is missing or unreadable adds nothing. No secret is
// part of the answer.
func ProfileNames(getenv func(string) string) []string {
	seen := map[string]bool{}
	path := getenv("ALIBABA_CLOUD_CONFIG_FILE")
	if path == "" {
		path = filepath.Join(home(getenv), ".aliyun", "config.json")
	}
	if data, err := ReadPersonFile(path, CredentialsFile); err == nil {
		var cfg aliyunConfig
		if json.Unmarshal(data, &cfg) == nil {
			for _, p := range cfg.Profiles {
				seen[p.Name] = p.Name != ""
			}
		}
	}
	path = getenv("HUAWEICLOUD_SDK_CREDENTIALS_FILE")
	if path == "" {
		path = filepath.Join(home(getenv), ".huaweicloud", "credentials")
	}
	if data, err := ReadPersonFile(path, CredentialsFile); err == nil {
		if f, err := ini.Load(data); err == nil {
			for _, s := range f.SectionStrings() {
				seen[s] = s != ini.DefaultSection
			}
		}
	}
	var out []string
	for n, ok := range seen {
		if ok {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
