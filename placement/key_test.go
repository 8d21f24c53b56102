package placement

import (
	"testing"

	"cloudorder/flows"
	"cloudorder/providers"
)

func TestCanonicalBodyJSON(t *testing.T) {
	for in, want := range map[string]string{
		`{"b":1,"a":{"d":[true,null],"c":"<&>"}}`: `{"a":{"c":"<&>","d":[true,null]},"b":1}`,
		" [ 1.50 , \"\\u0041\" ] ":                `[1.50,"A"]`,
		`{"a":1`:                                  `{"a":1`,
	} {
		if got := string(CanonicalBody(nil, []byte(in))); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}

// The spelling of the endpoint (case, trailing dot, default port) and of the body (key order,
// white space, the order of InstanceProperties) does not make a new order; the mode does not
// take part at all.
func TestDigestIsTheOrderNotItsSpelling(t *testing.T) {
	oss := flows.Order{API: flows.AlibabaPAI, Region: "cn-hangzhou", Body: []byte(`{"AutoPay":true,"Products":[{"ProductCode":"OSS_share",` +
		`"InstanceProperties":[{"Code":"commodity_type","Value":"oss"},{"Code":"ord_time","Value":"1:Hour"}]}]}`)}
	swapped := oss
	swapped.Body = []byte(`{ "Products": [ {"InstanceProperties":[{"Value":"1:Hour","Code":"ord_time"},{"Code":"commodity_type","Value":"oss"}],` +
		`"ProductCode":"OSS_share"}], "AutoPay": true }`)
	base := providers.Target{Mode: providers.Live, Endpoint: "https://business.aliyuncs.com"}
	want := Digest(flows.PAI, base, oss)
	for name, tc := range map[string]struct {
		t providers.Target
		o flows.Order
	}{
		"properties in another order": {base, swapped},
		"upper-case host":             {providers.Target{Endpoint: "HTTPS://Business.AliyunCS.com"}, oss},
		"trailing dot":                {providers.Target{Endpoint: "https://business.aliyuncs.com."}, oss},
		"default port":                {providers.Target{Endpoint: "https://business.aliyuncs.com:443"}, oss},
		"another mode":                {providers.Target{Mode: providers.LocalEndpoint, Endpoint: "https://business.aliyuncs.com"}, oss},
	} {
		if got := Digest(flows.PAI, tc.t, tc.o); got != want {
			t.Errorf("%s: a new digest", name)
		}
	}
	// What does change the order.
	other := oss
	other.Region = "cn-beijing"
	products := oss
	products.Body = []byte(`{"AutoPay":true,"Products":[{"ProductCode":"OSS_share","InstanceProperties":[{"Code":"commodity_type","Value":"oss"}]}]}`)
	for name, d := range map[string]string{
		"region":   Digest(flows.PAI, base, other),
		"body":     Digest(flows.PAI, base, products),
		"port":     Digest(flows.PAI, providers.Target{Endpoint: "https://business.aliyuncs.com:8443"}, oss),
		"host":     Digest(flows.PAI, providers.Target{Endpoint: "https://business.ap-southeast-1.aliyuncs.com"}, oss),
		"sandbox":  Digest(flows.PAI, providers.Target{InProcess: true, Endpoint: "http://127.0.0.1:4000"}, oss),
		"loopback": Digest(flows.PAI, providers.Target{Endpoint: "http://127.0.0.1:4000"}, oss),
	} {
		if d == want {
			t.Errorf("a different %s made the same digest", name)
		}
	}
	// The in-process sandbox is one target whatever its port.
	if Digest(flows.PAI, providers.Target{InProcess: true, Endpoint: "http://127.0.0.1:1"}, oss) != Digest(flows.PAI, providers.Target{InProcess: true, Endpoint: "http://127.0.0.1:2"}, oss) {
		t.Error("the in-process sandbox's port made a new order")
	}
}

// A record an older version wrote in sandbox mode on a loopback endpoint is found both by the
// in-process sandbox and by the same endpoint probed either way.
func TestRecordDigestsOfOldSandboxRecords(t *testing.T) {
	o := flows.Order{API: flows.AlibabaPAI, Region: "cn-hangzhou", Body: []byte(`{"AutoPay":true}`)}
	got := RecordDigests(flows.PAI, o.API, o.Region, "", "http://127.0.0.1:4000", providers.Sandbox, o.Body)
	for _, t2 := range []providers.Target{{InProcess: true, Endpoint: "http://127.0.0.1:5000"}, {Mode: providers.LocalEndpoint, Endpoint: "http://127.0.0.1:4000"}} {
		d := Digest(flows.PAI, t2, o)
		if d != got[0] && (len(got) < 2 || d != got[1]) {
			t.Errorf("%+v: not found among %v", t2, got)
		}
	}
	if live := RecordDigests(flows.PAI, o.API, o.Region, "", "https://business.aliyuncs.com", providers.Live, o.Body); len(live) != 1 ||
		live[0] != Digest(flows.PAI, providers.Target{Endpoint: "https://business.aliyuncs.com"}, o) {
		t.Errorf("a live record: %v", live)
	}
}
