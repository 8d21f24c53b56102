// Package config is where settings and credentials come from: flags, environment, the config
// file, the SDKs' own credential conventions, XDG paths and language.
package config

import "cloudorder/i18n"

// Lang picks the interface language: the --lang flag, else LC_ALL, LC_MESSAGES or LANG
// (zh* → Chinese), else English. ok is false when flag is set but is neither en nor zh.
func Lang(flag string, getenv func(string) string) (lang i18n.Lang, ok bool) {
	return LangFrom(flag, "", getenv)
}

// LangFrom is Lang with config.toml's lang (setting, "" = none) between the environment and
// English: the flag, else LC_ALL, LC_MESSAGES or LANG, else the setting, else English.
func LangFrom(flag, setting string, getenv func(string) string) (lang i18n.Lang, ok bool) {
	if flag != "" {
		return i18n.ParseLang(flag)
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			l, _ := i18n.ParseLang(v)
			return l, true
		}
	}
	if l, known := i18n.ParseLang(setting); known && setting != "" {
		return l, true
	}
	return i18n.EN, true
}
