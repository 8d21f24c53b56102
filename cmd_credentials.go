package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"cloudorder/config"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/alibaba"
	"cloudorder/providers/credgate"
	"cloudorder/providers/huawei"
	"cloudorder/providers/sandbox"
)

// CredentialsOptions are `cloudorder credentials`'s flags.
type CredentialsOptions struct {
	Profile string // --profile: an aliyun CLI profile / Huawei credentials-file section
	Output  string // "text" or "json"
	Check   bool   // resolve the credential and ask who it is
	Timeout time.Duration
}

// newCredentialsCmd is `cloudorder credentials`.
func newCredentialsCmd(c *cli) *cobra.Command {
	var opts CredentialsOptions
	cmd := &cobra.Command{
		Use: c.say(i18n.T("credentials [flags]", "credentials [选项]")),
		Short: c.say(i18n.T("say which credential orders would be signed with, per cloud",
			"按云说明下单将使用的凭证")),
		Long: c.say(i18n.T("Say, per cloud, which credential orders would be signed with: where it is "+
			"(environment, file and profile or section), its mode, its key masked, the default region — "+
			"or what is missing and every place looked at. Nothing is contacted; --check resolves the "+
			"credential (STS, instance metadata, sign-in, Huawei IAM federation) and asks Alibaba Cloud STS who the caller is. "+
			"No secret is ever shown.",
			"按云说明下单将使用的凭证:来源(环境变量、文件及其配置或段)、模式、打码后的密钥、默认地域——"+
				"或缺少什么以及查找过的每个位置。不会联系任何服务;--check 会解析凭证(STS、实例元数据、登录服务、华为云 IAM 联邦认证),"+
				"并向阿里云 STS 查询调用者身份。任何密钥都不会显示。")),
		Example: "cloudorder credentials\ncloudorder credentials --profile prod --output json\ncloudorder credentials --check",
		Args:    c.noArgs,
		RunE: func(*cobra.Command, []string) error {
			return c.run(func() int { return runCredentials(c, opts) })
		},
	}
	f := cmd.Flags()
	c.profileFlag(cmd, &opts.Profile)
	c.outputFlag(cmd, &opts.Output, "text", "json")
	f.BoolVar(&opts.Check, "check", false, c.say(i18n.T("resolve the credential and say who the caller is (contacts the cloud)",
		"解析凭证并说明调用者身份(会联系云服务)")))
	f.DurationVar(&opts.Timeout, "timeout", 10*time.Second, c.say(i18n.T("`DURATION` bound on each --check request", "--check 每个请求的`时限`")))
	return cmd
}

// credentialServicesEnv names a loopback sandbox that --check sends the instance-metadata and
// STS GetCallerIdentity requests to instead of the clouds (`cloudorder sandbox` prints it).
// STS AssumeRole is https-only in credentials-go, so it is exercised by the tests, which trust
// the sandbox's certificate authority.
const credentialServicesEnv = "CLOUDORDER_CREDENTIAL_SERVICES"

// credentialServicesFrom is credentialServices, or the sandbox CLOUDORDER_CREDENTIAL_SERVICES
// names (a loopback address only: elsewhere it would collect requests signed with real keys).
func credentialServicesFrom(getenv func(string) string) (credgate.Options, *config.Endpoint, error) {
	raw := getenv(credentialServicesEnv)
	if raw == "" {
		return credgate.Options{}, nil, nil // the clouds themselves
	}
	ep, err := config.ParseEndpoint(raw)
	if err != nil || !config.IsLoopback(ep.Host) {
		return credgate.Options{}, nil, i18n.Errorf("%s must be the loopback sandbox's address (http://127.0.0.1:PORT), got %q",
			"%s 必须是本机模拟服务的地址(http://127.0.0.1:端口),而不是 %q", credentialServicesEnv, raw)
	}
	return credgate.Options{Routes: sandbox.CredentialRoutes(ep.String()), LoopbackOnly: true}, &ep, nil
}

