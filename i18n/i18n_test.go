package i18n

import (
	"errors"
	"fmt"
	"testing"
)

func TestParseLang(t *testing.T) {
	for in, want := range map[string]struct {
		lang Lang
		ok   bool
	}{
		"zh": {ZH, true}, "zh_CN.UTF-8": {ZH, true}, " ZH_tw ": {ZH, true},
		"en": {EN, true}, "en_US.UTF-8": {EN, true}, "C": {EN, true}, "C.UTF-8": {EN, true}, "POSIX": {EN, true},
		"fr_FR.UTF-8": {EN, false}, "": {EN, false},
	} {
		if l, ok := ParseLang(in); l != want.lang || ok != want.ok {
			t.Errorf("ParseLang(%q) = %q, %v; want %q, %v", in, l, ok, want.lang, want.ok)
		}
	}
}

// In falls back to the other language rather than showing nothing.
func TestTextIn(t *testing.T) {
	cases := []struct {
		t      Text
		en, zh string
		zero   bool
	}{
		{T("yes", "是"), "yes", "是", false},
		{T("only English", ""), "only English", "only English", false},
		{T("", "仅中文"), "仅中文", "仅中文", false},
		{Tf("%d orders", "%d 个订单", 3), "3 orders", "3 个订单", false},
		{Text{}, "", "", true},
	}
	for _, c := range cases {
		if got := c.t.In(EN); got != c.en {
			t.Errorf("%+v in en: %q, want %q", c.t, got, c.en)
		}
		if got := c.t.In(ZH); got != c.zh {
			t.Errorf("%+v in zh: %q, want %q", c.t, got, c.zh)
		}
		if c.t.IsZero() != c.zero {
			t.Errorf("%+v IsZero %v", c.t, !c.zero)
		}
	}
}

// A Text argument is put in each language as its own words.
func TestTfTakesTextArgumentsInEachLanguage(t *testing.T) {
	got := Tf("must be %s, not %s (%d)", "必须是%s,而不是%s(%d)", T("a number", "数字"), T("a string", "字符串"), 3)
	if got.EN != "must be a number, not a string (3)" || got.ZH != "必须是数字,而不是字符串(3)" {
		t.Fatalf("%+v", got)
	}
}

// An error says itself in both languages where it, or an error it wraps, has the words; any
// other error is its own message in both.
func TestTextOf(t *testing.T) {
	err := fmt.Errorf("opening: %w", Errorf("no key %s", "没有密钥 %s", "K"))
	if got := TextOf(err); got.EN != "no key K" || got.ZH != "没有密钥 K" {
		t.Fatalf("%+v", got)
	}
	if got := TextOf(errors.New("boom")); got.EN != "boom" || got.ZH != "boom" {
		t.Fatalf("%+v", got)
	}
}
