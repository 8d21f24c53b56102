package alibaba

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	cproviders "github.com/aliyun/credentials-go/credentials/providers"

	"cloudorder/config"
	"cloudorder/providers"
	"cloudorder/providers/credgate"
)

// Chain is the person's Alibaba credential: found without any network call (Plan, for the
// first screen, Target and `credentials`) and resolved only when a request needs the key
// (Resolve), by credentials-go's provider for the plan's mode.
//
// cloudorder builds the mode's provider itself rather than through credentials-go's
// CLIProfileCredentialsProvider: that one builds its STS, metadata and sign-in providers with
// no HttpOptions, so their requests could not be sent through the credential gate (no proxy
// URL, no endpoint check, redirects followed), and it reads the file unbounded. The providers
// themselves — the STS AssumeRole/AssumeRoleWithOIDC calls, the metadata service's IMDSv2
// exchange, CloudSSO's sign-in, the credentials URI — are credentials-go's; the External
// mode's process is run by external.go, which says why. OAuth goes through the CLI profile
// provider after all: its refreshed tokens must be written back to the CLI's config.json,
// which only that provider does (atomically, by rename: nothing cloudorder holds open stands
// in its way); its requests use the environment's proxy.
type Chain struct {
	Plan func() (config.AlibabaPlan, error)
	// Gate says where resolution's requests may go (tests route them to the sandbox).
	Gate    credgate.Options
	Timeout time.Duration // each credential request; 0 = 10s

	mu     sync.Mutex
	cached config.AlibabaCredential
	until  time.Time
}

// cacheFor is how long a resolved temporary key is reused: STS keys live at least 15 minutes
// (DurationSeconds ≥ 900), and credentials-go does not say when one ends.
const cacheFor = 10 * time.Minute

