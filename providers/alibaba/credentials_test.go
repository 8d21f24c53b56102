package alibaba

import (
	"context"
	"errors"
	"fmt"
	"net"
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

// TestMain trusts the sandbox's authority for the credential services' host names before any
// TLS is done in this process (Go reads SSL_CERT_FILE once), so credentials-go's own https
// requests to sts.aliyuncs.com can be answered by the sandbox through the credential gate.
func TestMain(m *testing.M) {
	if os.Getenv(oauthChildEnv) != "" { // the parent's authority, which its gate signs with
		os.Exit(m.Run())
	}
	pem, err := sandbox.CredentialCAPEM()
	if err != nil {
		panic(err)
	}
	dir, err := os.MkdirTemp("", "cloudorder-ca")
	if err != nil {
		panic(err)
	}
	ca := filepath.Join(dir, "sandbox-ca.pem")
	if err := os.WriteFile(ca, pem, 0o600); err != nil {
		panic(err)
	}
	os.Setenv("SSL_CERT_FILE", ca)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// credSandbox starts a sandbox and returns it with gate options that send the credential
// services' hosts to it and refuse anything that is not loopback.
func credSandbox(t *testing.T) (*sandbox.Server, config.Endpoint, credgate.Options) {
	t.Helper()
	s, ep := providertest.Sandbox(t)
	tlsCfg, err := sandbox.CredentialTLS()
	if err != nil {
		t.Fatal(err)
	}
	return s, ep, credgate.Options{Routes: sandbox.CredentialRoutes(s.URL(), "cn-hangzhou"), TLS: tlsCfg, LoopbackOnly: true}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

func envMap(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// A profile in each network mode is resolved by credentials-go against the sandbox's STS or
// metadata service; the temporary key it issued signs the order, with its security token.
func TestEveryNetworkModeSignsTheOrderWithTheIssuedKey(t *testing.T) {
	tokenFile := filepath.Join(t.TempDir(), "oidc-token")
	writeFile(t, tokenFile, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl")
	profiles := map[string]string{
		"role": fmt.Sprintf(`{"name":"role","mode":"ramrolearn","access_key_id":%q,"access_key_secret":%q,"ram_role_arn":%q,"ram_session_name":"ops","region_id":"cn-hangzhou"}`,
			sandbox.AlibabaRoleBaseKeyID, sandbox.AlibabaRoleBaseSecret, sandbox.AlibabaRoleArn),
		"chain":        fmt.Sprintf(`{"name":"chain","mode":"ChainableRamRoleArn","source_profile":"role","ram_role_arn":%q,"sts_region":"cn-hangzhou"}`, sandbox.AlibabaRoleArn),
		"ecs":          fmt.Sprintf(`{"name":"ecs","mode":"EcsRamRole","ram_role_name":%q}`, sandbox.AlibabaECSRoleName),
		"ecs-discover": `{"name":"ecs-discover","mode":"ecsramrole"}`,
		"oidc": fmt.Sprintf(`{"name":"oidc","mode":"OIDC","oidc_provider_arn":%q,"oidc_token_file":%q,"ram_role_arn":%q}`,
			sandbox.AlibabaOIDCProviderArn, tokenFile, sandbox.AlibabaRoleArn),
	}
	home := t.TempDir()
	var list []string
	for _, p := range profiles {
		list = append(list, p)
	}
	writeFile(t, filepath.Join(home, ".aliyun", "config.json"), `{"current":"role","profiles":[`+strings.Join(list, ",")+`]}`)
	for name := range profiles {
		t.Run(name, func(t *testing.T) {
			s, ep, gate := credSandbox(t)
			plan := func() (config.AlibabaPlan, error) {
				return config.AlibabaCredentialPlan(envMap(map[string]string{"HOME": home}), name)
			}
			p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, Chain: &Chain{Plan: plan, Gate: gate}})
			if tg := p.Target(order.API, order.Region); tg.MaskedKey != "" && name != "role" && name != "chain" || !strings.Contains(tg.Credential, "mode ") {
				t.Errorf("target %+v", tg)
			}
			if len(s.IssuedAlibabaKeys()) != 0 {
				t.Fatal("Target resolved the credential: it must not contact anything")
			}
			if _, err := p.Submit(context.Background(), order); err != nil {
				t.Fatalf("submit: %v", err)
			}
			keys := s.IssuedAlibabaKeys()
			used := 0
			for _, k := range keys {
				used += k.Used
			}
			if len(s.Orders()) != 1 || len(keys) == 0 || used == 0 {
				t.Fatalf("orders %d, issued %+v", len(s.Orders()), keys)
			}
		})
	}
}

// A role the account does not have is refused by the sandbox's STS, and the refusal is shown
// with its code: nothing is ordered.
func TestWrongRoleIsRefusedAndShown(t *testing.T) {
	s, ep, gate := credSandbox(t)
	home := t.TempDir()
	writeFile(t, filepath.Join(home, ".aliyun", "config.json"), fmt.Sprintf(`{"current":"r","profiles":[{"name":"r","mode":"RamRoleArn","access_key_id":%q,"access_key_secret":%q,"ram_role_arn":"acs:ram::1:role/not-there"}]}`,
		sandbox.AlibabaRoleBaseKeyID, sandbox.AlibabaRoleBaseSecret))
	plan := func() (config.AlibabaPlan, error) {
		return config.AlibabaCredentialPlan(envMap(map[string]string{"HOME": home}), "")
	}
	p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, Chain: &Chain{Plan: plan, Gate: gate}})
	_, err := p.Submit(context.Background(), order)
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.Invalid || pe.Code != "EntityNotExist.Role" || pe.RequestID == "" || !strings.Contains(pe.Message, "not-there") {
		t.Fatalf("err = %#v", err)
	}
	if len(s.Orders()) != 0 {
		t.Error("an order was placed")
	}
	if strings.Contains(err.Error(), sandbox.AlibabaRoleBaseSecret) {
		t.Error("the secret is in the error")
	}
}

// The role's base key may only assume roles: an order signed with it is refused.
func TestRoleBaseKeyCannotOrder(t *testing.T) {
	s, ep, _ := credSandbox(t)
	p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, Credential: func() (config.AlibabaCredential, error) {
		return config.AlibabaCredential{AccessKeyID: sandbox.AlibabaRoleBaseKeyID, AccessKeySecret: config.NewSecret(sandbox.AlibabaRoleBaseSecret)}, nil
	}})
	_, err := p.Submit(context.Background(), order)
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.Rejected || pe.Code != "Forbidden.RAM" || len(s.Orders()) != 0 {
		t.Fatalf("err = %#v", err)
	}
}

