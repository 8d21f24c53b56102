package alibaba

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"cloudorder/config"
	"cloudorder/providers"
	"cloudorder/providers/sandbox"
)

// ALIBABA_CLOUD_CREDENTIALS_URI: a credentials service on this machine answers credentials-go's
// GET with the documented JSON (Code, AccessKeyId, AccessKeySecret, SecurityToken, Expiration;
// https://www.alibabacloud.com/help/en/sdk/developer-reference/v2-manage-go-access-credentials).
// Here it is a sidecar that assumes the sandbox account's role at the sandbox's STS, so what it
// hands out is a temporary key the sandbox issued: the order is signed with it and carries its
// security token (the sandbox refuses an issued key whose token is missing or another one's).
func TestCredentialsURISignsTheOrderWithItsTemporaryKey(t *testing.T) {
	s, ep, gate := credSandbox(t)
	home := t.TempDir()
	writeFile(t, filepath.Join(home, ".aliyun", "config.json"), fmt.Sprintf(`{"current":"role","profiles":[{"name":"role","mode":"RamRoleArn","access_key_id":%q,"access_key_secret":%q,"ram_role_arn":%q,"ram_session_name":"sidecar"}]}`,
		sandbox.AlibabaRoleBaseKeyID, sandbox.AlibabaRoleBaseSecret, sandbox.AlibabaRoleArn))
	sidecar := &Chain{Plan: func() (config.AlibabaPlan, error) {
		return config.AlibabaCredentialPlan(envMap(map[string]string{"HOME": home}), "")
	}, Gate: gate}
	var served atomic.Int32
	var wrongToken atomic.Bool
	uri := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != "/v1/credentials" {
			http.NotFound(w, r)
			return
		}
		k, err := sidecar.Resolve(r.Context())
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		token := k.SecurityToken.Reveal()
		if wrongToken.Load() {
			token = "CAISandboxSecurityTokenOfAnotherKey"
		}
		served.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"Code": "Success", "AccessKeyId": k.AccessKeyID,
			"AccessKeySecret": k.AccessKeySecret.Reveal(), "SecurityToken": token,
			"Expiration": time.Now().Add(time.Hour).UTC().Format("2006-01-02T15:04:05Z")})
	}))
	t.Cleanup(uri.Close)
	env := envMap(map[string]string{"HOME": t.TempDir(), "ALIBABA_CLOUD_CREDENTIALS_URI": uri.URL + "/v1/credentials"})
	plan := func() (config.AlibabaPlan, error) { return config.AlibabaCredentialPlan(env, "") }
	if p, err := plan(); err != nil || p.Mode != config.ModeCredentialsURI {
		t.Fatalf("plan %+v %v", p, err)
	}
	p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, Chain: &Chain{Plan: plan, Gate: gate}})
	if tg := p.Target(order.API, order.Region); !strings.Contains(tg.Credential, config.ModeCredentialsURI) || served.Load() != 0 {
		t.Fatalf("target %+v, served %d: Target must not ask the URI", tg, served.Load())
	}
	if _, err := p.Submit(context.Background(), order); err != nil {
		t.Fatalf("submit: %v", err)
	}
	keys := s.IssuedAlibabaKeys()
	if served.Load() != 1 || len(s.Orders()) != 1 || len(keys) != 1 || keys[0].Used != 1 || !strings.HasSuffix(keys[0].Arn, "/sidecar") {
		t.Fatalf("served %d, orders %d, issued %+v", served.Load(), len(s.Orders()), keys)
	}

	// The same key with a token that is not its own: the sandbox refuses the order, so the
	// order above was accepted because the right token travelled with it.
	wrongToken.Store(true)
	p = New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second, Chain: &Chain{Plan: plan, Gate: gate}})
	_, err := p.Submit(context.Background(), order)
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Code != "InvalidSecurityToken.Mismatch" || len(s.Orders()) != 1 {
		t.Fatalf("err = %#v, orders %d", err, len(s.Orders()))
	}
}

// A credentials URI that answers an error is refused with what it said; nothing is ordered.
func TestCredentialsURIErrorIsShownAndNothingIsOrdered(t *testing.T) {
	s, ep, gate := credSandbox(t)
	uri := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, `{"Code":"Forbidden","Message":"this workload may not have keys"}`, http.StatusForbidden)
	}))
	t.Cleanup(uri.Close)
	env := envMap(map[string]string{"HOME": t.TempDir(), "ALIBABA_CLOUD_CREDENTIALS_URI": uri.URL})
	p := New(Options{APIs: testAPIs, Mode: providers.Sandbox, Endpoint: &ep, Timeout: 5 * time.Second,
		Chain: &Chain{Plan: func() (config.AlibabaPlan, error) { return config.AlibabaCredentialPlan(env, "") }, Gate: gate}})
	_, err := p.Submit(context.Background(), order)
	if err == nil || !strings.Contains(err.Error(), "may not have keys") || len(s.Orders()) != 0 {
		t.Fatalf("err = %v, orders %d", err, len(s.Orders()))
	}
}
