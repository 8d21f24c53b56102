package ui

import (
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

// externalSandbox is a sandbox-mode provider whose credential is not the sandbox's published
// keys but whatever the environment holds — here none.
type externalSandbox struct{ *fakeProvider }

func (externalSandbox) Target(flows.APIID, string) providers.Target {
	return providers.Target{Mode: providers.Sandbox, Endpoint: "http://127.0.0.1:18791",
		Credential: "missing: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET"}
}

// The review names the sandbox's built-in keys only when the provider says they are the ones
// used (providers.SandboxKeys); otherwise it says the credential the provider reports.
func TestReviewCredentialOfAnExternalSandboxIsTheEnvironments(t *testing.T) {
	d := newDriver(t, Options{Provider: externalSandbox{&fakeProvider{}}, Mode: providers.Sandbox}, 120, 40)
	d.walk(nil)
	v := d.view()
	if strings.Contains(v, "built-in keys") || !strings.Contains(v, "missing: set ALIBABA_CLOUD_ACCESS_KEY_ID") {
		t.Fatalf("review's credential of an --endpoint sandbox:\n%s", v)
	}
	in := newDriver(t, Options{Provider: builtinSandbox{&fakeProvider{}}, Mode: providers.Sandbox, Lang: i18n.ZH}, 120, 40)
	in.walk(nil)
	if v := in.view(); !strings.Contains(v, "沙箱内置密钥") {
		t.Fatalf("review's credential of the in-process sandbox:\n%s", v)
	}
}

// builtinSandbox reports the in-process sandbox's keys, as providers/cloud/cloud.go does.
type builtinSandbox struct{ *fakeProvider }

func (builtinSandbox) Target(flows.APIID, string) providers.Target {
	return providers.Target{Mode: providers.Sandbox, Endpoint: "http://127.0.0.1:1", Credential: providers.SandboxKeys, MaskedKey: "LTAI****"}
}

// liveNoKeys is the live provider with no credential in the environment: its Target says
// what is missing in the provider's words (English).
type liveNoKeys struct{ *fakeProvider }

func (liveNoKeys) Target(flows.APIID, string) providers.Target {
	return providers.Target{Mode: providers.Live, Endpoint: "https://aiworkspace.cn-hangzhou.aliyuncs.com",
		Credential: "missing: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET"}
}

// A missing credential is said at the review in the session's language, in the words the
// first screen used (was English on the Chinese review: "凭证: missing: set …").
func TestReviewSaysAMissingCredentialInChinese(t *testing.T) {
	creds := []Credential{{Cloud: "alibaba", Text: i18n.T("Alibaba Cloud: missing: set ALIBABA_CLOUD_ACCESS_KEY_ID", "阿里云:缺少凭证:请设置 ALIBABA_CLOUD_ACCESS_KEY_ID")}}
	d := newDriver(t, Options{Provider: liveNoKeys{&fakeProvider{}}, Mode: providers.Live, Lang: i18n.ZH, Credentials: creds}, 120, 40)
	d.walk(nil)
	v := d.view()
	if flat := strings.Join(strings.Fields(v), " "); d.m.Where() != "review" || strings.Contains(v, "missing: set") || !strings.Contains(flat, "凭证: 阿里云:缺少凭证:请设置") {
		t.Fatalf("review's credential at %s:\n%s", d.m.Where(), v)
	}
}

// The order that fails for want of a credential says what is missing in the session's
// language, at the review and in the line printed on exit (was the provider's English
// "no Alibaba Cloud credential: set …" on the Chinese screen).
func TestMissingCredentialFailureInChinese(t *testing.T) {
	creds := []Credential{{Cloud: "alibaba", Text: i18n.T("Alibaba Cloud: missing: set ALIBABA_CLOUD_ACCESS_KEY_ID", "阿里云:缺少凭证:请设置 ALIBABA_CLOUD_ACCESS_KEY_ID")}}
	p := &fakeProvider{err: &providers.Error{Kind: providers.Invalid,
		Message: "no Alibaba Cloud credential: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET; looked at: env (unset)"}}
	d := newDriver(t, Options{Provider: liveNoKeys{p}, Mode: providers.Live, Lang: i18n.ZH, Credentials: creds}, 120, 40)
	d.walk(nil)
	d.keys("y")
	v := d.view()
	if strings.Contains(v, "no Alibaba Cloud credential") || !strings.Contains(v, "信息: 阿里云:缺少凭证") {
		t.Fatalf("the failure's message at review:\n%s", v)
	}
	if o := d.m.Outcome(); strings.Contains(o.FailureText, "no Alibaba Cloud credential") || !strings.Contains(o.FailureText, "缺少凭证") {
		t.Fatalf("the exit line's facts: %q", o.FailureText)
	}
}