// credentialReport is one cloud in `credentials --output json`.
type credentialReport struct {
	Cloud     string       `json:"cloud"`
	Found     bool         `json:"found"`
	Source    string       `json:"source,omitempty"`
	Mode      string       `json:"mode,omitempty"`
	MaskedKey string       `json:"masked_key,omitempty"`
	Region    string       `json:"region,omitempty"`
	ProjectID string       `json:"project_id,omitempty"`
	Network   bool         `json:"resolved_when_needed"`
	Problem   string       `json:"problem,omitempty"`
	Looked    []string     `json:"looked_at"`
	Check     *checkReport `json:"check,omitempty"`
}

// checkReport is what --check found: the resolved key (masked), who it is, or why it failed.
type checkReport struct {
	OK        bool              `json:"ok"`
	MaskedKey string            `json:"masked_key,omitempty"`
	Temporary bool              `json:"temporary,omitempty"`
	Caller    *alibaba.Identity `json:"caller,omitempty"`
	Note      string            `json:"note,omitempty"`
	Error     string            `json:"error,omitempty"`
	kind      providers.Kind    // the failure's kind: the exit code
	said      []i18n.Text       // the text lines
}

// runCredentials reports both clouds' credentials. Exit 0 when every cloud has one (and, with
// --check, every one resolved), 1 when one is missing or unusable, 2 for a wrong --output;
// a --check that failed without an answer exits as a look-up would (5: nothing reached).
func runCredentials(c *cli, opts CredentialsOptions) int {
	if opts.Output != "text" && opts.Output != "json" {
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder credentials: --output must be text or json, got %q",
			"cloudorder credentials:--output 必须是 text 或 json,而不是 %q", opts.Output)))
		return exitUsage
	}
	exit := exitOK
	var reports []credentialReport
	for _, st := range config.Credentials(c.getenv, opts.Profile) {
		r := credentialReport{Cloud: st.CloudID, Found: st.Found, Source: st.Source, Mode: st.Mode, MaskedKey: st.MaskedKey,
			Region: st.Region, ProjectID: st.ProjectID, Network: st.Network, Problem: c.say(st.Problem), Looked: []string{}}
		for _, l := range st.Looked {
			r.Looked = append(r.Looked, c.say(l))
		}
		if !st.Found {
			exit = exitInvalid
		} else if opts.Check {
			r.Check = checkCredential(c, st, opts)
			if !r.Check.OK && exit == exitOK {
				exit = r.Check.kind.Exit()
			}
		}
		reports = append(reports, r)
	}
	if opts.Output == "json" {
		writeJSONLine(c.stdout, map[string]any{"clouds": reports})
		return exit
	}
	for i, r := range reports {
		if i > 0 {
			fmt.Fprintln(c.stdout)
		}
		c.printCredential(r)
	}
	return exit
}

// printCredential is one cloud in text.
func (c *cli) printCredential(r credentialReport) {
	name := map[string]i18n.Text{"alibaba": i18n.T("Alibaba Cloud", "阿里云"), "huawei": i18n.T("Huawei Cloud", "华为云")}[r.Cloud]
	fmt.Fprintln(c.stdout, c.say(name))
	row := func(label i18n.Text, v string) {
		if v != "" {
			fmt.Fprintf(c.stdout, "  %-10s %s\n", c.say(label)+":", v)
		}
	}
	if !r.Found {
		fmt.Fprintln(c.stdout, "  "+r.Problem)
	} else {
		row(i18n.T("source", "来源"), r.Source)
		mode := r.Mode
		if r.Network {
			mode += c.say(i18n.T(" (resolved when an order needs it; nothing contacted now)", "(下单需要时才解析;此刻未联系任何服务)"))
		}
		row(i18n.T("mode", "模式"), mode)
		row(i18n.T("key", "密钥"), r.MaskedKey)
		if r.Region != "" {
			row(i18n.T("region", "地域"), r.Region+c.say(i18n.T(" (the wizard's default)", "(向导的默认值)")))
		}
		row(i18n.T("project", "项目"), r.ProjectID)
	}
	if len(r.Looked) > 0 {
		label := i18n.T("looked at before:", "此前查找过:")
		if !r.Found {
			label = i18n.T("looked at:", "已查找:")
		}
		fmt.Fprintln(c.stdout, "  "+c.say(label))
		for _, l := range r.Looked {
			fmt.Fprintln(c.stdout, "    - "+l)
		}
	}
	if r.Check != nil {
		fmt.Fprintln(c.stdout, "  "+c.say(i18n.T("check:", "检查:")))
		for _, l := range r.Check.said {
			fmt.Fprintln(c.stdout, "    "+c.say(l))
		}
	}
}

