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
	MaskedKey string // the access key id, all but its first 4 characters masked ("" until resolved)
	Mode      string // AlibabaPlan.Mode / HuaweiPlan.Mode
	Region    string // the default region the source names (Alibaba CLI profile's region_id)
	ProjectID string // Huawei's default project id
	// Network: resolving it asks STS, the instance metadata service, IAM or a sign-in service
	// (or runs a command): done when an order needs it or with --check, never here.
	Network bool
	// When not found: what to do, and where it was looked for.
	Problem i18n.Text
	Looked  []i18n.Text
}

// Credentials reports both clouds' credentials as orders would find them
// (AlibabaCredentialPlan, HuaweiCredentialPlan) for profile ("" = no --profile), without any
// network call.
func Credentials(getenv func(string) string, profile string) []CredentialStatus {
	ali, aerr := AlibabaCredentialPlan(getenv, profile)
	hw, herr := HuaweiCredentialPlan(getenv, profile)
	a := status("alibaba", "Alibaba Cloud", aerr)
	if aerr == nil {
		a.Source, a.MaskedKey, a.Mode, a.Region, a.Network, a.Looked = ali.Source, ali.MaskedKey(), ali.Mode, ali.Region, ali.Network(), ali.Looked
	}
	h := status("huawei", "Huawei Cloud", herr)
	if herr == nil {
		h.Source, h.MaskedKey, h.Mode, h.ProjectID, h.Network, h.Looked = hw.Source, hw.MaskedKey(), hw.Mode, hw.Key.ProjectID, hw.Network(), hw.Looked
	}
	return []CredentialStatus{a, h}
}

func status(id, cloud string, err error) CredentialStatus {
	s := CredentialStatus{Cloud: cloud, CloudID: id}
	var miss *MissingError
	switch {
	case err == nil:
		s.Found = true
	case errors.As(err, &miss):
		s.Problem = i18n.T("missing: "+miss.Todo.EN, "缺少凭证:"+miss.Todo.ZH)
		s.Looked = miss.LookedText
	default:
		s.Problem = i18n.TextOf(err) // a file that exists but cannot be used: its own words
	}
	return s
}

// Text is the status in one line, e.g. "Huawei Cloud: env HUAWEICLOUD_SDK_AK SAND****" or
// "Alibaba Cloud: missing: set … (looked at: …)".
func (s CredentialStatus) Text() i18n.Text {
	zhCloud := cloudZH[s.Cloud]
	if s.Found {
		en, zh := s.Source, s.Source
		if s.Mode != "" && s.Mode != ModeAK && s.Mode != HuaweiModeAKSK {
			en, zh = en+", mode "+s.Mode, zh+",模式 "+s.Mode
		}
		if s.MaskedKey != "" {
			en, zh = en+" "+s.MaskedKey, zh+" "+s.MaskedKey
		}
		if s.Network {
			en, zh = en+" (resolved when needed)", zh+"(需要时再解析)"
		}
		return i18n.T(s.Cloud+": "+en, zhCloud+":"+zh)
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
