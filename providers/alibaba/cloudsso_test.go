package alibaba

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cloudorder/config"
	"cloudorder/providers"
	"cloudorder/providers/sandbox"
)

// A CloudSSO profile as `aliyun configure --mode CloudSSO` leaves it (sign-in URL, account,
// access configuration, portal access token, no cached key): credentials-go's CloudSSO provider
// asks the user portal (the sandbox, through the gate, over TLS) for the access configuration's
// temporary key, which signs the order with its security token. An access configuration the
// user does not have is refused with the portal's code, and nothing is ordered.
func TestCloudSSOSignsTheOrderWithThePortalsKey(t *testing.T) {
	home := t.TempDir()
	expire := time.Now().Add(time.Hour).Unix()
	profile := func(name, accessConfig string) string {
		return fmt.Sprintf(`{"name":%q,"mode":"CloudSSO","cloud_sso_sign_in_url":%q,"cloud_sso_account_id":%q,"cloud_sso_access_config":%q,"access_token":%q,"cloud_sso_access_token_expire":%d,"region_id":"cn-hangzhou"}`,
			name, sandbox.AlibabaCloudSSOSignInURL, sandbox.AlibabaAccountID, accessConfig, sandbox.AlibabaCloudSSOAccessToken, expire)
	}
	writeFile(t, filepath.Join(home, ".aliyun", "config.json"), `{"current":"sso","profiles":[`+
		profile("sso", sandbox.AlibabaCloudSSOAccessConfig)+","+profile("other", "ac-notmine")+`]}`)
	s, ep, gate := credSandbox(t)
	chain := func(name string) *Chain {
		return &Chain{Plan: func() (config.AlibabaPlan, error) {
			return config.AlibabaCredentialPlan(envMap(map[string]string{"HOME": home}), name)
		}, Gate: gate}
	}
	p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, Chain: chain("sso")})
	if tg := p.Target(order.API, order.Region); !strings.Contains(tg.Credential, config.ModeCloudSSO) || len(s.IssuedAlibabaKeys()) != 0 {
		t.Fatalf("target %+v: Target must not sign in", tg)
	}
	if _, err := p.Submit(context.Background(), order); err != nil {
		t.Fatalf("submit: %v", err)
	}
	keys := s.IssuedAlibabaKeys()
	if len(s.Orders()) != 1 || len(keys) != 1 || keys[0].Used != 1 || !strings.Contains(keys[0].Arn, ":assumed-role/AliyunReservedSSO_") {
		t.Fatalf("orders %d, issued %+v", len(s.Orders()), keys)
	}

	p = New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, Chain: chain("other")})
	_, err := p.Submit(context.Background(), order)
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.Invalid || pe.Code != "NoPermission.AccessConfiguration" || pe.RequestID == "" || len(s.Orders()) != 1 {
		t.Fatalf("err = %#v, orders %d", err, len(s.Orders()))
	}
	if strings.Contains(err.Error(), sandbox.AlibabaCloudSSOAccessToken) {
		t.Error("the access token is in the error")
	}
}