// checkCredential resolves one cloud's credential and, for Alibaba Cloud, asks STS who it is.
func checkCredential(c *cli, st config.CredentialStatus, opts CredentialsOptions) *checkReport {
	ctx, cancel := context.WithTimeout(context.Background(), 3*opts.Timeout)
	defer cancel()
	r := &checkReport{}
	fail := func(err error) *checkReport {
		r.kind = providers.KindOf(err)
		t := i18n.TextOf(err)
		r.Error = c.say(t)
		r.said = append(r.said, i18n.Tf("failed: %s", "失败:%s", t))
		return r
	}
	switch st.CloudID {
	case "alibaba":
		gate, stsEndpoint, err := credentialServicesFrom(c.getenv)
		if err != nil {
			return fail(err)
		}
		chain := &alibaba.Chain{Plan: func() (config.AlibabaPlan, error) { return config.AlibabaCredentialPlan(c.getenv, opts.Profile) },
			Gate: gate, Timeout: opts.Timeout}
		k, err := chain.Resolve(ctx)
		if err != nil {
			return fail(err)
		}
		r.MaskedKey, r.Temporary = k.MaskedKey(), !k.SecurityToken.IsZero()
		resolved := i18n.Tf("resolved: key %s", "已解析:密钥 %s", r.MaskedKey)
		if r.Temporary {
			resolved = i18n.Tf("resolved: temporary key %s with a security token", "已解析:临时密钥 %s(带安全令牌)", r.MaskedKey)
		}
		r.said = append(r.said, resolved)
		id, err := alibaba.CallerIdentity(ctx, k, stsEndpoint, opts.Timeout)
		if err != nil {
			return fail(err)
		}
		r.OK, r.Caller = true, &id
		r.said = append(r.said, i18n.Tf("caller: %s (%s, account %s)", "调用者:%s(%s,账号 %s)", id.Arn, id.IdentityType, id.AccountID))
	case "huawei":
		r.MaskedKey, r.Temporary = st.MaskedKey, st.Mode == config.HuaweiModeTemporary
		if st.Network {
			gate, _, err := credentialServicesFrom(c.getenv)
			if err != nil {
				return fail(err)
			}
			chain := &huawei.Chain{Plan: func() (config.HuaweiPlan, error) { return config.HuaweiCredentialPlan(c.getenv, opts.Profile) },
				Getenv: c.getenv, Timeout: opts.Timeout, Gate: gate}
			k, err := chain.Resolve(ctx)
			if err != nil {
				return fail(err)
			}
			r.MaskedKey, r.Temporary = k.MaskedKey(), true
			r.said = append(r.said, i18n.Tf("resolved: temporary key %s with a security token (%s)",
				"已解析:临时密钥 %s(带安全令牌,%s)", r.MaskedKey, st.Mode))
		}
		note := i18n.T("Huawei Cloud has no caller-identity API for an AK/SK: the key is used as it is",
			"华为云没有针对 AK/SK 的调用者身份接口:密钥按原样使用")
		r.OK, r.Note = true, c.say(note)
		r.said = append(r.said, note)
	}
	return r
}
