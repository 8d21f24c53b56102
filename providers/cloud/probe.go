package cloud

import (
	"encoding/json"
	"io"
	"net/http"
	"time"

	"cloudorder/config"
	"cloudorder/providers"
	"cloudorder/providers/sandbox"
)

// probeTimeout bounds the identity probe, headers and body: the sandbox answers on loopback in
// well under a millisecond, and whatever is slower than this is not it (LocalEndpoint).
const probeTimeout = 500 * time.Millisecond

// probeMode says where orders to ep really go. Only a loopback endpoint is asked, once, with
// GET /_sandbox/health on its own short-lived client — never through the order path's SDK
// clients or their transports. An endpoint that answers as the cloudorder sandbox is Sandbox;
// any other loopback endpoint is LocalEndpoint (not provably the cloud, nor an emulator); a
// remote endpoint is Live. The probe carries no credentials.
func probeMode(ep config.Endpoint) providers.Mode {
	if !config.IsLoopback(ep.Host) {
		return providers.Live
	}
	client := &http.Client{
		Timeout:       probeTimeout,
		Transport:     &http.Transport{Proxy: nil, DisableKeepAlives: true}, // loopback: never via a proxy
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Get(ep.String() + "/_sandbox/health")
	if err != nil {
		return providers.LocalEndpoint
	}
	defer resp.Body.Close()
	var h map[string]string
	if resp.StatusCode != http.StatusOK || json.NewDecoder(io.LimitReader(resp.Body, 4096)).Decode(&h) != nil ||
		h["service"] != sandbox.HealthService || h["status"] != "ok" {
		return providers.LocalEndpoint
	}
	return providers.Sandbox
}