// An issued key without its security token is refused: the token has to travel.
func TestTemporaryKeyWithoutTokenIsRefused(t *testing.T) {
	s, ep, gate := credSandbox(t)
	env := envMap(map[string]string{"HOME": t.TempDir(), "ALIBABA_CLOUD_ECS_METADATA": sandbox.AlibabaECSRoleName})
	chain := &Chain{Plan: func() (config.AlibabaPlan, error) { return config.AlibabaCredentialPlan(env, "") }, Gate: gate}
	k, err := chain.Resolve(context.Background())
	if err != nil || !strings.HasPrefix(k.AccessKeyID, "STS.") || k.SecurityToken.IsZero() || k.Mode != config.ModeEcsRamRole {
		t.Fatalf("resolve: %+v %v", k, err)
	}
	k.SecurityToken = config.Secret{}
	p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, Credential: func() (config.AlibabaCredential, error) { return k, nil }})
	_, err = p.Submit(context.Background(), order)
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Code != "InvalidSecurityToken.Missing" || len(s.Orders()) != 0 {
		t.Fatalf("err = %#v", err)
	}
}

// Nothing a credential provider asks for leaves loopback: the gate refuses every other
// destination, and an unrouted STS host (a region the routes do not name) is refused, not
// reached.
func TestCredentialRequestsNeverLeaveLoopback(t *testing.T) {
	_, _, gate := credSandbox(t)
	home := t.TempDir()
	writeFile(t, filepath.Join(home, ".aliyun", "config.json"), fmt.Sprintf(`{"current":"r","profiles":[{"name":"r","mode":"RamRoleArn","access_key_id":%q,"access_key_secret":%q,"ram_role_arn":%q,"sts_region":"eu-central-1"}]}`,
		sandbox.AlibabaRoleBaseKeyID, sandbox.AlibabaRoleBaseSecret, sandbox.AlibabaRoleArn))
	plan, err := config.AlibabaCredentialPlan(envMap(map[string]string{"HOME": home}), "")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	g, err := credgate.Start(ctx, gate)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	gate.Routes = nil
	c := &Chain{Plan: func() (config.AlibabaPlan, error) { return plan, nil }, Gate: gate}
	_, err = c.Resolve(ctx)
	if providers.KindOf(err) != providers.NotSent || !strings.Contains(err.Error(), "not on this machine") {
		t.Fatalf("err = %v", err)
	}
	// The routed case: every destination the gate reached is on this machine.
	_, _, routed := credSandbox(t)
	g2, err := credgate.Start(ctx, routed)
	if err != nil {
		t.Fatal(err)
	}
	defer g2.Close()
	env := envMap(map[string]string{"HOME": t.TempDir(), "ALIBABA_CLOUD_ECS_METADATA": sandbox.AlibabaECSRoleName})
	plan2, _ := config.AlibabaCredentialPlan(env, "")
	p, err := buildProvider(plan2, httpOptions(g2))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.GetCredentials(); err != nil {
		t.Fatal(err)
	}
	reached := g2.Reached()
	if len(reached) == 0 {
		t.Fatal("the provider did not go through the gate")
	}
	for _, d := range reached {
		host, _, _ := net.SplitHostPort(d)
		if !config.IsLoopback(host) {
			t.Errorf("reached %s", d)
		}
	}
}

// The billing centre's reads (RPC style) are signed with the same credential chain as the
// order (ROA style): a profile resolved through STS reads back the order it placed, rather than
// calling a credential function the chain left unset.
func TestBillingReadsUseTheCredentialChain(t *testing.T) {
	s, ep, gate := credSandbox(t)
	home := t.TempDir()
	writeFile(t, filepath.Join(home, ".aliyun", "config.json"), fmt.Sprintf(`{"current":"r","profiles":[{"name":"r","mode":"RamRoleArn","access_key_id":%q,"access_key_secret":%q,"ram_role_arn":%q,"region_id":"cn-hangzhou"}]}`,
		sandbox.AlibabaRoleBaseKeyID, sandbox.AlibabaRoleBaseSecret, sandbox.AlibabaRoleArn))
	plan := func() (config.AlibabaPlan, error) {
		return config.AlibabaCredentialPlan(envMap(map[string]string{"HOME": home}), "")
	}
	p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, Chain: &Chain{Plan: plan, Gate: gate}})
	res, err := p.Submit(context.Background(), order)
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	got, err := p.OrderDetail(context.Background(), order.API, order.Region, res.OrderID)
	if err != nil || got.OrderID != res.OrderID {
		t.Fatalf("OrderDetail = %+v, %v; want order %s", got, err, res.OrderID)
	}
	if len(s.Orders()) != 1 {
		t.Fatalf("orders %d", len(s.Orders()))
	}
}
