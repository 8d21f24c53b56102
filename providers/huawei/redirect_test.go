package huawei

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/providertest"
	"cloudorder/providers/sandbox"
	"cloudorder/providers/transport"
)

// A 3xx answer is never success, whatever its body: for an order it is unknown (it may have
// been acted on), for a look-up a failure — never "found 0". The real SDK against a loopback
// server answering 300, 302 and 307 with an order id and a project list in the body; the
// redirect is not followed.
func TestRedirectAnswersAreNotSuccess(t *testing.T) {
	for _, status := range []int{300, 302, 307} {
		ep, hits := providertest.RedirectingServer(t, status, `{"order_id":"CS-REDIRECTED","projects":[{"id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9","name":"cn-north-4","enabled":true}]}`)
		p := New(Options{APIs: testAPIs, Mode: providers.LocalEndpoint, Endpoint: &ep, Timeout: 5 * time.Second, UserAgent: "cloudorder/test",
			Credential: func() (config.HuaweiCredential, error) {
				return config.HuaweiCredential{AK: sandbox.HuaweiAK, SK: config.NewSecret(sandbox.HuaweiSK), Source: "test"}, nil
			}})
		for _, name := range []string{"huawei-dsc.json", "huawei-workspaceapp.json"} {
			res, err := p.Submit(context.Background(), loadOrder(t, name))
			var pe *providers.Error
			if !errors.As(err, &pe) || pe.Kind != providers.Unknown || pe.HTTPStatus != status || res.OrderID != "" ||
				!strings.Contains(pe.Message, "the answer was a redirect") || !errors.Is(err, transport.ErrRedirect) {
				t.Errorf("%d %s: %+v %v", status, name, res, err)
			}
		}
		opts, err := p.Lookup(context.Background(), providers.LookupQuery{API: flows.HuaweiDSC, Name: LookupProjects, Region: "cn-north-4"})
		if err == nil || len(opts) != 0 || !strings.Contains(err.Error(), "redirect") {
			t.Errorf("%d look-up: %v %v", status, opts, err)
		}
		if n := hits.Load(); n != 3 {
			t.Errorf("%d: %d requests, want 3 (a redirect is never followed)", status, n)
		}
	}
}
