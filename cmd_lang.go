package main

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// docWidth is the width documents are wrapped to: readable in an 80-column terminal.
const docWidth = 80

// wrapIndent wraps text to docWidth with every line indented by indent spaces.
func wrapIndent(text string, indent int) string {
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	for _, line := range wrapText(text, docWidth-indent) {
		b.WriteString(pad + line + "\n")
	}
	return b.String()
}

// wrapToken is a piece wrapping never splits: a run of narrow characters, or one wide (Chinese)
// character; spaced says white space came before it.
type wrapToken struct {
	text   string
	spaced bool
}

// wrapText wraps text to width display columns (a Chinese character takes two). Lines break
// at spaces and between Chinese characters, never inside a word: charmbracelet/x/ansi's
// wrappers always break after '-', which splits the region ids (cn-north-4) and URLs a reader
// copies out of explain and review. A word wider than the line keeps a line of its own.
func wrapText(text string, width int) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line, w := "", 0
		for _, t := range tokens(para) {
			tw := ansi.StringWidth(t.text)
			sep := ""
			if t.spaced && line != "" {
				sep = " "
			}
			if line != "" && w+len(sep)+tw > width {
				lines = append(lines, line)
				line, w, sep = "", 0, ""
			}
			line += sep + t.text
			w += len(sep) + tw
		}
		lines = append(lines, line)
	}
	return lines
}

// closingPunct are the Chinese marks that end a phrase: they stay with the character before.
const closingPunct = "\u3002\uff0c\u3001\uff1b\uff1a\uff09\u300d\u300f\u201d\uff01\uff1f\u300b\u3011"

func tokens(s string) []wrapToken {
	var out []wrapToken
	cur, spaced := "", false
	flush := func() {
		switch {
		case cur == "":
			return
		case !spaced && len(out) > 0:
			out[len(out)-1].text += cur // "文档:https://…" breaks before 文, never after it
		default:
			out = append(out, wrapToken{cur, spaced})
		}
		cur, spaced = "", false
	}
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t':
			flush()
			spaced = true
		case strings.ContainsRune(closingPunct, r) && cur != "":
			cur += string(r) // never starts a line
		case strings.ContainsRune(closingPunct, r) && !spaced && len(out) > 0:
			out[len(out)-1].text += string(r)
		case ansi.StringWidth(string(r)) > 1:
			flush()
			out = append(out, wrapToken{string(r), spaced})
			spaced = false
		default:
			cur += string(r)
		}
	}
	flush()
	return out
}
