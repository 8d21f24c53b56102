package alibaba

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"cloudorder/config"
	"cloudorder/providers"
	"cloudorder/providers/sandbox"
)

// A 3xx answer to an order is unknown, whatever its body holds, and is not followed: the real
// SDK against a loopback server answering 300, 302 and 307 with an order id in the body.
func TestRedirectAnswersAreUnknown(t *testing.T) {
	for _, status := range []int{300, 302, 307} {
		var hits atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Location", "http://127.0.0.1:1/elsewhere")
			w.WriteHeader(status)
			_, _ = w.Write([]byte(`{"RequestId":"r-1","Code":"200","Data":{"OrderId":"REDIRECTED"},"Success":true}`))
		}))
		ep, err := config.ParseEndpoint(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
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
		srv.Close()
	}
}
