package huawei

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cloudorder/config"
	"cloudorder/providers"
	"cloudorder/providers/credgate"
	"cloudorder/providers/providertest"
	"cloudorder/providers/sandbox"
)

// federated points a provider at the sandbox with a federation credential: the IdP's ID token
// in a file, the sandbox as the IAM endpoint.
func federated(t *testing.T, idp string) (*sandbox.Server, *Provider) {
	t.Helper()
	s, ep := providertest.Sandbox(t)
	token := filepath.Join(t.TempDir(), "id-token")
	if err := os.WriteFile(token, []byte("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"HOME": t.TempDir(), "HUAWEICLOUD_SDK_IDP_ID": idp, "HUAWEICLOUD_SDK_ID_TOKEN_FILE": token,
		"HUAWEICLOUD_SDK_PROJECT_ID": sandbox.ProjectID, "HUAWEICLOUD_SDK_IAM_ENDPOINT": s.URL()}
	getenv := func(k string) string { return env[k] }
	chain := &Chain{Plan: func() (config.HuaweiPlan, error) { return config.HuaweiCredentialPlan(getenv, "") }, Getenv: getenv}
	return s, New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, UserAgent: "cloudorder/test", Chain: chain})
}

// IdP federation: the SDK's federal accessor trades the ID token with the sandbox's IAM for a
// temporary AK/SK, which signs the order with its security token.
func TestFederationSignsTheOrderWithTheIssuedKey(t *testing.T) {
	s, p := federated(t, sandbox.HuaweiIdpID)
	o := loadOrder(t, "huawei-dsc.json")
	if tg := p.Target(o.API, o.Region); !strings.Contains(tg.Credential, "IdP federation") || tg.MaskedKey != "" || len(s.IssuedHuaweiKeys()) != 0 {
		t.Fatalf("target %+v (issued %v): Target must not exchange anything", tg, s.IssuedHuaweiKeys())
	}
	if _, err := p.Submit(context.Background(), o); err != nil {
		t.Fatalf("submit: %v", err)
	}
	keys := s.IssuedHuaweiKeys()
	if len(s.Orders()) != 1 || len(keys) != 1 || keys[0].Used == 0 {
		t.Fatalf("orders %d, issued %+v", len(s.Orders()), keys)
	}
}

// An identity provider the account does not have is refused by IAM; the refusal is shown and
// nothing is ordered.
func TestFederationWithAWrongIdPIsRefused(t *testing.T) {
	s, p := federated(t, "someone-elses-idp")
	_, err := p.Submit(context.Background(), loadOrder(t, "huawei-dsc.json"))
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.Invalid || !strings.Contains(err.Error(), "someone-elses-idp") || len(s.Orders()) != 0 {
		t.Fatalf("err = %v", err)
	}
}

// agencyInstance points a provider at the sandbox with the ECS agency turned on: the gate
// sends the metadata address to the sandbox and refuses anything that is not loopback.
func agencyInstance(t *testing.T) (*sandbox.Server, *Provider, *Chain) {
	t.Helper()
	s, ep := providertest.Sandbox(t)
	env := map[string]string{"HOME": t.TempDir(), config.HuaweiMetadataEnv: "true", "HUAWEICLOUD_SDK_PROJECT_ID": sandbox.ProjectID}
	getenv := func(k string) string { return env[k] }
	chain := &Chain{Plan: func() (config.HuaweiPlan, error) { return config.HuaweiCredentialPlan(getenv, "") }, Getenv: getenv,
		Gate: credgate.Options{Routes: sandbox.CredentialRoutes(s.URL()), LoopbackOnly: true}}
	return s, New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, UserAgent: "cloudorder/test", Chain: chain}), chain
}

// ECS agency: the metadata service (the sandbox's, through the credential gate) gives the
// agency's temporary AK/SK for a metadata token; it signs the order with its security token.
func TestECSAgencySignsTheOrderWithTheIssuedKey(t *testing.T) {
	s, p, _ := agencyInstance(t)
	o := loadOrder(t, "huawei-dsc.json")
	if tg := p.Target(o.API, o.Region); !strings.Contains(tg.Credential, config.HuaweiMetadataEnv) || tg.MaskedKey != "" || len(s.IssuedHuaweiKeys()) != 0 {
		t.Fatalf("target %+v (issued %v): Target must not ask the metadata service", tg, s.IssuedHuaweiKeys())
	}
	if _, err := p.Submit(context.Background(), o); err != nil {
		t.Fatalf("submit: %v", err)
	}
	keys := s.IssuedHuaweiKeys()
	if len(s.Orders()) != 1 || len(keys) != 1 || keys[0].Used == 0 || keys[0].Arn != "agency:"+sandbox.HuaweiECSAgency {
		t.Fatalf("orders %d, issued %+v", len(s.Orders()), keys)
	}
}

// Without a route to the sandbox, the gate refuses the metadata address (not loopback): the
// failure says nothing was sent, and nothing left the machine.
func TestECSAgencyNeverLeavesLoopback(t *testing.T) {
	s, _, chain := agencyInstance(t)
	chain.Gate.Routes = nil
	_, err := chain.Resolve(context.Background())
	if providers.KindOf(err) != providers.NotSent || !strings.Contains(err.Error(), "not on this machine") || len(s.IssuedHuaweiKeys()) != 0 {
		t.Fatalf("err = %v", err)
	}
}
