package main

import (
	"bytes"
	"strings"
	"testing"

	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/ui"
)

// The wizard's exit report words each failure as the outcome table does (the same headline
// submit prints), in the session's language, with the table's exit code.
func TestWizardExitReportUsesOutcomeTable(t *testing.T) {
	for _, k := range []providers.Kind{providers.Invalid, providers.Rejected, providers.Unknown, providers.NotSent} {
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
			var out, errOut bytes.Buffer
			c := &cli{stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }, lang: lang}
			code := reportOutcome(ui.Outcome{Failure: k, FailureText: "the facts"}, c)
			want := placement.WordingOf(k)
			if code != want.Exit || !strings.Contains(errOut.String(), want.Headline.In(lang)) || !strings.Contains(errOut.String(), "the facts") {
				t.Errorf("kind %d %s: exit %d, stderr %q; want exit %d and %q", k, lang, code, errOut.String(), want.Exit, want.Headline.In(lang))
			}
			if strings.Count(strings.ToLower(errOut.String()), "not sent") > 1 || strings.Count(errOut.String(), "未发送") > 1 {
				t.Errorf("kind %d %s: the not-sent framing is repeated: %q", k, lang, errOut.String())
			}
		}
	}
}
