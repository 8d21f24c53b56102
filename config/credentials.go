package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
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

// maxCredentialFile bounds a credentials file: the SDKs' files are a few kilobytes.
const maxCredentialFile = 1 << 20

// readCredentialFile reads a person's credentials file once: a regular file only (a FIFO,
// device or directory is refused at once, never waited on) and at most maxCredentialFile
// bytes. A missing file matches fs.ErrNotExist.
func readCredentialFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlockingOpen, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (%s)", path, st.Mode().Type())
	}
	data, err := io.ReadAll(io.LimitReader(f, maxCredentialFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxCredentialFile {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, maxCredentialFile)
	}
	return data, nil
}

// CheckCredentialFile applies readCredentialFile's guard to a file an SDK reads by path (an
// OIDC or IdP token file): nil when it exists as a bounded regular file.
func CheckCredentialFile(path string) error {
	_, err := readCredentialFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: no such file", path)
	}
	return err
}
