package flows

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Every field's help says more than its label: what the value does to the order. "Optional
// display ID." told a learner nothing the label had not.
func TestHelpSaysMoreThanTheLabel(t *testing.T) {
	filler := map[string]bool{"optional": true, "the": true, "a": true, "an": true, "of": true, "this": true}
	for _, api := range testAPIs {
		for _, d := range api.Doc().Fields {
			if d.Label.IsZero() {
				continue // the body object
			}
			if d.Help.EN == "" || d.Help.ZH == "" {
				t.Errorf("%s %s: help missing in a language", api.ID, d.Path)
				continue
			}
			label := map[string]bool{}
			for _, w := range words(d.Label.EN) {
				label[w] = true
			}
			extra := 0
			for _, w := range words(d.Help.EN) {
				if !label[w] && !filler[w] {
					extra++
				}
			}
			if extra < 4 {
				t.Errorf("%s %s: help %q only restates the label %q", api.ID, d.Path, d.Help.EN, d.Label.EN)
			}
			// Chinese has no spaces to count words by: the help is at least 8 characters
			// beyond what it shares with the label.
			if n := utf8.RuneCountInString(strings.ReplaceAll(d.Help.ZH, d.Label.ZH, "")); n < utf8.RuneCountInString(d.Label.ZH)+8 && n < 16 {
				t.Errorf("%s %s: zh help %q only restates the label %q", api.ID, d.Path, d.Help.ZH, d.Label.ZH)
			}
		}
	}
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_')
	})
}