// Resolve returns the key to sign with. Static keys come straight from the plan; the other
// modes ask their service through a credential gate bound to ctx.
func (c *Chain) Resolve(ctx context.Context) (config.AlibabaCredential, error) {
	plan, err := c.Plan()
	if err != nil {
		return config.AlibabaCredential{}, err
	}
	if !plan.Network() {
		k := plan.Key
		k.Region, k.Source, k.Mode = plan.Region, plan.Source, plan.Mode
		return k, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cached.AccessKeyID != "" && time.Now().Before(c.until) && c.cached.Source == plan.Source {
		return c.cached, nil
	}
	k, err := c.resolve(ctx, plan)
	if err != nil {
		return config.AlibabaCredential{}, err
	}
	c.cached, c.until = k, time.Now().Add(cacheFor)
	return k, nil
}

func (c *Chain) resolve(ctx context.Context, plan config.AlibabaPlan) (config.AlibabaCredential, error) {
	gate, ctx, stop, err := credgate.StartResolution(ctx, c.Gate, c.Timeout)
	if err != nil {
		return config.AlibabaCredential{}, notSent(plan, err)
	}
	defer stop()
	p, err := buildProvider(plan, httpOptionsFor(gate, gate.Timeout()))
	if err != nil {
		return config.AlibabaCredential{}, &providers.Error{Kind: providers.Invalid, Message: describe(plan) + ": " + err.Error(), Err: err}
	}
	type answer struct {
		cc  *cproviders.Credentials
		err error
	}
	done := make(chan answer, 1)
	go func() {
		cc, err := p.GetCredentials()
		done <- answer{cc, err}
	}()
	var a answer
	select {
	case a = <-done:
	case <-ctx.Done():
		return config.AlibabaCredential{}, notSent(plan, context.Cause(ctx))
	}
	if a.err != nil {
		return config.AlibabaCredential{}, classifyCredential(plan, a.err, gate.Err())
	}
	return config.AlibabaCredential{AccessKeyID: a.cc.AccessKeyId, AccessKeySecret: config.NewSecret(a.cc.AccessKeySecret),
		SecurityToken: config.NewSecret(a.cc.SecurityToken), Region: plan.Region, Source: plan.Source, Mode: plan.Mode}, nil
}

// httpOptionsFor sends a provider's requests through gate, each bounded by timeout.
func httpOptionsFor(gate *credgate.Gate, timeout time.Duration) *cproviders.HttpOptions {
	ms := int(timeout / time.Millisecond)
	return &cproviders.HttpOptions{Proxy: gate.URL(), ConnectTimeout: ms, ReadTimeout: ms}
}

func httpOptions(gate *credgate.Gate) *cproviders.HttpOptions {
	return httpOptionsFor(gate, 10*time.Second)
}

// buildProvider is credentials-go's provider for the plan's mode, its requests through http.
func buildProvider(plan config.AlibabaPlan, http *cproviders.HttpOptions) (cproviders.CredentialsProvider, error) {
	pr := plan.Profile
	switch plan.Mode {
	case config.ModeAK, config.ModeStsToken:
		if plan.Key.SecurityToken.IsZero() {
			return cproviders.NewStaticAKCredentialsProviderBuilder().WithAccessKeyId(plan.Key.AccessKeyID).
				WithAccessKeySecret(plan.Key.AccessKeySecret.Reveal()).Build()
		}
		return cproviders.NewStaticSTSCredentialsProviderBuilder().WithAccessKeyId(plan.Key.AccessKeyID).
			WithAccessKeySecret(plan.Key.AccessKeySecret.Reveal()).WithSecurityToken(plan.Key.SecurityToken.Reveal()).Build()
	case config.ModeRamRoleArn, config.ModeChainableRamRoleArn:
		var prev cproviders.CredentialsProvider
		var err error
		if plan.Base != nil {
			prev, err = buildProvider(*plan.Base, http)
		} else {
			prev, err = cproviders.NewStaticAKCredentialsProviderBuilder().WithAccessKeyId(plan.Key.AccessKeyID).
				WithAccessKeySecret(plan.Key.AccessKeySecret.Reveal()).Build()
		}
		if err != nil {
			return nil, err
		}
		return cproviders.NewRAMRoleARNCredentialsProviderBuilder().WithCredentialsProvider(prev).
			WithRoleArn(pr.RamRoleArn).WithRoleSessionName(sessionName(pr.RamSessionName)).WithDurationSeconds(pr.ExpiredSeconds).
			WithStsRegionId(pr.StsRegion).WithEnableVpc(pr.EnableVpc).WithPolicy(pr.Policy).WithExternalId(pr.ExternalID).
			WithHttpOptions(http).Build()
	case config.ModeEcsRamRole:
		return cproviders.NewECSRAMRoleCredentialsProviderBuilder().WithRoleName(pr.RamRoleName).WithHttpOptions(http).Build()
	case config.ModeOIDC:
		if err := config.CheckCredentialFile(pr.OIDCTokenFile); err != nil {
			return nil, fmt.Errorf("oidc_token_file: %w", err)
		}
		return cproviders.NewOIDCCredentialsProviderBuilder().WithOIDCProviderARN(pr.OIDCProviderArn).
			WithOIDCTokenFilePath(pr.OIDCTokenFile).WithRoleArn(pr.RamRoleArn).WithRoleSessionName(sessionName(pr.RamSessionName)).
			WithDurationSeconds(pr.ExpiredSeconds).WithStsRegionId(pr.StsRegion).WithEnableVpc(pr.EnableVpc).WithPolicy(pr.Policy).
			WithHttpOptions(http).Build()
	case config.ModeCloudSSO:
		if plan.CachedSTSValid(time.Now()) {
			return cproviders.NewStaticSTSCredentialsProviderBuilder().WithAccessKeyId(pr.AccessKeyID).
				WithAccessKeySecret(pr.AccessKeySecret).WithSecurityToken(pr.StsToken).Build()
		}
		return cproviders.NewCloudSSOCredentialsProviderBuilder().WithSignInUrl(pr.CloudSSOSignInURL).
			WithAccountId(pr.CloudSSOAccountID).WithAccessConfig(pr.CloudSSOAccessConfig).
			WithAccessToken(pr.AccessToken).WithAccessTokenExpire(pr.CloudSSOAccessExpire).WithHttpOptions(http).Build()
	case config.ModeOAuth:
		if !strings.EqualFold(pr.Mode, "OAuth") || plan.ConfigFile == "" {
			return nil, errors.New("an OAuth profile must be in the aliyun CLI config")
		}
		// The provider reads config.json again by path, unbounded: it must still be the
		// regular file within the bound that the plan was read from.
		if err := config.CheckCredentialFile(plan.ConfigFile); err != nil {
			return nil, err
		}
		// credentials-go matches the mode's spelling exactly; the CLI writes "OAuth".
		return cproviders.NewCLIProfileCredentialsProviderBuilder().WithProfileFile(plan.ConfigFile).WithProfileName(pr.Name).Build()
	case config.ModeExternal:
		return externalProvider{command: pr.ProcessCommand, timeout: time.Duration(http.ReadTimeout) * time.Millisecond}, nil
	case config.ModeCredentialsURI:
		return cproviders.NewURLCredentialsProviderBuilder().WithUrl(plan.URI).WithHttpOptions(http).Build()
	}
	return nil, fmt.Errorf("mode %s has no provider", plan.Mode)
}

// sessionName is the role session's name: the profile's, else one that names the tool (the
// providers would make up "credentials-go-<time>").
func sessionName(n string) string {
	if n != "" {
		return n
	}
	return fmt.Sprintf("cloudorder-%d", time.Now().Unix())
}

func describe(plan config.AlibabaPlan) string {
	return fmt.Sprintf("resolve the Alibaba Cloud credential (mode %s, %s)", plan.Mode, plan.Source)
}

func notSent(plan config.AlibabaPlan, err error) error {
	return &providers.Error{Kind: providers.NotSent, Message: describe(plan) + ": " + err.Error() + " (the order was not sent)", Err: err}
}

// classifyCredential words a provider's failure like a look-up's: a service's refusal (its
// Code, Message and RequestId, which credentials-go puts in the error's text) is Invalid, a
// refused destination or a connection that never reached anyone is NotSent. Either way the
// order itself was never sent.
func classifyCredential(plan config.AlibabaPlan, err, gateErr error) error {
	msg := err.Error()
	if i := strings.Index(msg, "{"); i >= 0 {
		var body struct{ Code, Message, RequestId string }
		if json.Unmarshal([]byte(msg[i:]), &body) == nil && body.Code != "" {
			return &providers.Error{Kind: providers.Invalid, Code: body.Code, RequestID: body.RequestId,
				Message: describe(plan) + ": the credential service refused: " + body.Message, Err: err}
		}
	}
	if gateErr != nil {
		return &providers.Error{Kind: providers.NotSent, Message: describe(plan) + ": " + gateErr.Error() + " (the order was not sent)", Err: err}
	}
	return &providers.Error{Kind: providers.Invalid, Message: describe(plan) + ": " + msg, Err: err}
}
