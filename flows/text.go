package flows

import "cloudorder/i18n"

// The texts of flows are package i18n's. These aliases and forwarders keep flows.Text,
// flows.T, flows.Tf and flows.Lang working for the packages that still spell them so (ui/);
// new code outside flows uses i18n directly.
type (
	// Lang is i18n.Lang.
	Lang = i18n.Lang
	// Text is i18n.Text.
	Text = i18n.Text
)

// The two languages, as i18n's.
const (
	EN = i18n.EN
	ZH = i18n.ZH
)

// T is i18n.T.
func T(en, zh string) Text { return i18n.T(en, zh) }

// Tf is i18n.Tf.
func Tf(en, zh string, args ...any) Text { return i18n.Tf(en, zh, args...) }
