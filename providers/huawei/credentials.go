package huawei

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	hwconfig "github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/impl"

	"cloudorder/config"
	"cloudorder/providers"
	"cloudorder/providers/credgate"
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
	// Gate says where the metadata service's requests may go (tests route 169.254.169.254
	// to the sandbox).
	Gate credgate.Options

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
	resolve := c.federate
	if plan.Mode == config.HuaweiModeMetadata {
		resolve = c.agency
	}
	k, err := resolve(ctx, plan)
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

// metadataService is the Huawei ECS metadata service (the SDK's core/auth/internal
// metadata_accessor.go).
const metadataService = "http://169.254.169.254"

// agency asks the ECS metadata service for the instance agency's temporary AK/SK, as the
// SDK's MetadataCredentialProvider does: a token (PUT /meta-data/latest/api/token), then the
// key (GET /openstack/latest/securitykey with X-Metadata-Token). Written here rather than
// called: the SDK's accessor is in an internal package with its own http.Client and a fixed
// address, so its requests could go through neither the project's transport nor the
// credential gate, nor be pointed at the sandbox in tests.
func (c *Chain) agency(ctx context.Context, plan config.HuaweiPlan) (config.HuaweiCredential, error) {
	what := "resolve the Huawei Cloud credential (ECS agency, instance metadata service)"
	gate, ctx, stop, err := credgate.StartResolution(ctx, c.Gate, c.Timeout)
	if err != nil {
		return config.HuaweiCredential{}, &providers.Error{Kind: providers.NotSent, Message: what + ": " + err.Error() + " (the order was not sent)", Err: err}
	}
	defer stop()
	proxy, _ := url.Parse(gate.URL())
	client := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(proxy)}, Timeout: gate.Timeout(),
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	do := func(method, path string, header map[string]string) (int, []byte, error) {
		req, err := http.NewRequestWithContext(ctx, method, metadataService+path, nil)
		if err != nil {
			return 0, nil, err
		}
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := client.Do(req)
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		return resp.StatusCode, body, err
	}
	failed := func(err error) error {
		kind := providers.Invalid
		if gerr := gate.Err(); gerr != nil {
			kind, err = providers.NotSent, errors.Join(err, gerr)
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			kind = providers.NotSent
		}
		return &providers.Error{Kind: kind, Message: what + ": " + err.Error() + " (the order was not sent)", Err: err}
	}
	status, token, err := do(http.MethodPut, "/meta-data/latest/api/token", map[string]string{"X-Metadata-Token-Ttl-Seconds": strconv.Itoa(6 * 60 * 60)})
	if err != nil {
		return config.HuaweiCredential{}, failed(err)
	}
	header := map[string]string{}
	switch {
	case status == http.StatusOK:
		header["X-Metadata-Token"] = string(token)
	case status != http.StatusNotFound && status != http.StatusMethodNotAllowed && status != http.StatusServiceUnavailable:
		return config.HuaweiCredential{}, failed(fmt.Errorf("the metadata token: HTTP %d %s", status, providers.Printable(string(token))))
	}
	status, body, err := do(http.MethodGet, "/openstack/latest/securitykey", header)
	if err != nil {
		return config.HuaweiCredential{}, failed(err)
	}
	if status != http.StatusOK {
		return config.HuaweiCredential{}, failed(fmt.Errorf("HTTP %d %s (is an agency attached to the instance?)", status, providers.Printable(string(body))))
	}
	var answer struct {
		Credential struct{ Access, Secret, SecurityToken string } `json:"credential"`
	}
	if err := json.Unmarshal(body, &answer); err != nil || answer.Credential.Access == "" || answer.Credential.Secret == "" {
		return config.HuaweiCredential{}, failed(errors.New("the answer holds no credential"))
	}
	k := answer.Credential
	return config.HuaweiCredential{AK: k.Access, SK: config.NewSecret(k.Secret), SecurityToken: config.NewSecret(k.SecurityToken),
		ProjectID: plan.Key.ProjectID, DomainID: plan.Key.DomainID, Source: plan.Source, Mode: plan.Mode}, nil
}
