package config

import (
	"errors"
	"strings"

	"cloudorder/i18n"
)

// CredentialStatus says, for one cloud, which credential orders will be signed with — or that
// none was found, what to set, and every place that was looked at. The wizard's first screen
// and submit show it before anything is filled in or sent. The secret is never part of it.
type CredentialStatus struct {
	Cloud     string // "Alibaba Cloud" or "Huawei Cloud"
	CloudID   string // the cloud as flows names it (flows.API.Cloud): "alibaba" or "huawei"
	Found     bool
	Source    string // e.g. "env ALIBABA_CLOUD_ACCESS_KEY_ID", "~/.huaweicloud/credentials [prod]"
	MaskedKey string // the access key id, all but its first 4 characters masked
	// When not found: what to do, and where it was looked for.
	Problem i18n.Text
	Looked  []i18n.Text
}

// Credentials reports both clouds' credentials, resolved exactly as orders resolve them
// (AlibabaProfile, HuaweiProfile) for profile ("" = no --profile).
func Credentials(getenv func(string) string, profile string) []CredentialStatus {
	ali, aerr := AlibabaProfile(getenv, profile)
	hw, herr := HuaweiProfile(getenv, profile)
	return []CredentialStatus{
		status("alibaba", "Alibaba Cloud", ali.Source, ali.MaskedKey(), aerr),
		status("huawei", "Huawei Cloud", hw.Source, hw.MaskedKey(), herr),
	}
}

func status(id, cloud, source, masked string, err error) CredentialStatus {
	s := CredentialStatus{Cloud: cloud, CloudID: id}
	var miss *MissingError
	switch {
	case err == nil:
		s.Found, s.Source, s.MaskedKey = true, source, masked
	case errors.As(err, &miss):
		s.Problem = i18n.T("missing: "+miss.Todo.EN, "缺少凭证:"+miss.Todo.ZH)
		s.Looked = miss.LookedText
	default:
		s.Problem = i18n.TextOf(err) // a file that exists but cannot be read: its own words
	}
	return s
}

// Text is the status in one line, e.g. "Huawei Cloud: env HUAWEICLOUD_SDK_AK SAND****" or
// "Alibaba Cloud: missing: set … (looked at: …)".
func (s CredentialStatus) Text() i18n.Text {
	zhCloud := cloudZH[s.Cloud]
	if s.Found {
		return i18n.T(s.Cloud+": "+s.Source+" "+s.MaskedKey, zhCloud+":"+s.Source+" "+s.MaskedKey)
	}
	en, zh := s.Problem.EN, s.Problem.ZH
	if len(s.Looked) > 0 {
		var le, lz []string
		for _, l := range s.Looked {
			le, lz = append(le, l.EN), append(lz, l.ZH)
		}
		en += " (looked at: " + strings.Join(le, "; ") + ")"
		zh += "(已查找:" + strings.Join(lz, ";") + ")"
	}
	return i18n.T(s.Cloud+": "+en, zhCloud+":"+zh)
}
