package placement

import (
	"testing"

	"cloudorder/providers"
)

// The pay command printed for an unpaid order pays it where it was sent: copied as printed, it
// never reaches another place (the cloud, for an order of the sandbox).
func TestPayCommandPaysWhereTheOrderWasSent(t *testing.T) {
	for _, c := range []struct {
		t    providers.Target
		want string
	}{
		{providers.Target{Mode: providers.Live, Endpoint: "https://dsc.cn-north-4.myhuaweicloud.com"}, "cloudorder pay CS1"},
		{providers.Target{Mode: providers.Sandbox, Endpoint: "http://127.0.0.1:41234", InProcess: true}, "cloudorder pay CS1 --sandbox"},
		{providers.Target{Mode: providers.Sandbox, Endpoint: "http://127.0.0.1:8790"}, "cloudorder pay CS1 --endpoint http://127.0.0.1:8790"},
		{providers.Target{Mode: providers.LocalEndpoint, Endpoint: "http://127.0.0.1:9000"}, "cloudorder pay CS1 --endpoint http://127.0.0.1:9000"},
	} {
		if got := PayCommand("CS1", c.t); got != c.want {
			t.Errorf("%+v: %q, want %q", c.t, got, c.want)
		}
	}
	if got := PayCommand("CS1\x1b[2J", providers.Target{}); got != "cloudorder pay "+providers.Printable("CS1\x1b[2J") {
		t.Errorf("server text not made inert: %q", got)
	}
	if got := UnpaidLine(PayCommand("CS1", providers.Target{InProcess: true, Mode: providers.Sandbox}), ""); got.EN != "placed, unpaid — pay with `cloudorder pay CS1 --sandbox`" ||
		got.ZH != "已下单,未支付 — 请用 `cloudorder pay CS1 --sandbox` 支付" {
		t.Errorf("UnpaidLine: %+v", got)
	}
}
