package huawei

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	hwconfig "github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/impl"

	"cloudorder/config"
	"cloudorder/providers"
	"cloudorder/providers/transport"
)

// Chain is the person's Huawei credential: found without any network call (Plan, for Target
// and `credentials`) and, for IdP federation, exchanged with IAM only when a request needs
// the key (Resolve). The exchange is the SDK's own (core/auth: the federal accessor trades
// the ID token for an unscoped token, then for a temporary AK/SK with a security token), run
// on an SDK HTTP client whose round tripper is the project's (transport.Call: the
// context, the environment's proxy, no redirect), to the IAM endpoint after the endpoint gate.
type Chain struct {
	Plan    func() (config.HuaweiPlan, error)
	Getenv  func(string) string // HUAWEICLOUD_SDK_IAM_ENDPOINT; nil = no override
	Timeout time.Duration       // the exchange; 0 = 10s

	mu     sync.Mutex
	cached config.HuaweiCredential
	until  time.Time
}

// defaultIAMEndpoint is where the SDK sends the exchange when nothing names another
// (core/auth/internal/iam_endpoint.go).
const defaultIAMEndpoint = "https://iam.myhuaweicloud.com"

// Resolve returns the AK/SK to sign with.
func (c *Chain) Resolve(ctx context.Context) (config.HuaweiCredential, error) {
	plan, err := c.Plan()
	if err != nil {
		return config.HuaweiCredential{}, err
	}
	if !plan.Network() {
		return plan.Key, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cached.AK != "" && time.Now().Before(c.until) && c.cached.Source == plan.Source {
		return c.cached, nil
	}
	k, err := c.federate(ctx, plan)
	if err != nil {
		return config.HuaweiCredential{}, err
	}
	c.cached, c.until = k, time.Now().Add(10*time.Minute) // the SDK asks for 15-minute keys
	return k, nil
}

// Cached is the last resolved credential, for scrubbing an error's text (no exchange).
func (c *Chain) Cached() config.HuaweiCredential {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cached
}

func (c *Chain) federate(ctx context.Context, plan config.HuaweiPlan) (config.HuaweiCredential, error) {
	what := fmt.Sprintf("resolve the Huawei Cloud credential (%s, %s)", plan.Mode, plan.Source)
	iam := plan.IAMEndpoint
	if iam == "" && c.Getenv != nil {
		iam = c.Getenv("HUAWEICLOUD_SDK_IAM_ENDPOINT")
	}
	if iam == "" {
		iam = defaultIAMEndpoint
	}
	ep, err := config.CheckEndpoint("the IAM endpoint for federation", iam)
	if err != nil {
		return config.HuaweiCredential{}, &providers.Error{Kind: providers.Invalid, Message: what + ": " + err.Error(), Err: err}
	}
	if err := config.CheckCredentialFile(plan.IDTokenFile); err != nil {
		return config.HuaweiCredential{}, &providers.Error{Kind: providers.Invalid, Message: what + ": id_token_file: " + err.Error(), Err: err}
	}
	creds, err := basic.NewCredentialsBuilder().WithIdpId(plan.IdpID).WithIdTokenFile(plan.IDTokenFile).
		WithIamEndpointOverride(ep.String()).WithProjectId(plan.Key.ProjectID).SafeBuild()
	if err != nil {
		return config.HuaweiCredential{}, &providers.Error{Kind: providers.Invalid, Message: what + ": " + err.Error(), Err: err}
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	tr := transport.NewCall(ctx, timeout)
	client := impl.NewDefaultHttpClient(hwconfig.DefaultHttpConfig().WithTimeout(timeout).WithHttpRoundTripper(tr))
	if err := creds.ProcessSts(client); err != nil {
		kind := providers.Invalid // IAM answered: the IdP or the token was refused
		if tr.Reach() < transport.MaybeSent {
			kind = providers.NotSent
		}
		return config.HuaweiCredential{}, &providers.Error{Kind: kind, Message: what + ": " + err.Error() + " (the order was not sent)", Err: err}
	}
	return config.HuaweiCredential{AK: creds.AK, SK: config.NewSecret(creds.SK), SecurityToken: config.NewSecret(creds.SecurityToken),
		ProjectID: plan.Key.ProjectID, DomainID: plan.Key.DomainID, Source: plan.Source, Mode: plan.Mode}, nil
}
