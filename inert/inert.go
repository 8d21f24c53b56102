// Package inert makes text that came from elsewhere — a server's codes, messages and ids, an
// SDK's error, a key in a person's file — safe to put on a terminal or a clipboard: nothing in
// it can move the cursor, recolour the screen, reorder what is shown or forge a line. It
// imports nothing, so every package (flows, config, providers, ui) uses this one definition.
package inert

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Active reports whether a rune must not reach a terminal as is: C0 and C1 controls, DEL,
// the line and paragraph separators (U+2028, U+2029), bidirectional controls (U+200E/F,
// U+202A–E, U+2066–9, U+061C), and the replacement for invalid UTF-8.
func Active(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == '\u2028' || r == '\u2029' ||
		unicode.Is(unicode.Bidi_Control, r) || r == utf8.RuneError
}

// Text is s with every Active rune escaped (\n, \r, \t, \xNN for ASCII controls and invalid
// bytes, \uNNNN otherwise), so it shows as written and does nothing. Clean text is returned
// as is.
func Text(s string) string {
	if !strings.ContainsFunc(s, Active) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && Active(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case Active(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
