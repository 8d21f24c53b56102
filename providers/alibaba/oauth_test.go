package alibaba

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cloudorder/config"
	"cloudorder/providers"
	"cloudorder/providers/credgate"
	"cloudorder/providers/sandbox"
)

// oauthChildEnv carries, to the test binary run again as a child, the sandbox's URL and the
// home holding the OAuth profile.
const oauthChildEnv = "ALIBABA_OAUTH_TEST_CHILD"

// An OAuth profile as `aliyun configure --mode OAuth` leaves it (site CN, a refresh token, no
// access token yet): credentials-go's CLI profile provider refreshes the access token at the
// sign-in service, exchanges it for a temporary key, and writes both back to config.json; the
// key signs the order with its security token.
//
// That provider takes no HttpOptions: its requests go through the environment's proxy, which
// Go reads once per process. So the order is placed by this test binary run again as a child
// whose HTTPS_PROXY is a credential gate routing oauth.aliyun.com to the sandbox (over TLS with
// the sandbox's authority); the gate's record shows the sign-in went nowhere but loopback.
func TestOAuthSignsTheOrderAndWritesTheTokensBack(t *testing.T) {
	if os.Getenv(oauthChildEnv) != "" {
		t.Skip("the child runs TestOAuthChildPlacesTheOrder")
	}
	s, _, gopts := credSandbox(t)
	home := t.TempDir()
	cfg := filepath.Join(home, ".aliyun", "config.json")
	writeFile(t, cfg, fmt.Sprintf(`{"current":"web","profiles":[{"name":"web","mode":"OAuth","oauth_site_type":"CN","oauth_refresh_token":%q,"region_id":"cn-hangzhou"}]}`,
		sandbox.AlibabaOAuthRefreshToken))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	gate, err := credgate.Start(ctx, gopts)
	if err != nil {
		t.Fatal(err)
	}
	defer gate.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestOAuthChildPlacesTheOrder$", "-test.count=1", "-test.v")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "SSL_CERT_FILE=" + os.Getenv("SSL_CERT_FILE"),
		"HTTPS_PROXY=" + gate.URL(), oauthChildEnv + "=" + s.URL()}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestOAuthChildPlacesTheOrder") {
		t.Fatalf("child: %v\n%s", err, out)
	}
	keys := s.IssuedAlibabaKeys()
	if len(s.Orders()) != 1 || len(keys) != 1 || keys[0].Used != 1 || !strings.Contains(keys[0].Arn, "AliyunOAuthUser") {
		t.Fatalf("orders %d, issued %+v", len(s.Orders()), keys)
	}
	if len(gate.Reached()) == 0 {
		t.Fatal("the sign-in did not go through the gate")
	}
	var conf struct {
		Profiles []struct {
			OAuthRefreshToken string `json:"oauth_refresh_token"`
			OAuthAccessToken  string `json:"oauth_access_token"`
			AccessKeyID       string `json:"access_key_id"`
		}
	}
	raw, err := os.ReadFile(cfg)
	if err != nil || json.Unmarshal(raw, &conf) != nil || len(conf.Profiles) != 1 {
		t.Fatalf("config.json after: %v %s", err, raw)
	}
	if p := conf.Profiles[0]; p.OAuthRefreshToken == sandbox.AlibabaOAuthRefreshToken || p.OAuthAccessToken == "" || p.AccessKeyID != keys[0].AccessKeyID {
		t.Errorf("the refreshed tokens were not written back: %+v", p)
	}
	if strings.Contains(string(out), sandbox.AlibabaOAuthRefreshToken) || strings.Contains(string(out), "SandboxOAuthAccess") {
		t.Errorf("the child printed a token:\n%s", out)
	}
}

// TestOAuthChildPlacesTheOrder is the child's half of the test above.
func TestOAuthChildPlacesTheOrder(t *testing.T) {
	base := os.Getenv(oauthChildEnv)
	if base == "" {
		t.Skip("run by TestOAuthSignsTheOrderAndWritesTheTokensBack")
	}
	ep, err := config.ParseEndpoint(base)
	if err != nil {
		t.Fatal(err)
	}
	plan := func() (config.AlibabaPlan, error) { return config.AlibabaCredentialPlan(os.Getenv, "") }
	if p, err := plan(); err != nil || p.Mode != config.ModeOAuth {
		t.Fatalf("plan %+v %v", p, err)
	}
	p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second,
		Chain: &Chain{Plan: plan, Gate: credgate.Options{LoopbackOnly: true}}})
	if _, err := p.Submit(context.Background(), order); err != nil {
		t.Fatalf("submit: %v", err)
	}
}
