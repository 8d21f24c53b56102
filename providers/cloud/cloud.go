// Package cloud opens the provider the command line and the wizard use: the real clouds or the
// in-process sandbox, always wrapped by the history journal.
package cloud

import (
	"fmt"
	"io"
	"os"
	"time"

	"cloudorder/catalog"
	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/alibaba"
	"cloudorder/providers/huawei"
	"cloudorder/providers/journal"
	"cloudorder/providers/sandbox"
)

// Options choose where orders go.
type Options struct {
	Mode        providers.Mode      // Live, Sandbox or DryRun ("" = Live)
	Endpoint    string              // --endpoint: replaces the API endpoint (scheme://host:port)
	Timeout     time.Duration       // --timeout: bound on the wait for the API's answer (0 = 30s)
	Getenv      func(string) string // environment (credentials, XDG paths); nil = os.Getenv
	HistoryPath string              // "" = $XDG_STATE_HOME/cloudorder/orders.jsonl
	// SandboxState is the in-process sandbox's order book file, kept across processes
	// (sandbox.Options.State; config.SandboxStatePath); "" keeps the book in memory.
	SandboxState string

	// Endpoints are per-API overrides from config.toml; Endpoint, when set, wins for every API.
	Endpoints map[flows.APIID]string
	// UserAgent names the tool to the clouds, e.g. "cloudorder/1.2.0" ("" = "cloudorder").
	UserAgent string
	// Profile is --profile: a named aliyun CLI profile / Huawei credentials-file section,
	// used instead of the environment ("" = the SDKs' usual order). See config.AlibabaProfile.
	Profile string
	// HuaweiSite is the Huawei account's site for prices and payment (huawei.SiteChina "",
	// huawei.SiteIntl, huawei.SiteEU).
	HuaweiSite string
}

// Open returns the provider for opts and a closer that stops anything it started (the
// in-process sandbox). The returned provider also implements providers.DuplicateFinder (the
// journal). Credentials are not read here but when an order or a look-up is
// sent, so the wizard can start without them; Target names what is missing.
func Open(opts Options) (providers.Provider, io.Closer, error) {
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "cloudorder"
	}
	if opts.HistoryPath == "" {
		opts.HistoryPath = config.HistoryPath(opts.Getenv)
	}
	if opts.Mode == "" {
		opts.Mode = providers.Live
	}
	var (
		r      providers.Provider
		closer io.Closer = nopCloser{}
		err    error
	)
	switch opts.Mode {
	case providers.Sandbox:
		if opts.Endpoint != "" {
			return nil, nil, i18n.Errorf("--sandbox starts its own emulator: it cannot be combined with --endpoint",
				"--sandbox 会启动内置模拟服务,不能与 --endpoint 同时使用")
		}
		var sr router
		sr, closer, err = openSandbox(opts)
		r = inProcess{sr}
	case providers.Live, providers.DryRun:
		r, err = openLive(opts)
		if err != nil {
			return nil, nil, err
		}
	default:
		return nil, nil, fmt.Errorf("unknown mode %q", opts.Mode)
	}
	if err != nil {
		return nil, nil, err
	}
	j := journal.New(r, opts.HistoryPath, catalog.Flows())
	if opts.Mode == providers.DryRun {
		return dryRun{j}, closer, nil
	}
	return j, closer, nil
}

// openLive routes each API to its cloud's SDK provider with the user's credentials. An
// endpoint override on this machine is probed once (probe.go): the cloudorder sandbox is Mode
// Sandbox (announced and journaled as such, and signed with its published keys), any other
// loopback endpoint Mode LocalEndpoint.
func openLive(opts Options) (router, error) {
	r := router{}
	probed := map[string]providers.Mode{}
	for _, a := range catalog.Flows() {
		api := a.ID
		c, ok := clouds[a.Cloud]
		if !ok {
			return nil, fmt.Errorf("%s: no provider for cloud %q", api, a.Cloud)
		}
		ep, err := endpointFor(opts, api)
		if err != nil {
			return nil, err
		}
		if ep != nil && opts.Mode == providers.Live {
			m, ok := probed[ep.String()]
			if !ok {
				m = probeMode(*ep)
				probed[ep.String()] = m
			}
			if m == providers.Sandbox {
				// Announced as "nothing is bought", so it gets the sandbox's published keys,
				// never the person's: a look-alike answering the probe must not collect
				// requests signed with real credentials.
				r[api] = c.sandbox(opts, *ep)
				continue
			}
			o := opts
			o.Mode = m // Live or LocalEndpoint: the person's credentials, as they chose
			r[api] = c.live(o, ep)
			continue
		}
		r[api] = c.live(opts, ep)
	}
	return r, nil
}

// cloud opens one cloud's SDK provider, which serves every API of that cloud.
type cloud struct {
	// live uses the user's credentials; ep nil = the SDK's own endpoints.
	live func(opts Options, ep *config.Endpoint) providers.Provider
	// sandbox uses the sandbox's published keys at ep.
	sandbox func(opts Options, ep config.Endpoint) providers.Provider
}

