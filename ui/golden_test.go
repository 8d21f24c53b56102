package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

// TestGoldenScreens draws every screen at the smallest, the usual, a large and a very large
// window, in both languages. The first step lists testRegistry's APIs (harness_test.go), so
// an API added to flows changes none of these pictures.
func TestGoldenScreens(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}, {200, 60}} {
			w, h := size[0], size[1]
			// testdata/TestGoldenScreens/<screen>-<lang>-<w>x<h>.golden; -update rewrites them.
			shot := func(d *driver, screen string) {
				t.Helper()
				view := d.view()
				t.Run(fmt.Sprintf("%s-%s-%dx%d", screen, lang, w, h), func(t *testing.T) { golden.RequireEqual(t, view) })
			}
			p := &fakeProvider{}
			d := newDriver(t, Options{Provider: p, Lang: lang, Timeout: 30 * time.Second}, w, h)
			shot(d, "1-api")
			d.keys("enter")
			shot(d, "2-region")
			d.keys("enter", "enter")
			shot(d, "3-billing")
			d.keys("enter", "enter")
			shot(d, "4-review")
			d.keys("tab")
			shot(d, "5-review-json")
			d.keys("e")
			shot(d, "6-review-edit")
			d.keys("esc", "s")
			shot(d, "7-save-prompt")
			d.keys("esc")
			p.err = &providers.Error{Kind: providers.Rejected, HTTPStatus: 400, Code: "Throttling.User", Message: "Request was denied due to user flow control.", RequestID: "6C2B1D0A-REQ"}
			d.keys("y")
			shot(d, "8-error-throttled")
			p.err = nil
			d.keys("y")
			shot(d, "9-result")

			dsc := newDriver(t, Options{Provider: struct{ providers.Provider }{&fakeProvider{}}, Lang: lang, Timeout: 30 * time.Second}, w, h)
			dsc.pickAPI(flows.HuaweiDSC)
			dsc.keys("enter", "enter")
			shot(dsc, "10-dsc-region-blocked")
			dsc.keys("f1") // project_id is a text field: f1 is its help key
			shot(dsc, "14-field-help")
			dsc.keys("esc")
			dsc.typ("0a1b2c3d4e5f60718293a4b5c6d7e8f9")
			dsc.keys("enter")
			dsc.focus("body.product_infos[0].product_id")
			dsc.typ("OFFI740586375358963717")
			dsc.walk(nil)
			dsc.m.Update(keyMsg("y")) // in flight: the answer never comes in this test
			shot(dsc, "11-in-flight")

			live := newDriver(t, Options{Provider: &fakeProvider{}, Mode: providers.Live, Lang: lang, Credentials: []Credential{
				{Cloud: "alibaba", Found: true, Text: i18n.T("Alibaba Cloud: env ALIBABA_CLOUD_ACCESS_KEY_ID LTAI****************", "阿里云:env ALIBABA_CLOUD_ACCESS_KEY_ID LTAI****************")},
				{Cloud: "huawei", Text: i18n.T("Huawei Cloud: missing: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (looked at: env HUAWEICLOUD_SDK_AK; ~/.huaweicloud/credentials)",
					"华为云:缺少凭证:请设置 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK(已查找:env HUAWEICLOUD_SDK_AK;~/.huaweicloud/credentials)")},
			}}, w, h)
			shot(live, "12-live-credentials")
			local := newDriver(t, Options{Provider: &fakeProvider{}, Mode: providers.LocalEndpoint, Lang: lang}, w, h)
			shot(local, "13-local-endpoint")
		}
	}
}
