// Package i18n holds what every user-visible string is made of: a Text in English and Chinese,
// and the language a session reads. It imports nothing of cloudorder, so every package can use
// it — the order definitions in flows as much as the command line's messages.
package i18n

import (
	"errors"
	"fmt"
	"strings"
)

// Lang is a user-interface language.
type Lang string

// The two languages every user-visible string exists in.
const (
	EN Lang = "en"
	ZH Lang = "zh"
)

// ParseLang maps "en", "zh", "zh_CN.UTF-8", "en_US" … to a Lang; ok is false for anything else.
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(s, "zh"):
		return ZH, true
	case strings.HasPrefix(s, "en"), s == "c", s == "posix", strings.HasPrefix(s, "c."):
		return EN, true
	}
	return EN, false
}

// Text is one user-visible string in both languages.
type Text struct {
	EN string `json:"en"`
	ZH string `json:"zh"`
}

// T builds a Text.
func T(en, zh string) Text { return Text{EN: en, ZH: zh} }

// Tf builds a Text from two format strings sharing the same arguments.
//
// An argument that is itself a Text is put in each language as its own words (so "not %s"
// with a Text argument reads "not a string" / "而不是字符串").
func Tf(en, zh string, args ...any) Text {
	enArgs, zhArgs := make([]any, len(args)), make([]any, len(args))
	for i, a := range args {
		enArgs[i], zhArgs[i] = a, a
		if t, ok := a.(Text); ok {
			enArgs[i], zhArgs[i] = t.EN, t.ZH
		}
	}
	return Text{EN: fmt.Sprintf(en, enArgs...), ZH: fmt.Sprintf(zh, zhArgs...)}
}

// In returns the text in lang, falling back to the other language when one is missing.
func (t Text) In(lang Lang) string {
	if lang == ZH && t.ZH != "" {
		return t.ZH
	}
	if t.EN != "" {
		return t.EN
	}
	return t.ZH
}

// IsZero reports whether the text is empty in both languages.
func (t Text) IsZero() bool { return t.EN == "" && t.ZH == "" }

// Err is an error that says itself in both languages.
type Err struct{ T Text }

func (e *Err) Error() string { return e.T.EN }

// Text is the error in both languages.
func (e *Err) Text() Text { return e.T }

// Errorf is an error in both languages, from two format strings sharing the arguments (Tf).
func Errorf(en, zh string, args ...any) error { return &Err{T: Tf(en, zh, args...)} }

// TextOf is err in both languages: its own words where err, or an error it wraps, has them
// (a Text method, as Err, config's MissingError and EndpointError have), else its message in
// both (the cloud's or the system's own words).
func TextOf(err error) Text {
	var said interface{ Text() Text }
	if errors.As(err, &said) {
		return said.Text()
	}
	return Text{EN: err.Error(), ZH: err.Error()}
}