// clouds are the providers by flows.API.Cloud: the router sends each API to its cloud's.
var clouds = map[string]cloud{
	"alibaba": {
		live: func(opts Options, ep *config.Endpoint) providers.Provider {
			// Any aliyun CLI mode: described without a network call, resolved (STS, metadata,
			// sign-in) through the credential gate only when a request is sent.
			chain := &alibaba.Chain{Plan: func() (config.AlibabaPlan, error) { return config.AlibabaCredentialPlan(opts.Getenv, opts.Profile) },
				Timeout: min(opts.Timeout, 10*time.Second)}
			return alibaba.New(alibaba.Options{Mode: opts.Mode, Endpoint: ep, Timeout: opts.Timeout, UserAgent: opts.UserAgent, Chain: chain, APIs: catalog.Alibaba()})
		},
		sandbox: func(opts Options, ep config.Endpoint) providers.Provider {
			cred := config.AlibabaCredential{AccessKeyID: sandbox.AlibabaAccessKeyID,
				AccessKeySecret: config.NewSecret(sandbox.AlibabaAccessKeySecret), Source: providers.SandboxKeys}
			return alibaba.New(alibaba.Options{Mode: providers.Sandbox, Endpoint: &ep, Timeout: opts.Timeout, UserAgent: opts.UserAgent,
				Credential: func() (config.AlibabaCredential, error) { return cred, nil }, APIs: catalog.Alibaba()})
		},
	},
	"huawei": {
		live: func(opts Options, ep *config.Endpoint) providers.Provider {
			// AK/SK from the SDK's sources, or IdP federation exchanged with IAM when a request
			// is sent (never at start-up).
			chain := &huawei.Chain{Plan: func() (config.HuaweiPlan, error) { return config.HuaweiCredentialPlan(opts.Getenv, opts.Profile) },
				Getenv: opts.Getenv, Timeout: min(opts.Timeout, 10*time.Second)}
			return huawei.New(huawei.Options{Mode: opts.Mode, Endpoint: ep, Timeout: opts.Timeout, UserAgent: opts.UserAgent,
				Chain: chain, BSSSite: opts.HuaweiSite, APIs: catalog.Huawei()})
		},
		sandbox: func(opts Options, ep config.Endpoint) providers.Provider {
			cred := config.HuaweiCredential{AK: sandbox.HuaweiAK, SK: config.NewSecret(sandbox.HuaweiSK),
				ProjectID: sandbox.ProjectID, DomainID: sandbox.DomainID, Source: providers.SandboxKeys}
			return huawei.New(huawei.Options{Mode: providers.Sandbox, Endpoint: &ep, Timeout: opts.Timeout, UserAgent: opts.UserAgent,
				Credential: func() (config.HuaweiCredential, error) { return cred, nil }, APIs: catalog.Huawei()})
		},
	},
}

// endpointFor is --endpoint, else the API's config.toml override, else nil (the SDK's own,
// checked by the router when an order's region is known). Each passes the one endpoint gate.
func endpointFor(opts Options, api flows.APIID) (*config.Endpoint, error) {
	raw, source := opts.Endpoint, "--endpoint"
	if raw == "" {
		raw, source = opts.Endpoints[api], "config.toml [endpoints] "+string(api)
	}
	if raw == "" {
		return nil, nil
	}
	ep, err := config.CheckEndpoint(source, raw)
	if err != nil {
		return nil, err
	}
	return &ep, nil
}

// openSandbox starts the emulator on a free loopback port and points every API at it with the
// sandbox's published keys. The user's own credentials are never read, so a real key can never
// reach the sandbox (or its logs).
func openSandbox(opts Options) (router, io.Closer, error) {
	srv := sandbox.New(sandbox.Options{State: opts.SandboxState})
	if err := srv.Start("127.0.0.1:0"); err != nil {
		return nil, nil, fmt.Errorf("start the sandbox: %w", err)
	}
	ep, err := config.ParseEndpoint(srv.URL())
	if err != nil {
		_ = srv.Close()
		return nil, nil, fmt.Errorf("sandbox address: %w", err)
	}
	return sandboxRouter(opts, ep), srv, nil
}

// inProcess is the in-process sandbox's router: its targets say so (providers.Target.InProcess),
// so an order's identity does not change with the port it listens on this run.
type inProcess struct{ router }

func (p inProcess) Target(api flows.APIID, region string) providers.Target {
	t := p.router.Target(api, region)
	t.InProcess = true
	return t
}

// sandboxRouter points every API at the sandbox at ep with the sandbox's published keys: one
// provider per cloud, shared by that cloud's APIs.
func sandboxRouter(opts Options, ep config.Endpoint) router {
	r := router{}
	byCloud := map[string]providers.Provider{}
	for _, a := range catalog.Flows() {
		p, ok := byCloud[a.Cloud]
		if !ok {
			c, known := clouds[a.Cloud]
			if !known {
				continue // the router answers "no provider places … orders"
			}
			p = c.sandbox(opts, ep)
			byCloud[a.Cloud] = p
		}
		r[a.ID] = p
	}
	return r
}

type nopCloser struct{}

func (nopCloser) Close() error { return nil }
