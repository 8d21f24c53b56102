package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"cloudorder/i18n"
	"cloudorder/providers"
)

// saysItself is an error with its own words in both languages, as config.MissingError is.
type saysItself struct{}

func (saysItself) Error() string { return "no Huawei Cloud credential: set HUAWEICLOUD_SDK_AK" }
func (saysItself) Text() i18n.Text {
	return i18n.T("no Huawei Cloud credential: set HUAWEICLOUD_SDK_AK", "没有华为云凭证:请设置 HUAWEICLOUD_SDK_AK")
}

// A failed look-up whose error says itself in both languages is told in the session's
// language, not in the provider's English.
func TestLookupWhySaysABilingualErrorInChinese(t *testing.T) {
	err := &providers.Error{Kind: providers.Invalid, Message: "no Huawei Cloud credential: set HUAWEICLOUD_SDK_AK", Err: saysItself{}}
	why := lookupWhy(err, time.Second)
	if !strings.Contains(why.ZH, "没有华为云凭证") || strings.Contains(why.ZH, "no Huawei Cloud credential") {
		t.Fatalf("zh: %q", why.ZH)
	}
	if !strings.Contains(why.EN, "no Huawei Cloud credential") {
		t.Fatalf("en: %q", why.EN)
	}
	if plain := lookupWhy(errors.New("boom"), time.Second); !strings.Contains(plain.ZH, "boom") {
		t.Fatalf("a plain error's words are kept: %q", plain.ZH)
	}
}
