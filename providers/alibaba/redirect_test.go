package alibaba

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"cloudorder/providers"
	"cloudorder/providers/providertest"
	"cloudorder/providers/sandbox"
)

// A 3xx answer to an order is unknown, whatever its body holds, and is not followed: the real
// SDK against a loopback server answering 300, 302 and 307 with an order id in the body.
func TestRedirectAnswersAreUnknown(t *testing.T) {
	for _, status := range []int{300, 302, 307} {
		ep, hits := providertest.RedirectingServer(t, status, `{"RequestId":"r-1","Code":"200","Data":{"OrderId":"REDIRECTED"},"Success":true}`)
		p := New(Options{APIs: testAPIs, Mode: providers.LocalEndpoint, Endpoint: &ep, Timeout: 5 * time.Second, Credential: key(sandbox.AlibabaAccessKeySecret)})
		res, err := p.Submit(context.Background(), order)
		var pe *providers.Error
		if !errors.As(err, &pe) || pe.Kind != providers.Unknown || pe.HTTPStatus != status || res.OrderID != "" ||
			!strings.Contains(pe.Message, "the answer was a redirect") {
			t.Errorf("%d: %+v %v", status, res, err)
		}
		if n := hits.Load(); n != 1 {
			t.Errorf("%d: %d requests (a redirect is never followed)", status, n)
		}
	}
}
